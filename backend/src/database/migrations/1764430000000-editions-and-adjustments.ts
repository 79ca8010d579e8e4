import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen here on purpose: a migration must not change when the code does.
const OLD_ACTIONS = [
  'submit',
  'start_review',
  'return_round',
  'approve',
  'sign_off',
  'return_items',
  'publish',
  'decide_item',
  'answer_item',
  'accept_suggestion',
  'reject_suggestion',
  'open_thread',
  'reply_thread',
  'resolve_thread',
  'reopen_thread',
];
const ACTIONS = [...OLD_ACTIONS, 'start_adjustment'];
const OLD_EVENTS = [
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
const EVENTS = [...OLD_EVENTS, 'start_adjustment'];

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Editions as a real thing (a title, who opened it and when) and adjustments after publish (动态调整):
 * - an item keeps its id when a new edition's draft or an adjustment starts from a published version, so
 *   the items' key becomes (list_id, id): the same item identity may live in the lists of two editions;
 * - a list records the version it started from (base_version_id) and the version in force
 *   (in_force_version_id: the last published one, which stays in force while an adjustment runs);
 * - list_publications: one row per cycle of a list (the initial one, then each adjustment), with its reason,
 *   who started it, the version it started from and the version it published;
 * - list_versions.cycle: which cycle a version was frozen in (its round counts within the cycle).
 */
export class EditionsAndAdjustments1764430000000 implements MigrationInterface {
  name = 'EditionsAndAdjustments1764430000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE items DROP CONSTRAINT pk_items`);
    await q.query(`ALTER TABLE items ADD CONSTRAINT pk_items PRIMARY KEY (list_id, id)`);

    await q.query(`
      ALTER TABLE edition_settings
        ADD COLUMN title varchar(50) NULL,
        ADD COLUMN opened_at timestamptz NULL,
        ADD COLUMN opened_by uuid NULL,
        ADD CONSTRAINT fk_edition_settings_opened_by FOREIGN KEY (opened_by) REFERENCES users (id) ON DELETE RESTRICT,
        ADD CONSTRAINT chk_edition_settings_edition CHECK (edition BETWEEN 2000 AND 2999)`);
    await q.query(`CREATE UNIQUE INDEX uq_edition_settings_title ON edition_settings (title) WHERE title IS NOT NULL`);

    // Adding a column with a default rewrites no row through the triggers: versions stay immutable.
    await q.query(`ALTER TABLE list_versions ADD COLUMN cycle int NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE list_versions ADD CONSTRAINT chk_list_versions_cycle CHECK (cycle >= 1)`);

    await q.query(`
      ALTER TABLE duty_lists
        ADD COLUMN base_version_id uuid NULL,
        ADD COLUMN in_force_version_id uuid NULL,
        ADD CONSTRAINT fk_duty_lists_base_version FOREIGN KEY (base_version_id) REFERENCES list_versions (id) ON DELETE RESTRICT,
        ADD CONSTRAINT fk_duty_lists_in_force_version FOREIGN KEY (in_force_version_id) REFERENCES list_versions (id) ON DELETE RESTRICT`);

    await q.query(`
      CREATE TABLE list_publications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        number int NOT NULL,
        kind varchar(16) NOT NULL,
        reason text NULL,
        started_by uuid NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        base_version_id uuid NULL,
        published_version_id uuid NULL,
        published_by uuid NULL,
        published_at timestamptz NULL,
        CONSTRAINT pk_list_publications PRIMARY KEY (id),
        CONSTRAINT fk_list_publications_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE CASCADE,
        CONSTRAINT fk_list_publications_started_by FOREIGN KEY (started_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_list_publications_published_by FOREIGN KEY (published_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_list_publications_base_version FOREIGN KEY (base_version_id) REFERENCES list_versions (id) ON DELETE RESTRICT,
        CONSTRAINT fk_list_publications_published_version FOREIGN KEY (published_version_id) REFERENCES list_versions (id) ON DELETE RESTRICT,
        CONSTRAINT uq_list_publications_list_number UNIQUE (list_id, number),
        CONSTRAINT chk_list_publications_kind CHECK (kind IN ('initial', 'adjustment')),
        CONSTRAINT chk_list_publications_number CHECK (number >= 1 AND (kind = 'initial') = (number = 1)),
        CONSTRAINT chk_list_publications_reason CHECK (kind = 'initial' OR coalesce(reason, '') <> ''),
        CONSTRAINT chk_list_publications_published CHECK ((published_at IS NULL) = (published_version_id IS NULL))
      )`);
    // At most one cycle under way per list.
    await q.query(
      `CREATE UNIQUE INDEX uq_list_publications_open ON list_publications (list_id) WHERE published_at IS NULL`,
    );

    // Every existing list is in its initial cycle; a published one has its latest version in force.
    await q.query(`
      INSERT INTO list_publications (list_id, number, kind, started_at, published_version_id, published_at)
      SELECT l.id, 1, 'initial', l.created_at,
             CASE WHEN l.stage = 'published' THEN v.id END,
             CASE WHEN l.stage = 'published' AND v.id IS NOT NULL THEN l.stage_since END
      FROM duty_lists l
      LEFT JOIN LATERAL (
        SELECT id FROM list_versions WHERE list_id = l.id ORDER BY number DESC LIMIT 1
      ) v ON true`);
    await q.query(`
      UPDATE duty_lists l SET in_force_version_id = p.published_version_id
      FROM list_publications p WHERE p.list_id = l.id AND p.published_version_id IS NOT NULL`);

    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT chk_audit_events_action`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT chk_audit_events_action CHECK (action IN (${inList(ACTIONS)}))`,
    );
    await this.notificationEvents(q, EVENTS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_preferences WHERE event = 'start_adjustment'`);
    await q.query(`DELETE FROM notifications WHERE kind = 'start_adjustment'`);
    await this.notificationEvents(q, OLD_EVENTS);
    // The audit trail is append-only: a database with adjustments recorded cannot go back.
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT chk_audit_events_action`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT chk_audit_events_action CHECK (action IN (${inList(OLD_ACTIONS)}))`,
    );
    await q.query(`DROP TABLE list_publications`);
    await q.query(`
      ALTER TABLE duty_lists
        DROP COLUMN base_version_id,
        DROP COLUMN in_force_version_id`);
    await q.query(`ALTER TABLE list_versions DROP COLUMN cycle`);
    await q.query(`DROP INDEX uq_edition_settings_title`);
    await q.query(`
      ALTER TABLE edition_settings
        DROP CONSTRAINT chk_edition_settings_edition,
        DROP COLUMN title,
        DROP COLUMN opened_at,
        DROP COLUMN opened_by`);
    // Lists of later editions that share item ids with earlier ones cannot go back to a global key.
    await q.query(`ALTER TABLE items DROP CONSTRAINT pk_items`);
    await q.query(`ALTER TABLE items ADD CONSTRAINT pk_items PRIMARY KEY (id)`);
  }

  private async notificationEvents(q: QueryRunner, events: string[]): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT chk_notifications_kind`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT chk_notifications_kind CHECK (kind IN (${inList([...events, 'digest'])}))`,
    );
    await q.query(`ALTER TABLE notification_digest_entries DROP CONSTRAINT chk_notification_digest_entries_event`);
    await q.query(
      `ALTER TABLE notification_digest_entries ADD CONSTRAINT chk_notification_digest_entries_event CHECK (event IN (${inList(events)}))`,
    );
    await q.query(`ALTER TABLE notification_preferences DROP CONSTRAINT chk_notification_preferences_event`);
    await q.query(
      `ALTER TABLE notification_preferences ADD CONSTRAINT chk_notification_preferences_event CHECK (event IN (${inList(events)}))`,
    );
  }
}
