import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { In, type EntityManager, type DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { QUEUES, jobIds, type DeliveryJob } from '../queue/queue-names';
import { NotificationEntity } from './notification.entity';
import { toNotificationDto } from './notification.mapper';
import { NotificationDeliveryEntity, type DeliveryMessage } from './notification-delivery.entity';
import { NotificationLivePublisher } from './notification-live.publisher';
import type { RenderedMessage } from './notification-messages';
import { NotificationRecipientsService } from './notification-recipients.service';

/** One inbox row to create (the event key is the caller's). */
export type InboxDraft = Pick<
  NotificationEntity,
  | 'recipientId'
  | 'kind'
  | 'listId'
  | 'round'
  | 'itemId'
  | 'threadId'
  | 'actorId'
  | 'title'
  | 'body'
  | 'link'
  | 'eventCount'
>;

export interface DeliveryDraft {
  channel: NotificationDeliveryEntity['channel'];
  recipientKey: string;
  notificationId: string | null;
  listId: string;
  message: DeliveryMessage;
}

const CHUNK = 500;

/**
 * Writes inbox rows and deliveries idempotently (unique per event, recipient and channel: a second run
 * inserts nothing), and after commit pushes the new rows live and enqueues the pending deliveries.
 */
@Injectable()
export class NotificationWriterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.deliveries) private readonly deliveries: Queue<DeliveryJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly live: NotificationLivePublisher,
    private readonly recipients: NotificationRecipientsService,
  ) {}

  /** Inserts the rows not there yet; returns only those this call created. */
  async insertInbox(manager: EntityManager, eventKey: string, drafts: InboxDraft[]): Promise<NotificationEntity[]> {
    const ids: string[] = [];
    for (let i = 0; i < drafts.length; i += CHUNK) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values(drafts.slice(i, i + CHUNK).map((d) => ({ ...d, eventKey })))
        .orIgnore()
        .returning(['id'])
        .execute();
      ids.push(...(result.raw as { id: string }[]).map((r) => r.id));
    }
    return ids.length ? manager.find(NotificationEntity, { where: { id: In(ids) } }) : [];
  }

  async insertDeliveries(manager: EntityManager, eventKey: string, drafts: DeliveryDraft[]): Promise<void> {
    for (let i = 0; i < drafts.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(NotificationDeliveryEntity)
        .values(drafts.slice(i, i + CHUNK).map((d) => ({ ...d, eventKey })))
        .orIgnore()
        .execute();
    }
  }

  /** The org units among these that have an enabled group robot. */
  async webhookOrgUnits(manager: EntityManager, orgUnitIds: string[]): Promise<string[]> {
    if (orgUnitIds.length === 0) return [];
    const rows: { org_unit_id: string }[] = await manager.query(
      `SELECT org_unit_id FROM notification_webhooks WHERE enabled AND org_unit_id = ANY($1::uuid[])`,
      [[...new Set(orgUnitIds)]],
    );
    return rows.map((r) => r.org_unit_id);
  }

  get emailEnabled(): boolean {
    return !!this.config.SMTP_URL;
  }

  deliveryMessage(message: RenderedMessage, listTitle: string): DeliveryMessage {
    return { title: message.title, body: message.body, url: `${this.config.APP_BASE_URL}${message.link}`, listTitle };
  }

  /** After commit: live push of the rows just created, and a job for every delivery of these events still pending. */
  async afterCommit(created: NotificationEntity[], eventKeys: string[]): Promise<void> {
    if (created.length) {
      const actors = await this.recipients.people(
        this.db.manager,
        created.flatMap((n) => (n.actorId ? [n.actorId] : [])),
      );
      await this.live.publish(
        created.map((n) => ({
          recipientId: n.recipientId,
          notification: toNotificationDto(n, n.actorId ? (actors.get(n.actorId) ?? null) : null),
        })),
      );
    }
    await this.enqueueDeliveries(eventKeys);
  }

  /** Enqueues pending deliveries (deterministic job ids: those already queued are left alone). */
  async enqueueDeliveries(eventKeys: string[], olderThan?: Date): Promise<number> {
    if (eventKeys.length === 0 && !olderThan) return 0;
    const rows: { id: string }[] = olderThan
      ? await this.db.query(
          `SELECT id FROM notification_deliveries WHERE status = 'pending' AND created_at < $1 ORDER BY id LIMIT 500`,
          [olderThan],
        )
      : await this.db.query(
          `SELECT id FROM notification_deliveries WHERE status = 'pending' AND event_key = ANY($1::varchar[])`,
          [eventKeys],
        );
    if (rows.length === 0) return 0;
    await this.deliveries.addBulk(
      rows.map((r) => ({
        name: 'deliver',
        data: { deliveryId: String(r.id) },
        opts: { jobId: jobIds.delivery(String(r.id)) },
      })),
    );
    return rows.length;
  }
}
