import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_LEVELS = ['region', 'prefecture', 'county', 'township'];
// Frozen here on purpose: a migration must not change when the code does.
const LEVELS = [...OLD_LEVELS, 'department'];

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The rollout's foundation: org units that can be managed (short names, aliases, disabled units,
 * county departments), accounts that can be handed out (forced password change, last login,
 * sessions that a logout or a disabled account ends at once) and the append-only trail of
 * administration (admin_events), beside the lists' own audit_events.
 */
export class AccountsAndOrgAdmin1764400000000 implements MigrationInterface {
  name = 'AccountsAndOrgAdmin1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT chk_org_units_level`);
    await q.query(`
      ALTER TABLE org_units
        ADD COLUMN short_name varchar(50) NULL,
        ADD COLUMN aliases text[] NOT NULL DEFAULT '{}',
        ADD COLUMN is_active boolean NOT NULL DEFAULT true,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT chk_org_units_level CHECK (level IN (${inList(LEVELS)}))`);

    await q.query(`
      ALTER TABLE users
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN password_changed_at timestamptz NULL,
        ADD COLUMN last_login_at timestamptz NULL`);

    await q.query(`
      CREATE TABLE user_sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        method varchar(16) NOT NULL DEFAULT 'password',
        ip varchar(64) NULL,
        user_agent varchar(300) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        CONSTRAINT pk_user_sessions PRIMARY KEY (id),
        CONSTRAINT fk_user_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT chk_user_sessions_method CHECK (method IN ('password', 'oidc'))
      )`);
    await q.query(`CREATE INDEX idx_user_sessions_user ON user_sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE admin_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        actor_id uuid NULL,
        action varchar(48) NOT NULL,
        org_unit_id uuid NULL,
        target_type varchar(16) NOT NULL,
        target_id varchar(64) NULL,
        summary text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_admin_events PRIMARY KEY (id),
        CONSTRAINT fk_admin_events_actor FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_admin_events_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX idx_admin_events_org_unit ON admin_events (org_unit_id, id)`);
    // Append-only, like the lists' audit trail (the function exists since the review-cycle migration).
    await q.query(`
      CREATE TRIGGER trg_admin_events_immutable BEFORE UPDATE OR DELETE ON admin_events
      FOR EACH ROW EXECUTE FUNCTION forbid_audit_mutation()`);
    await q.query(`
      CREATE TRIGGER trg_admin_events_no_truncate BEFORE TRUNCATE ON admin_events
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_mutation()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_events`);
    await q.query(`DROP TABLE user_sessions`);
    await q.query(`
      ALTER TABLE users
        DROP COLUMN must_change_password,
        DROP COLUMN password_changed_at,
        DROP COLUMN last_login_at`);
    await q.query(`DELETE FROM org_units WHERE level = 'department'`);
    await q.query(`ALTER TABLE org_units DROP CONSTRAINT chk_org_units_level`);
    await q.query(`
      ALTER TABLE org_units
        DROP COLUMN short_name,
        DROP COLUMN aliases,
        DROP COLUMN is_active,
        DROP COLUMN updated_at,
        ADD CONSTRAINT chk_org_units_level CHECK (level IN (${inList(OLD_LEVELS)}))`);
  }
}
