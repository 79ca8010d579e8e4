import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen here on purpose: a migration must not change when the code does.
const EVENTS = [
  'submit',
  'return_round',
  'approve',
  'sign_off',
  'return_items',
  'publish',
  'decide_item',
  'answer_item',
  'accept_suggestion',
  'reject_suggestion',
  'comment',
  'mention',
  'overdue',
];
const KINDS = [...EVENTS, 'digest'];

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Notifications through the queue. The outbox row is written with the audit row (same transaction) and
 * announced with NOTIFY, which PostgreSQL delivers only on commit; a relay then enqueues it. Inbox rows,
 * digest entries and email/webhook deliveries are each unique per event and recipient (and channel), so a
 * job that runs twice — retries, several workers, a re-relayed row — leaves exactly one of each.
 */
export class Notifications1764200000000 implements MigrationInterface {
  name = 'Notifications1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY,
        audit_event_id bigint NOT NULL,
        list_id uuid NOT NULL,
        action varchar(32) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        relayed_at timestamptz NULL,
        processed_at timestamptz NULL,
        CONSTRAINT pk_notification_outbox PRIMARY KEY (id),
        CONSTRAINT uq_notification_outbox_audit_event UNIQUE (audit_event_id),
        CONSTRAINT fk_notification_outbox_audit_event FOREIGN KEY (audit_event_id) REFERENCES audit_events (id) ON DELETE RESTRICT
      )`);
    await q.query(
      `CREATE INDEX idx_notification_outbox_unrelayed ON notification_outbox (id) WHERE relayed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX idx_notification_outbox_unprocessed ON notification_outbox (relayed_at) WHERE processed_at IS NULL`,
    );
    await q.query(`
      CREATE FUNCTION notify_notification_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('notification_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_notification_outbox_notify AFTER INSERT ON notification_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION notify_notification_outbox()`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL,
        event_key varchar(200) NOT NULL,
        kind varchar(32) NOT NULL,
        list_id uuid NOT NULL,
        round int NULL,
        item_id uuid NULL,
        thread_id uuid NULL,
        actor_id uuid NULL,
        title varchar(300) NOT NULL,
        body text NOT NULL,
        link varchar(500) NOT NULL,
        event_count int NOT NULL DEFAULT 1,
        read_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_notifications PRIMARY KEY (id),
        CONSTRAINT uq_notifications_event_recipient UNIQUE (event_key, recipient_id),
        CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_notifications_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE CASCADE,
        CONSTRAINT fk_notifications_actor FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT chk_notifications_kind CHECK (kind IN (${inList(KINDS)})),
        CONSTRAINT chk_notifications_event_count CHECK (event_count >= 1)
      )`);
    await q.query(`CREATE INDEX idx_notifications_recipient ON notifications (recipient_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX idx_notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_digest_entries (
        id bigint GENERATED ALWAYS AS IDENTITY,
        list_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        audit_event_id bigint NOT NULL,
        event varchar(32) NOT NULL,
        notification_id uuid NULL,
        digested_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_notification_digest_entries PRIMARY KEY (id),
        CONSTRAINT uq_notification_digest_entries_event_recipient UNIQUE (audit_event_id, recipient_id),
        CONSTRAINT fk_notification_digest_entries_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_digest_entries_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_digest_entries_audit_event FOREIGN KEY (audit_event_id) REFERENCES audit_events (id) ON DELETE RESTRICT,
        CONSTRAINT fk_notification_digest_entries_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE SET NULL,
        CONSTRAINT chk_notification_digest_entries_event CHECK (event IN (${inList(EVENTS)}))
      )`);
    await q.query(`
      CREATE INDEX idx_notification_digest_entries_pending ON notification_digest_entries (list_id, recipient_id, id)
      WHERE digested_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY,
        event_key varchar(200) NOT NULL,
        channel varchar(16) NOT NULL,
        recipient_key uuid NOT NULL,
        notification_id uuid NULL,
        list_id uuid NOT NULL,
        message jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        sent_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_notification_deliveries PRIMARY KEY (id),
        CONSTRAINT uq_notification_deliveries_event_recipient_channel UNIQUE (event_key, recipient_key, channel),
        CONSTRAINT fk_notification_deliveries_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE SET NULL,
        CONSTRAINT fk_notification_deliveries_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE CASCADE,
        CONSTRAINT chk_notification_deliveries_channel CHECK (channel IN ('email', 'webhook')),
        CONSTRAINT chk_notification_deliveries_status CHECK (status IN ('pending', 'sent', 'failed'))
      )`);
    await q.query(
      `CREATE INDEX idx_notification_deliveries_pending ON notification_deliveries (created_at) WHERE status = 'pending'`,
    );

    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL,
        event varchar(32) NOT NULL,
        channel varchar(16) NOT NULL,
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_notification_preferences PRIMARY KEY (user_id, event, channel),
        CONSTRAINT fk_notification_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT chk_notification_preferences_event CHECK (event IN (${inList(EVENTS)})),
        CONSTRAINT chk_notification_preferences_channel CHECK (channel IN ('inapp', 'email'))
      )`);

    await q.query(`
      CREATE TABLE notification_webhooks (
        org_unit_id uuid NOT NULL,
        provider varchar(16) NOT NULL,
        url varchar(1000) NOT NULL,
        secret varchar(200) NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_notification_webhooks PRIMARY KEY (org_unit_id),
        CONSTRAINT fk_notification_webhooks_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE CASCADE,
        CONSTRAINT chk_notification_webhooks_provider CHECK (provider IN ('wecom', 'dingtalk'))
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_webhooks`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE notification_digest_entries`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE notification_outbox`);
    await q.query(`DROP FUNCTION notify_notification_outbox()`);
  }
}
