import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk onboarding: a preview of a workbook, tied to the admin who uploaded it and the file's hash,
 * kept until it expires or is confirmed; after confirmation it holds the sealed sheet of initial
 * passwords until its one download.
 */
export class OnboardingImports1764440000000 implements MigrationInterface {
  name = 'OnboardingImports1764440000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE onboarding_imports (
        id uuid NOT NULL,
        created_by uuid NOT NULL,
        org_unit_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        file_sha256 char(64) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'preview',
        input jsonb NOT NULL,
        preview jsonb NOT NULL,
        plan_signature char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz NULL,
        passwords bytea NULL,
        passwords_downloaded_at timestamptz NULL,
        CONSTRAINT pk_onboarding_imports PRIMARY KEY (id),
        CONSTRAINT fk_onboarding_imports_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_onboarding_imports_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE CASCADE,
        CONSTRAINT chk_onboarding_imports_status CHECK (status IN ('preview', 'confirmed'))
      )`);
    await q.query(`CREATE INDEX idx_onboarding_imports_created_by ON onboarding_imports (created_by, created_at)`);
    await q.query(`CREATE INDEX idx_onboarding_imports_expires ON onboarding_imports (expires_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE onboarding_imports`);
  }
}
