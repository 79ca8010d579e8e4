import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../backend/src/app.module';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../backend/src/config/configuration';
import { seedDemo } from '../../backend/src/database/demo/seed-demo';
import { setupApp } from '../../backend/src/setup-app';
import {
  dropStaleTestDatabases,
  dropTestDatabase,
  prepareTestDatabase,
  runDatabaseName,
} from '../../backend/test/test-database';

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  /** http://127.0.0.1:<port>: the API under /api and the built frontend at /. */
  baseUrl: string;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Seed the demo organisations, accounts and lists (default true). */
  seedDemo?: boolean;
  /**
   * A database of its own, `dutylist_test_e2e_<name>_<run>`, built from the migrations and dropped on
   * close, instead of the run's shared one: for specs that move the demo lists through the cycle, which
   * other spec files of the same run read as drafts. Its queues get their own prefix too.
   */
  ownDatabase?: string;
  /** The whole configuration, instead of the one from the environment. */
  config?: AppConfig;
}

/** The whole application, configured as main.ts does, on a free port, with the demo data seeded. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let config = options.config ?? loadConfig();
  let ownName: string | undefined;
  if (options.ownDatabase) {
    const suite = `e2e_${options.ownDatabase}`;
    await dropStaleTestDatabases(suite);
    ownName = runDatabaseName(suite, Number(process.env.TEST_RUN_PID ?? process.pid));
    config = {
      ...config,
      DATABASE_URL: await prepareTestDatabase(ownName),
      QUEUE_PREFIX: `${config.QUEUE_PREFIX}-${options.ownDatabase}`,
    };
  }
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] });
  Logger.overrideLogger(['error', 'warn']);
  setupApp(app, config);
  await app.listen(0, '127.0.0.1');
  const db = app.get<DataSource>(getDataSourceToken());
  if (options.seedDemo !== false) await seedDemo(db);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = async () => {
    await app.close();
    if (ownName) await dropTestDatabase(ownName);
  };
  return { app, db, baseUrl, http: request(app.getHttpServer()), close };
}
