import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import { loadConfig } from '../src/config/configuration';
import { QUEUES, type SystemPingResult } from '../src/modules/queue/queue-names';
import { redisOptionsFromUrl } from '../src/modules/queue/redis-options';
import { WorkerModule } from '../src/worker.module';

/** The worker entry point's module processes jobs from real Redis. */
describe('worker', () => {
  let worker: INestApplicationContext;
  let events: QueueEvents;
  let queue: Queue;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    queue = worker.get<Queue>(getQueueToken(QUEUES.system));
    const config = loadConfig();
    events = new QueueEvents(QUEUES.system, {
      connection: redisOptionsFromUrl(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await queue?.obliterate({ force: true });
    await worker?.close();
  });

  it('answers a ping job enqueued on the system queue', async () => {
    const requestedAt = new Date().toISOString();
    const job = await queue.add('ping', { requestedAt });
    const result = (await job.waitUntilFinished(events, 10000)) as SystemPingResult;
    expect(result).toMatchObject({ pong: true, requestedAt, worker: process.pid });
  });
});
