import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DigestEvent } from '@dutylist/shared';

/** One item-level event for one recipient, waiting for the list's digest (debounce window). */
@Entity({ name: 'notification_digest_entries' })
export class NotificationDigestEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ name: 'audit_event_id', type: 'bigint' })
  auditEventId: string;

  @Column({ type: 'varchar', length: 32 })
  event: DigestEvent;

  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ name: 'digested_at', type: 'timestamptz', nullable: true })
  digestedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
