import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../backend/src/app.module';
import { loadConfig } from '../../backend/src/config/configuration';
import { seedDemo } from '../../backend/src/database/demo/seed-demo';
import { setupApp } from '../../backend/src/setup-app';

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  /** http://127.0.0.1:<port>: the API under /api and the built frontend at /. */
  baseUrl: string;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The whole application, configured as main.ts does, on a free port, with the demo data seeded. */
export async function startTestApp(options: { seedDemo?: boolean } = {}): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] });
  Logger.overrideLogger(['error', 'warn']);
  setupApp(app, loadConfig());
  await app.listen(0, '127.0.0.1');
  const db = app.get<DataSource>(getDataSourceToken());
  if (options.seedDemo !== false) await seedDemo(db);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return { app, db, baseUrl, http: request(app.getHttpServer()), close: () => app.close() };
}
