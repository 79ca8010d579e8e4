import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded documents awaiting (or done with) confirmation: the preview a drafter confirmed is what gets applied. */
export class DocumentImports1763900000000 implements MigrationInterface {
  name = 'DocumentImports1763900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_imports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        created_by uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'previewed',
        preview jsonb NOT NULL,
        base_updated_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz NULL,
        CONSTRAINT pk_document_imports PRIMARY KEY (id),
        CONSTRAINT fk_document_imports_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE CASCADE,
        CONSTRAINT fk_document_imports_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_document_imports_status CHECK (status IN ('previewed', 'confirmed'))
      )`);
    await q.query(`CREATE INDEX idx_document_imports_list ON document_imports (list_id, created_at DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_imports`);
  }
}
