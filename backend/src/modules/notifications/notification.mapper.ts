import type { Notification, UserRef } from '@dutylist/shared';
import type { NotificationEntity } from './notification.entity';

export function toNotificationDto(row: NotificationEntity, actor: UserRef | null): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    listId: row.listId,
    round: row.round,
    itemId: row.itemId,
    threadId: row.threadId,
    actor,
    eventCount: row.eventCount,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
