import type { DataSourceOptions } from 'typeorm';
import { OrgUnitEntity } from '../modules/org-units/org-unit.entity';
import { UserEntity } from '../modules/users/user.entity';
import { DutyListEntity } from '../modules/lists/duty-list.entity';
import { ListVersionEntity } from '../modules/lists/list-version.entity';
import { VersionItemEntity } from '../modules/lists/version-item.entity';
import { ItemEntity } from '../modules/items/item.entity';
import { DocumentImportEntity } from '../modules/documents/document-import.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { EditionSettingsEntity } from '../modules/editions/edition-settings.entity';
import { ItemDecisionEntity } from '../modules/reviews/item-decision.entity';
import { CommentThreadEntity } from '../modules/comments/comment-thread.entity';
import { CommentEntity } from '../modules/comments/comment.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { NotificationDeliveryEntity } from '../modules/notifications/notification-delivery.entity';
import { NotificationDigestEntryEntity } from '../modules/notifications/notification-digest-entry.entity';
import { NotificationOutboxEntity } from '../modules/notifications/notification-outbox.entity';
import { NotificationPreferenceEntity } from '../modules/notifications/notification-preference.entity';
import { NotificationWebhookEntity } from '../modules/notifications/notification-webhook.entity';
import { UserSessionEntity } from '../modules/users/user-session.entity';
import { AdminEventEntity } from '../modules/admin-audit/admin-event.entity';
import { ListPublicationEntity } from '../modules/lists/list-publication.entity';
import { OnboardingImportEntity } from '../modules/onboarding/onboarding-import.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  OrgUnitEntity,
  UserEntity,
  DutyListEntity,
  ItemEntity,
  ListVersionEntity,
  VersionItemEntity,
  DocumentImportEntity,
  EditionSettingsEntity,
  ItemDecisionEntity,
  CommentThreadEntity,
  CommentEntity,
  AuditEventEntity,
  NotificationOutboxEntity,
  NotificationEntity,
  NotificationDigestEntryEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  NotificationWebhookEntity,
  UserSessionEntity,
  AdminEventEntity,
  ListPublicationEntity,
  OnboardingImportEntity,
];

/** The one options function shared by the Nest module, the CLI and the tests. Never `synchronize`. */
export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: process.env.NODE_ENV === 'test' ? false : ['error'],
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
