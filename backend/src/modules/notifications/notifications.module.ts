import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { AdminAuditModule } from '../admin-audit/admin-audit.module';
import { UsersModule } from '../users/users.module';
import { WebhookSender } from './channels/webhook.sender';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationWebhooksController } from './notification-webhooks.controller';
import { NotificationWebhooksService } from './notification-webhooks.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * API side of notifications: the inbox, preferences, the live stream (SSE, fed from Redis pub/sub) and
 * the group-robot settings. Events reach it through the outbox (see notification-outbox.ts); the work
 * of turning them into rows runs in the worker (NotificationsWorkerModule).
 */
@Module({
  imports: [
    UsersModule,
    AdminAuditModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  controllers: [NotificationsController, NotificationWebhooksController],
  providers: [NotificationsService, NotificationStreamService, NotificationWebhooksService, WebhookSender],
})
export class NotificationsModule {}
