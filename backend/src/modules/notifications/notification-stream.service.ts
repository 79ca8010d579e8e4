import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, type MessageEvent } from '@nestjs/common';
import Redis from 'ioredis';
import { Observable, Subject, interval, map, merge } from 'rxjs';
import type { NotificationStreamEvent } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { redisOptionsFromUrl } from '../queue/redis-options';
import { liveChannel, type LiveMessage } from './notification-live';

const PING_MS = 25_000;

/**
 * API side of the live push: one Redis subscription per API process, fanned out to the open
 * Server-Sent-Event streams of each recipient.
 */
@Injectable()
export class NotificationStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationStreamService.name);
  private readonly streams = new Map<string, Set<Subject<NotificationStreamEvent>>>();
  private subscriber: Redis | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    const channel = liveChannel(this.config.QUEUE_PREFIX);
    this.subscriber = new Redis({ ...redisOptionsFromUrl(this.config.REDIS_URL), maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, raw: string) => this.dispatch(raw));
    this.subscriber.subscribe(channel).catch((error: Error) => this.logger.warn(`live channel: ${error.message}`));
  }

  onApplicationShutdown(): void {
    for (const subjects of this.streams.values()) for (const subject of subjects) subject.complete();
    this.streams.clear();
    this.subscriber?.disconnect();
  }

  /** Open streams (for diagnostics and tests). */
  get connections(): number {
    let n = 0;
    for (const subjects of this.streams.values()) n += subjects.size;
    return n;
  }

  /** The events of one user's stream: `ready` first, then each new notification, and a ping now and then. */
  open(userId: string, unread: number): Observable<MessageEvent> {
    const events = new Observable<NotificationStreamEvent>((subscriber) => {
      const subject = new Subject<NotificationStreamEvent>();
      const subscription = subject.subscribe(subscriber);
      const own = this.streams.get(userId) ?? new Set();
      own.add(subject);
      this.streams.set(userId, own);
      subscriber.next({ type: 'ready', unread });
      return () => {
        subscription.unsubscribe();
        own.delete(subject);
        if (own.size === 0) this.streams.delete(userId);
      };
    });
    const pings = interval(PING_MS).pipe(map((): NotificationStreamEvent => ({ type: 'ping' })));
    return merge(events, pings).pipe(map((event): MessageEvent => ({ data: event })));
  }

  private dispatch(raw: string): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(raw) as LiveMessage;
    } catch {
      return;
    }
    for (const subject of this.streams.get(message.recipientId) ?? []) {
      subject.next({ type: 'notification', notification: message.notification });
    }
  }
}
