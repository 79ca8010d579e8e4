import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { QueueErrorLogging } from './queue-errors';
import { QUEUES } from './queue-names';
import { redisOptionsFromUrl } from './redis-options';
import { RedisHealthClient } from './redis.provider';

/**
 * BullMQ on Redis: connection, prefix and the one retry/backoff policy of every job.
 * The API only enqueues; processors live in the worker (src/worker.ts).
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { ...redisOptionsFromUrl(config.REDIS_URL), maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.system }, { name: QUEUES.notifications }, { name: QUEUES.deliveries }),
  ],
  providers: [RedisHealthClient, QueueErrorLogging],
  exports: [BullModule, RedisHealthClient],
})
export class QueueModule {}
