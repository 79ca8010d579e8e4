import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadConfig } from './config/configuration';
import { setupApp } from './setup-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new ConsoleLogger({ json: config.LOG_FORMAT === 'json', prefix: 'api' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger });
  setupApp(app, config);
  await app.listen(config.PORT);
  logger.log(`API listening on http://localhost:${config.PORT} (OpenAPI: /api/docs)`, 'Bootstrap');
}

void bootstrap();
