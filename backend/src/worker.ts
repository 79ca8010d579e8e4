import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './config/configuration';
import { WorkerModule } from './worker.module';

/** The queue worker: a second entry point of the same codebase; run several for scale-out. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new ConsoleLogger({ json: config.LOG_FORMAT === 'json', prefix: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  logger.log(`worker ${process.pid} processing queues (prefix ${config.QUEUE_PREFIX})`, 'Bootstrap');
}

void bootstrap();
