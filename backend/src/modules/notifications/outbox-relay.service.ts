import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { NOTIFICATION_JOBS, QUEUES, jobIds, type NotificationEventJob } from '../queue/queue-names';
import { RedisHealthClient } from '../queue/redis.provider';
import { NotificationDispatchService } from './notification-dispatch.service';
import { OUTBOX_CHANNEL } from './notification-outbox';
import { NotificationWriterService } from './notification-writer.service';

const BATCH = 500;
/** A relayed row still unprocessed after this long is relayed again (its job may have been lost with Redis). */
const STALE_MS = 2 * 60 * 1000;
const ENQUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows onto the queue. PostgreSQL NOTIFYs on every outbox insert, and delivers
 * the notification only when the transaction commits: that wakes the relay at once. Rows are claimed
 * with FOR UPDATE SKIP LOCKED (several workers never enqueue the same row together), enqueued with the
 * outbox id as job id, and marked relayed in the same transaction; when Redis is unreachable nothing is
 * marked and the poller tries again. The poller also re-relays rows whose job was lost, re-schedules
 * digests and re-enqueues deliveries left pending.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private listener: Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = false;
  private lastRedisWarning = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue<NotificationEventJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisHealthClient,
    private readonly dispatch: NotificationDispatchService,
    private readonly writer: NotificationWriterService,
  ) {}

  onApplicationBootstrap(): void {
    void this.listen();
    this.pollTimer = setInterval(() => void this.poll(), this.config.NOTIFY_OUTBOX_POLL_MS);
    this.pollTimer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  /** Relays now (or right after the run in progress). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.relayAll();
        } while (this.rerun && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** The periodic safety net: stale rows, lost digests and deliveries, then a relay run. */
  async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.db.query(
        `UPDATE notification_outbox SET relayed_at = NULL
         WHERE processed_at IS NULL AND relayed_at < clock_timestamp() - $1::interval`,
        [`${STALE_MS} milliseconds`],
      );
      if (await this.redisUp()) {
        const grace = new Date(Date.now() - this.config.NOTIFY_DEBOUNCE_MS - 30_000);
        const late: { list_id: string; recipient_id: string }[] = await this.db.query(
          `SELECT DISTINCT list_id, recipient_id FROM notification_digest_entries
           WHERE digested_at IS NULL AND created_at < $1 LIMIT 500`,
          [grace],
        );
        for (const row of late) await this.dispatch.scheduleDigest(row.list_id, row.recipient_id);
        await this.writer.enqueueDeliveries([], new Date(Date.now() - STALE_MS));
      }
    } catch (error) {
      this.logger.warn(`outbox poll: ${(error as Error).message}`);
    }
    await this.kick();
  }

  private async relayAll(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
    } catch (error) {
      this.logger.warn(`outbox relay: ${(error as Error).message}; rows stay queued in PostgreSQL`);
    }
  }

  /** One claimed batch → queue → marked relayed, all or nothing. Returns how many rows it moved. */
  private async relayBatch(): Promise<number> {
    if (!(await this.redisUp())) return 0;
    return this.db.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM notification_outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => String(r.id));
      await withTimeout(
        this.queue.addBulk(
          ids.map((outboxId) => ({
            name: NOTIFICATION_JOBS.event,
            data: { outboxId },
            opts: { jobId: jobIds.event(outboxId) },
          })),
        ),
        ENQUEUE_TIMEOUT_MS,
        'enqueue',
      );
      await manager.query(
        `UPDATE notification_outbox SET relayed_at = clock_timestamp() WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return ids.length;
    });
  }

  /** Fails fast while Redis is down (the queue's own connection would wait for it instead). */
  private async redisUp(): Promise<boolean> {
    try {
      await this.redis.ping();
      return true;
    } catch (error) {
      if (Date.now() - this.lastRedisWarning > 30_000) {
        this.lastRedisWarning = Date.now();
        this.logger.warn(`Redis unreachable (${(error as Error).message}): outbox rows wait in PostgreSQL`);
      }
      return false;
    }
  }

  /** LISTEN on the outbox channel; reconnects after a lost connection. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => void this.kick());
    client.on('error', (error) => {
      this.logger.warn(`outbox listener: ${error.message}`);
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
      // Rows committed while we were not listening.
      void this.kick();
    } catch (error) {
      this.logger.warn(`outbox listener could not start: ${(error as Error).message}`);
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(client: Client): void {
    if (this.stopped || this.reconnectTimer || (this.listener && this.listener !== client)) return;
    this.listener = null;
    client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen();
    }, 1000);
    this.reconnectTimer.unref();
  }
}
