import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isDigestEvent, type DigestEvent, type NotificationEvent } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { NOTIFICATION_JOBS, QUEUES, jobIds, type NotificationDigestJob } from '../queue/queue-names';
import { NotificationEntity } from './notification.entity';
import { recipientTargets, turnTargets, type RecipientTarget } from './notification.policy';
import { NotificationDigestEntryEntity } from './notification-digest-entry.entity';
import { chinaDay, renderDigest, renderEvent, renderOverdue, type RenderedMessage } from './notification-messages';
import { NotificationOutboxEntity } from './notification-outbox.entity';
import {
  actorName,
  NotificationRecipientsService,
  type ListContext,
  type PreferenceMap,
  type Recipient,
} from './notification-recipients.service';
import { NotificationWriterService, type DeliveryDraft, type InboxDraft } from './notification-writer.service';

/** The common part of the inbox rows of one event. */
type RowBase = Omit<InboxDraft, 'recipientId' | 'title' | 'body' | 'link'>;

export interface DispatchResult {
  notifications: number;
  digestEntries: number;
}

/**
 * Worker side: turns an outbox row into inbox rows, deliveries or digest entries; collects digests;
 * reminds of overdue stages. Every step can run twice (retries, several workers, a re-relayed row)
 * with one effect: the unique constraints decide, and after-commit work is keyed by deterministic ids.
 */
@Injectable()
export class NotificationDispatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recipients: NotificationRecipientsService,
    private readonly writer: NotificationWriterService,
  ) {}

  // ---------------------------------------------------------------- one workflow event

  async handleOutbox(outboxId: string): Promise<DispatchResult> {
    const row = await this.db.manager.findOneBy(NotificationOutboxEntity, { id: outboxId });
    if (!row) return { notifications: 0, digestEntries: 0 };
    const eventKey = `audit:${row.auditEventId}`;
    let created: NotificationEntity[] = [];
    let digestEntries = 0;
    if (!row.processedAt) {
      await this.db.transaction(async (manager) => {
        const locked = await manager.findOne(NotificationOutboxEntity, {
          where: { id: outboxId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!locked || locked.processedAt) return;
        const audit = await manager.findOneByOrFail(AuditEventEntity, { id: locked.auditEventId });
        const result = await this.fanOut(manager, audit, eventKey);
        created = result.created;
        digestEntries = result.digestEntries;
        await manager.update(NotificationOutboxEntity, { id: locked.id }, { processedAt: () => 'clock_timestamp()' });
      });
    }
    await this.writer.afterCommit(created, [eventKey]);
    await this.scheduleDigestsOf(row.auditEventId);
    return { notifications: created.length, digestEntries };
  }

  private async fanOut(
    manager: EntityManager,
    audit: AuditEventEntity,
    eventKey: string,
  ): Promise<{ created: NotificationEntity[]; digestEntries: number }> {
    const none = { created: [], digestEntries: 0 };
    const list = (await this.recipients.listContexts(manager, [audit.listId])).get(audit.listId);
    if (!list) return none;
    const threadId = typeof audit.details.threadId === 'string' ? audit.details.threadId : null;
    const participants = threadId ? await this.recipients.threadParticipants(manager, threadId) : [];
    const targets = recipientTargets(
      { action: audit.action, actorId: audit.actorId, toStage: audit.toStage, details: audit.details },
      list.chain,
      participants,
    );
    const people = await this.recipients.resolve(manager, targets, audit.actorId);
    if (people.length === 0 && !targets.some((t) => t.kind === 'role')) return none;
    const prefs = await this.recipients.preferences(
      manager,
      people.map((p) => p.id),
    );

    const digestible = people.filter((p) => isDigestEvent(p.event));
    if (digestible.length) {
      const wanted = digestible.filter(
        (p) => prefs.enabled(p.id, p.event, 'inapp') || (this.emailable(p) && prefs.enabled(p.id, p.event, 'email')),
      );
      if (wanted.length) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(NotificationDigestEntryEntity)
          .values(
            wanted.map((p) => ({
              listId: audit.listId,
              recipientId: p.id,
              auditEventId: audit.id,
              event: p.event as DigestEvent,
            })),
          )
          .orIgnore()
          .execute();
      }
      return { created: [], digestEntries: wanted.length };
    }

    const actors = await this.recipients.people(manager, audit.actorId ? [audit.actorId] : []);
    const itemNames = await this.recipients.itemNames(manager, audit.listId, audit.itemId ? [audit.itemId] : []);
    const render = (event: NotificationEvent) =>
      renderEvent(
        event,
        {
          action: audit.action,
          round: audit.round,
          toStage: audit.toStage,
          itemId: audit.itemId,
          reason: audit.reason,
          details: audit.details,
          actorName: actorName(audit.actorId ? actors.get(audit.actorId) : null),
          itemName: audit.itemId ? (itemNames.get(audit.itemId) ?? null) : null,
        },
        list,
      );
    const base: RowBase = {
      kind: people[0]?.event ?? (audit.action as NotificationEvent),
      listId: audit.listId,
      round: audit.round,
      itemId: audit.itemId,
      threadId,
      actorId: audit.actorId,
      eventCount: 1,
    };
    const created = await this.deliver(manager, eventKey, people, prefs, list, base, render, targets);
    return { created, digestEntries: 0 };
  }

  /**
   * Inbox rows (in-app on), emails (email on, an address, SMTP configured) and one group-robot message
   * per org unit the event is addressed to (when it has an enabled webhook).
   */
  private async deliver(
    manager: EntityManager,
    eventKey: string,
    people: Recipient[],
    prefs: PreferenceMap,
    list: ListContext,
    base: RowBase,
    render: (event: NotificationEvent) => RenderedMessage,
    targets: RecipientTarget[],
  ): Promise<NotificationEntity[]> {
    const messages = new Map<NotificationEvent, RenderedMessage>();
    const message = (event: NotificationEvent) => {
      const found = messages.get(event) ?? render(event);
      messages.set(event, found);
      return found;
    };
    const inbox = people.filter((p) => prefs.enabled(p.id, p.event, 'inapp'));
    const created = await this.writer.insertInbox(
      manager,
      eventKey,
      inbox.map((p) => ({ ...base, kind: p.event, recipientId: p.id, ...message(p.event) })),
    );
    const byRecipient = new Map(
      (
        await manager.find(NotificationEntity, {
          select: { id: true, recipientId: true },
          where: { eventKey, recipientId: In(inbox.map((p) => p.id)) },
        })
      ).map((n) => [n.recipientId, n.id]),
    );
    const deliveries: DeliveryDraft[] = people
      .filter((p) => this.emailable(p) && prefs.enabled(p.id, p.event, 'email'))
      .map((p) => ({
        channel: 'email',
        recipientKey: p.id,
        notificationId: byRecipient.get(p.id) ?? null,
        listId: list.id,
        message: this.writer.deliveryMessage(message(p.event), list.title),
      }));
    const roleTargets = targets.filter((t) => t.kind === 'role');
    if (roleTargets.length) {
      const event = roleTargets[0].event;
      for (const orgUnitId of await this.writer.webhookOrgUnits(
        manager,
        roleTargets.map((t) => t.orgUnitId),
      )) {
        deliveries.push({
          channel: 'webhook',
          recipientKey: orgUnitId,
          notificationId: null,
          listId: list.id,
          message: this.writer.deliveryMessage(message(event), list.title),
        });
      }
    }
    if (deliveries.length) await this.writer.insertDeliveries(manager, eventKey, deliveries);
    return created;
  }

  private emailable(recipient: Recipient): boolean {
    return this.writer.emailEnabled && !!recipient.email;
  }

  // ---------------------------------------------------------------- digests

  /** One delayed digest job per list and recipient with pending entries from this event. */
  private async scheduleDigestsOf(auditEventId: string): Promise<void> {
    const rows: { list_id: string; recipient_id: string }[] = await this.db.query(
      `SELECT DISTINCT list_id, recipient_id FROM notification_digest_entries
       WHERE audit_event_id = $1 AND digested_at IS NULL`,
      [auditEventId],
    );
    for (const row of rows) await this.scheduleDigest(row.list_id, row.recipient_id);
  }

  /**
   * The digest of a list for a recipient fires one window after its first pending entry; the job id
   * names that entry, so every later event in the window finds the job already there.
   */
  async scheduleDigest(listId: string, recipientId: string): Promise<void> {
    const [first]: { id: string; created_at: Date }[] = await this.db.query(
      `SELECT id, created_at FROM notification_digest_entries
       WHERE list_id = $1 AND recipient_id = $2 AND digested_at IS NULL ORDER BY id LIMIT 1`,
      [listId, recipientId],
    );
    if (!first) return;
    const due = new Date(first.created_at).getTime() + this.config.NOTIFY_DEBOUNCE_MS;
    const job: NotificationDigestJob = { listId, recipientId };
    await this.queue.add(NOTIFICATION_JOBS.digest, job, {
      jobId: jobIds.digest(listId, recipientId, String(first.id)),
      delay: Math.max(0, due - Date.now()),
    });
  }

  async handleDigest(listId: string, recipientId: string): Promise<DispatchResult> {
    let created: NotificationEntity[] = [];
    let eventKey: string | null = null;
    let count = 0;
    await this.db.transaction(async (manager) => {
      const entries = await manager
        .createQueryBuilder(NotificationDigestEntryEntity, 'e')
        .where('e.list_id = :listId AND e.recipient_id = :recipientId AND e.digested_at IS NULL', {
          listId,
          recipientId,
        })
        .orderBy('e.id', 'ASC')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (entries.length === 0) return;
      count = entries.length;
      eventKey = `digest:${listId}:${recipientId}:${entries[0].id}`;
      created = await this.writeDigest(manager, eventKey, listId, recipientId, entries);
    });
    await this.writer.afterCommit(created, eventKey ? [eventKey] : []);
    // Entries that arrived while this digest was being written start the next window.
    await this.scheduleDigest(listId, recipientId);
    return { notifications: created.length, digestEntries: count };
  }

  private async writeDigest(
    manager: EntityManager,
    eventKey: string,
    listId: string,
    recipientId: string,
    entries: NotificationDigestEntryEntity[],
  ): Promise<NotificationEntity[]> {
    const list = (await this.recipients.listContexts(manager, [listId])).get(listId);
    const [user]: { email: string | null; is_active: boolean }[] = await manager.query(
      `SELECT email, is_active FROM users WHERE id = $1`,
      [recipientId],
    );
    let created: NotificationEntity[] = [];
    if (list && user?.is_active) {
      const audits = new Map(
        (await manager.find(AuditEventEntity, { where: { id: In(entries.map((e) => e.auditEventId)) } })).map((a) => [
          a.id,
          a,
        ]),
      );
      const actors = await this.recipients.people(
        manager,
        [...audits.values()].flatMap((a) => (a.actorId ? [a.actorId] : [])),
      );
      const items = await this.recipients.itemNames(
        manager,
        listId,
        [...audits.values()].flatMap((a) => (a.itemId ? [a.itemId] : [])),
      );
      const prefs = await this.recipients.preferences(manager, [recipientId]);
      const compose = (chosen: NotificationDigestEntryEntity[]) => {
        if (chosen.length === 1) {
          const audit = audits.get(chosen[0].auditEventId);
          if (audit) {
            return renderEvent(
              chosen[0].event,
              {
                action: audit.action,
                round: audit.round,
                toStage: audit.toStage,
                itemId: audit.itemId,
                reason: audit.reason,
                details: audit.details,
                actorName: actorName(audit.actorId ? actors.get(audit.actorId) : null),
                itemName: audit.itemId ? (items.get(audit.itemId) ?? null) : null,
              },
              list,
            );
          }
        }
        return renderDigest(
          chosen.map((e) => {
            const audit = audits.get(e.auditEventId);
            return {
              event: e.event,
              actorName: actorName(audit?.actorId ? actors.get(audit.actorId) : null),
              itemName: audit?.itemId ? (items.get(audit.itemId) ?? null) : null,
            };
          }),
          list,
        );
      };
      const inapp = entries.filter((e) => prefs.enabled(recipientId, e.event, 'inapp'));
      if (inapp.length) {
        const single = inapp.length === 1 ? audits.get(inapp[0].auditEventId) : undefined;
        const threadId = single && typeof single.details.threadId === 'string' ? single.details.threadId : null;
        created = await this.writer.insertInbox(manager, eventKey, [
          {
            recipientId,
            kind: inapp.length === 1 ? inapp[0].event : 'digest',
            listId,
            round: list.round,
            itemId: single?.itemId ?? null,
            threadId,
            actorId: single?.actorId ?? null,
            eventCount: inapp.length,
            ...compose(inapp),
          },
        ]);
      }
      const email = entries.filter((e) => prefs.enabled(recipientId, e.event, 'email'));
      if (email.length && this.writer.emailEnabled && user.email) {
        const [row] = await manager.find(NotificationEntity, {
          select: { id: true },
          where: { eventKey, recipientId },
        });
        await this.writer.insertDeliveries(manager, eventKey, [
          {
            channel: 'email',
            recipientKey: recipientId,
            notificationId: row?.id ?? null,
            listId,
            message: this.writer.deliveryMessage(compose(email), list.title),
          },
        ]);
      }
    }
    const notificationId = created[0]?.id ?? null;
    await manager.update(
      NotificationDigestEntryEntity,
      { id: In(entries.map((e) => e.id)) },
      { digestedAt: () => 'clock_timestamp()', notificationId },
    );
    return created;
  }

  // ---------------------------------------------------------------- overdue stages

  /** Reminds whoever's turn each overdue stage is: one row per list, person and China calendar day. */
  async scanOverdue(now = new Date()): Promise<DispatchResult> {
    const overdue: { id: string }[] = await this.db.query(
      `SELECT id FROM duty_lists WHERE stage <> 'published' AND deadline_at IS NOT NULL AND deadline_at < $1`,
      [now],
    );
    const lists = await this.recipients.listContexts(
      this.db.manager,
      overdue.map((r) => r.id),
    );
    let total = 0;
    for (const list of lists.values()) {
      const eventKey = `overdue:${list.id}:${chinaDay(now)}`;
      const created = await this.db.transaction(async (manager) => {
        const targets = turnTargets(list.stage, list.chain, 'overdue');
        const people = await this.recipients.resolve(manager, targets, null);
        const prefs = await this.recipients.preferences(
          manager,
          people.map((p) => p.id),
        );
        const base: RowBase = {
          kind: 'overdue',
          listId: list.id,
          round: list.round,
          itemId: null,
          threadId: null,
          actorId: null,
          eventCount: 1,
        };
        return this.deliver(manager, eventKey, people, prefs, list, base, () => renderOverdue(list), targets);
      });
      await this.writer.afterCommit(created, [eventKey]);
      total += created.length;
    }
    return { notifications: total, digestEntries: 0 };
  }
}
