import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** What an email or a group-robot message says; the address or URL is looked up when it is sent. */
export interface DeliveryMessage {
  title: string;
  body: string;
  /** Absolute link into the app. */
  url: string;
  listTitle: string;
}

/** One email (to a user) or webhook message (to an org unit's group robot) for one event: never two. */
@Entity({ name: 'notification_deliveries' })
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey: string;

  @Column({ type: 'varchar', length: 16 })
  channel: DeliveryChannel;

  /** The user (email) or org unit (webhook) it goes to. */
  @Column({ name: 'recipient_key', type: 'uuid' })
  recipientKey: string;

  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ type: 'jsonb' })
  message: DeliveryMessage;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
