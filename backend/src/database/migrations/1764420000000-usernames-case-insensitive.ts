import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User names are unique regardless of case (login already matches them case-insensitively, so `Qitai`
 * and `qitai` would be one login for two accounts). The sibling-name lookup of the org directory gets an
 * index on parent_id.
 */
export class UsernamesCaseInsensitive1764420000000 implements MigrationInterface {
  name = 'UsernamesCaseInsensitive1764420000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_users_username_lower ON users (lower(username))`);
    await q.query(`CREATE INDEX idx_org_units_parent ON org_units (parent_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_org_units_parent`);
    await q.query(`DROP INDEX uq_users_username_lower`);
  }
}
