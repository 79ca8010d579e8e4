import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { RequestLoggerMiddleware } from './common/request-logger.middleware';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { OidcModule } from './modules/auth/oidc/oidc.module';
import { DiffsModule } from './modules/diffs/diffs.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { HealthModule } from './modules/health/health.module';
import { ItemsModule } from './modules/items/items.module';
import { ListsModule } from './modules/lists/lists.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgUnitsModule } from './modules/org-units/org-units.module';
import { QueueBoardModule } from './modules/queue/queue-board.module';
import { QueueModule } from './modules/queue/queue.module';
import { UsersModule } from './modules/users/users.module';
import { AuditModule } from './modules/audit/audit.module';
import { AdminAuditModule } from './modules/admin-audit/admin-audit.module';
import { CommentsModule } from './modules/comments/comments.module';
import { EditionsModule } from './modules/editions/editions.module';
import { AdjustmentsModule } from './modules/adjustments/adjustments.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { RoundsModule } from './modules/rounds/rounds.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { OnboardingModule } from './modules/onboarding/onboarding.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    QueueModule,
    QueueBoardModule,
    AuthModule,
    OidcModule,
    UsersModule,
    OrgUnitsModule,
    ListsModule,
    ItemsModule,
    DocumentsModule,
    EditionsModule,
    AuditModule,
    AdminAuditModule,
    ReviewsModule,
    RoundsModule,
    AdjustmentsModule,
    CommentsModule,
    TasksModule,
    NotificationsModule,
    DiffsModule,
    HealthModule,
    OnboardingModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggerMiddleware).forRoutes('*path');
  }
}
