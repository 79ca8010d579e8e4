import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { redisOptionsFromUrl } from '../queue/redis-options';
import { liveChannel, type LiveMessage } from './notification-live';

/**
 * Worker side of the live push: publishes each new inbox row on Redis; every API process relays it to
 * the recipient's open browsers (SSE). Best effort: the inbox row is the record, the push only saves a reload.
 */
@Injectable()
export class NotificationLivePublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationLivePublisher.name);
  private client: Redis | null = null;
  private readonly channel: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = liveChannel(config.QUEUE_PREFIX);
  }

  async publish(messages: LiveMessage[]): Promise<void> {
    if (messages.length === 0) return;
    if (!this.client) {
      this.client = new Redis({ ...redisOptionsFromUrl(this.config.REDIS_URL), maxRetriesPerRequest: 2 });
      this.client.on('error', () => undefined);
    }
    try {
      const pipeline = this.client.pipeline();
      for (const message of messages) pipeline.publish(this.channel, JSON.stringify(message));
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`live push skipped: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
