import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { redisOptionsFromUrl } from './redis-options';

/**
 * A plain Redis connection for health checks and the login throttle: it fails fast instead of queueing
 * commands while Redis is down.
 */
@Injectable()
export class RedisHealthClient implements OnApplicationShutdown {
  readonly client: Redis;
  private connecting: Promise<void> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.REDIS_URL),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    this.client.on('error', () => undefined);
  }

  async ping(): Promise<void> {
    await (await this.connected()).ping();
  }

  /** The client, connected on first use. */
  async connected(): Promise<Redis> {
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.connecting ??= this.client.connect().finally(() => (this.connecting = undefined));
    }
    if (this.connecting) await this.connecting;
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
