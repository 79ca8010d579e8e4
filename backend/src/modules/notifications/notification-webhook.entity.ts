import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookProvider } from '@dutylist/shared';

/** The group robot (WeCom or DingTalk) of one org unit: its office hears of every list handed to it. */
@Entity({ name: 'notification_webhooks' })
export class NotificationWebhookEntity {
  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 16 })
  provider: WebhookProvider;

  @Column({ type: 'varchar', length: 1000 })
  url: string;

  /** DingTalk 加签 secret, or null. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  secret: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
