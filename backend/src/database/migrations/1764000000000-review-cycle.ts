import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen here on purpose: a migration must not change when the code does.
const OLD_STAGES = [
  'drafting',
  'submitted',
  'county_review',
  'returned',
  'county_approved',
  'prefecture_review',
  'region_review',
  'published',
];
const STAGES = [...OLD_STAGES, 'prefecture_approved', 'region_approved'];
const LEVELS = ['county', 'prefecture', 'region'];
const ACTIONS = [
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
const FIELDS = ['table', 'category', 'name', 'departments', 'upperDuties', 'townshipDuties', 'undertaker'];

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The 三上三下 cycle: per-edition round limits and deadlines, the stage clock of each list, per-item
 * decisions on frozen versions, comment threads that follow an item's identity, and an append-only audit.
 */
export class ReviewCycle1764000000000 implements MigrationInterface {
  name = 'ReviewCycle1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE edition_settings (
        edition int NOT NULL,
        max_rounds int NOT NULL DEFAULT 3,
        review_days int NULL,
        revise_days int NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_edition_settings PRIMARY KEY (edition),
        CONSTRAINT chk_edition_settings_rounds CHECK (max_rounds BETWEEN 1 AND 10),
        CONSTRAINT chk_edition_settings_days CHECK (
          (review_days IS NULL OR review_days BETWEEN 1 AND 365) AND (revise_days IS NULL OR revise_days BETWEEN 1 AND 365))
      )`);
    await q.query(`
      INSERT INTO edition_settings (edition, max_rounds)
      SELECT edition, max(max_rounds) FROM duty_lists GROUP BY edition`);
    // Dropping the column drops the check that mentioned it; keep the round check.
    await q.query(`ALTER TABLE duty_lists DROP COLUMN max_rounds`);
    await q.query(`ALTER TABLE duty_lists ADD CONSTRAINT chk_duty_lists_round CHECK (round >= 1)`);

    await q.query(`ALTER TABLE duty_lists DROP CONSTRAINT chk_duty_lists_stage`);
    await q.query(`ALTER TABLE duty_lists ADD CONSTRAINT chk_duty_lists_stage CHECK (stage IN (${inList(STAGES)}))`);
    await q.query(`
      ALTER TABLE duty_lists
        ADD COLUMN return_level varchar(16) NULL,
        ADD COLUMN stage_since timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN deadline_at timestamptz NULL,
        ADD CONSTRAINT chk_duty_lists_return_level CHECK (return_level IS NULL OR return_level IN ('prefecture', 'region'))`);

    await q.query(`
      CREATE TABLE item_decisions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        version_id uuid NOT NULL,
        item_id uuid NOT NULL,
        level varchar(16) NOT NULL,
        round int NOT NULL,
        decision varchar(16) NOT NULL,
        reason text NULL,
        suggestion jsonb NULL,
        carried_from uuid NULL,
        reviewer_id uuid NOT NULL,
        resolution varchar(16) NOT NULL DEFAULT 'open',
        response text NULL,
        responded_by uuid NULL,
        responded_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_item_decisions PRIMARY KEY (id),
        CONSTRAINT fk_item_decisions_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE RESTRICT,
        CONSTRAINT fk_item_decisions_version_item FOREIGN KEY (version_id, item_id)
          REFERENCES version_items (version_id, item_id) ON DELETE RESTRICT,
        CONSTRAINT fk_item_decisions_carried_from FOREIGN KEY (carried_from) REFERENCES item_decisions (id) ON DELETE RESTRICT,
        CONSTRAINT fk_item_decisions_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_item_decisions_responded_by FOREIGN KEY (responded_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT uq_item_decisions_version_item_level UNIQUE (version_id, item_id, level),
        CONSTRAINT chk_item_decisions_level CHECK (level IN (${inList(LEVELS)})),
        CONSTRAINT chk_item_decisions_decision CHECK (decision IN ('approved', 'returned', 'suggested')),
        CONSTRAINT chk_item_decisions_resolution CHECK (resolution IN ('open', 'revised', 'answered', 'accepted', 'rejected')),
        CONSTRAINT chk_item_decisions_reason CHECK (decision <> 'returned' OR coalesce(reason, '') <> ''),
        CONSTRAINT chk_item_decisions_suggestion CHECK ((decision = 'suggested') = (suggestion IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idx_item_decisions_list_item ON item_decisions (list_id, item_id, created_at)`);

    await q.query(`
      CREATE TABLE comment_threads (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        item_id uuid NOT NULL,
        field varchar(32) NULL,
        opened_round int NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open',
        created_by uuid NOT NULL,
        resolved_by uuid NULL,
        resolved_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_comment_threads PRIMARY KEY (id),
        CONSTRAINT fk_comment_threads_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE RESTRICT,
        CONSTRAINT fk_comment_threads_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_comment_threads_resolved_by FOREIGN KEY (resolved_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_comment_threads_status CHECK (status IN ('open', 'resolved')),
        CONSTRAINT chk_comment_threads_field CHECK (field IS NULL OR field IN (${inList(FIELDS)})),
        CONSTRAINT chk_comment_threads_resolved CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idx_comment_threads_list_item ON comment_threads (list_id, item_id)`);

    await q.query(`
      CREATE TABLE comments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        round int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_comments PRIMARY KEY (id),
        CONSTRAINT fk_comments_thread FOREIGN KEY (thread_id) REFERENCES comment_threads (id) ON DELETE RESTRICT,
        CONSTRAINT fk_comments_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_comments_body CHECK (length(body) BETWEEN 1 AND 5000)
      )`);
    await q.query(`CREATE INDEX idx_comments_thread ON comments (thread_id, created_at)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        list_id uuid NOT NULL,
        item_id uuid NULL,
        actor_id uuid NULL,
        action varchar(32) NOT NULL,
        from_stage varchar(32) NULL,
        to_stage varchar(32) NULL,
        round int NOT NULL,
        reason text NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_audit_events PRIMARY KEY (id),
        CONSTRAINT fk_audit_events_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE RESTRICT,
        CONSTRAINT fk_audit_events_actor FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_audit_events_action CHECK (action IN (${inList(ACTIONS)}))
      )`);
    await q.query(`CREATE INDEX idx_audit_events_list ON audit_events (list_id, id)`);
    await q.query(`CREATE INDEX idx_audit_events_item ON audit_events (item_id, id) WHERE item_id IS NOT NULL`);

    // The audit trail is append-only, like versions.
    await q.query(`
      CREATE FUNCTION forbid_audit_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is not allowed: the audit trail is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_audit_events_immutable BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION forbid_audit_mutation()`);
    await q.query(`
      CREATE TRIGGER trg_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_mutation()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION forbid_audit_mutation()`);
    await q.query(`DROP TABLE comments`);
    await q.query(`DROP TABLE comment_threads`);
    await q.query(`DROP TABLE item_decisions`);
    await q.query(`
      ALTER TABLE duty_lists
        DROP CONSTRAINT chk_duty_lists_return_level,
        DROP COLUMN return_level,
        DROP COLUMN stage_since,
        DROP COLUMN deadline_at`);
    await q.query(`ALTER TABLE duty_lists DROP CONSTRAINT chk_duty_lists_stage`);
    await q.query(`
      UPDATE duty_lists SET stage = CASE stage
        WHEN 'prefecture_approved' THEN 'prefecture_review' WHEN 'region_approved' THEN 'region_review' ELSE stage END`);
    await q.query(
      `ALTER TABLE duty_lists ADD CONSTRAINT chk_duty_lists_stage CHECK (stage IN (${inList(OLD_STAGES)}))`,
    );
    await q.query(`ALTER TABLE duty_lists ADD COLUMN max_rounds int NOT NULL DEFAULT 3`);
    await q.query(`
      UPDATE duty_lists l SET max_rounds = s.max_rounds FROM edition_settings s WHERE s.edition = l.edition`);
    await q.query(`ALTER TABLE duty_lists DROP CONSTRAINT chk_duty_lists_round`);
    await q.query(`ALTER TABLE duty_lists ADD CONSTRAINT chk_duty_lists_round CHECK (round >= 1 AND max_rounds >= 1)`);
    await q.query(`DROP TABLE edition_settings`);
  }
}
