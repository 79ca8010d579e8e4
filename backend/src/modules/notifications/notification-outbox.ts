import type { EntityManager } from 'typeorm';
import type { AuditEventEntity } from '../audit/audit-event.entity';
import { NotificationOutboxEntity } from './notification-outbox.entity';

/** The PostgreSQL channel the outbox trigger NOTIFYs on; delivered to listeners only once the insert commits. */
export const OUTBOX_CHANNEL = 'notification_outbox';

/**
 * Writes the outbox row of an audit event, inside the caller's transaction: the notification exists if
 * and only if the workflow step committed. Nothing here touches Redis.
 */
export async function writeOutbox(manager: EntityManager, event: AuditEventEntity): Promise<void> {
  await manager.insert(NotificationOutboxEntity, {
    auditEventId: event.id,
    listId: event.listId,
    action: event.action,
  });
}
