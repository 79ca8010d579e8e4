import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EmailSender } from './channels/email.sender';
import { WebhookSendError, WebhookSender } from './channels/webhook.sender';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationWebhookEntity } from './notification-webhook.entity';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/**
 * Sends one delivery row (an email or a group-robot message) and records the result. A row already sent
 * is skipped, so a job that runs again sends nothing twice. A failure throws (BullMQ retries with the
 * queue's exponential backoff); after the last attempt the row is marked failed and the job stays in
 * the failed list of /admin/queues.
 */
@Injectable()
export class NotificationDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly email: EmailSender,
    private readonly webhook: WebhookSender,
  ) {}

  async deliver(deliveryId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    const delivery = await this.db.manager.findOneBy(NotificationDeliveryEntity, { id: deliveryId });
    if (!delivery || delivery.status === 'sent') return 'skipped';
    await this.db.manager.increment(NotificationDeliveryEntity, { id: deliveryId }, 'attempts', 1);
    try {
      if (delivery.channel === 'email') {
        const [user]: { email: string | null; is_active: boolean }[] = await this.db.query(
          `SELECT email, is_active FROM users WHERE id = $1`,
          [delivery.recipientKey],
        );
        if (!user?.is_active || !user.email) return this.give(deliveryId, '收件人已停用或没有邮箱地址');
        await this.email.send(user.email, delivery.message);
      } else {
        const hook = await this.db.manager.findOneBy(NotificationWebhookEntity, { orgUnitId: delivery.recipientKey });
        if (!hook?.enabled) return this.give(deliveryId, '该单位的群机器人已停用或删除');
        await this.webhook.send(hook, delivery.message);
      }
    } catch (error) {
      // A robot on an address the rule refuses stays refused: no retries.
      if (error instanceof WebhookSendError && error.refused) return this.give(deliveryId, error.message);
      await this.db.manager.update(
        NotificationDeliveryEntity,
        { id: deliveryId },
        { lastError: (error as Error).message.slice(0, 2000), ...(finalAttempt ? { status: 'failed' as const } : {}) },
      );
      throw error;
    }
    await this.db.manager.update(
      NotificationDeliveryEntity,
      { id: deliveryId, status: 'pending' },
      { status: 'sent', sentAt: () => 'clock_timestamp()', lastError: null },
    );
    return 'sent';
  }

  /** Nothing to retry: the recipient or the robot is gone. */
  private async give(deliveryId: string, reason: string): Promise<DeliveryOutcome> {
    await this.db.manager.update(
      NotificationDeliveryEntity,
      { id: deliveryId },
      { status: 'failed', lastError: reason },
    );
    return 'failed';
  }
}
