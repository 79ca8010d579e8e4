import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { EmailSender } from './channels/email.sender';
import { WebhookSender } from './channels/webhook.sender';
import { DeliveriesProcessor } from './jobs/deliveries.processor';
import { NotificationsProcessor } from './jobs/notifications.processor';
import { OverdueScheduler } from './jobs/overdue.scheduler';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationDispatchService } from './notification-dispatch.service';
import { NotificationLivePublisher } from './notification-live.publisher';
import { NotificationRecipientsService } from './notification-recipients.service';
import { NotificationWriterService } from './notification-writer.service';
import { OutboxRelayService } from './outbox-relay.service';

/**
 * Worker side of notifications: the outbox relay (LISTEN/NOTIFY + poller), the processors of the
 * notifications and deliveries queues, and the repeatable overdue scan. Run as many workers as needed:
 * claims use SKIP LOCKED, job ids are deterministic and every write is unique per event and recipient.
 */
@Module({
  imports: [QueueModule],
  providers: [
    NotificationRecipientsService,
    NotificationWriterService,
    NotificationLivePublisher,
    NotificationDispatchService,
    NotificationDeliveryService,
    EmailSender,
    WebhookSender,
    OutboxRelayService,
    OverdueScheduler,
    NotificationsProcessor,
    DeliveriesProcessor,
  ],
  exports: [NotificationDispatchService, OutboxRelayService],
})
export class NotificationsWorkerModule {}
