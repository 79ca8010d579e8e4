import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = ['region', 'prefecture', 'county', 'township'];
const ROLES = ['township_drafter', 'county_reviewer', 'prefecture_reviewer', 'region_reviewer', 'admin'];
const TABLES = ['basic', 'cooperative', 'revoked'];
const STAGES = [
  'drafting',
  'submitted',
  'county_review',
  'returned',
  'county_approved',
  'prefecture_review',
  'region_review',
  'published',
];
// The 23 standard categories; frozen here on purpose: a migration must not change when the code does.
const CATEGORIES = [
  '党的建设',
  '经济发展',
  '民生服务',
  '平安法治',
  '乡村振兴',
  '精神文明建设',
  '社会管理',
  '安全稳定',
  '民族宗教',
  '社会保障',
  '自然资源',
  '生态环保',
  '城乡建设',
  '交通运输',
  '商贸流通',
  '文化和旅游',
  '卫生健康',
  '应急管理及消防',
  '市场监管',
  '投资促进',
  '人民武装',
  '综合政务',
  '教育培训监管',
];

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Organisations, users, duty lists with their draft items, and immutable versions. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        level varchar(16) NOT NULL,
        parent_id uuid NULL,
        path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_org_units PRIMARY KEY (id),
        CONSTRAINT fk_org_units_parent FOREIGN KEY (parent_id) REFERENCES org_units (id) ON DELETE RESTRICT,
        CONSTRAINT chk_org_units_level CHECK (level IN (${inList(LEVELS)})),
        CONSTRAINT chk_org_units_root CHECK ((level = 'region') = (parent_id IS NULL)),
        CONSTRAINT uq_org_units_path UNIQUE (path)
      )`);
    await q.query(`CREATE INDEX idx_org_units_path ON org_units (path text_pattern_ops)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_org_units_parent_name ON org_units (COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`,
    );

    await q.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        display_name varchar(100) NOT NULL,
        password_hash text NOT NULL,
        role varchar(32) NOT NULL,
        org_unit_id uuid NOT NULL,
        email varchar(200) NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT fk_users_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE RESTRICT,
        CONSTRAINT chk_users_role CHECK (role IN (${inList(ROLES)}))
      )`);
    await q.query(`CREATE INDEX idx_users_org_unit ON users (org_unit_id)`);

    await q.query(`
      CREATE TABLE duty_lists (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        township_id uuid NOT NULL,
        edition int NOT NULL,
        title varchar(200) NOT NULL,
        stage varchar(32) NOT NULL DEFAULT 'drafting',
        round int NOT NULL DEFAULT 1,
        max_rounds int NOT NULL DEFAULT 3,
        explanation jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_duty_lists PRIMARY KEY (id),
        CONSTRAINT fk_duty_lists_township FOREIGN KEY (township_id) REFERENCES org_units (id) ON DELETE RESTRICT,
        CONSTRAINT uq_duty_lists_township_edition UNIQUE (township_id, edition),
        CONSTRAINT chk_duty_lists_stage CHECK (stage IN (${inList(STAGES)})),
        CONSTRAINT chk_duty_lists_round CHECK (round >= 1 AND max_rounds >= 1)
      )`);

    await q.query(`
      CREATE TABLE items (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        list_table varchar(16) NOT NULL,
        seq int NOT NULL,
        category varchar(32) NULL,
        name text NOT NULL,
        departments text[] NOT NULL DEFAULT '{}',
        upper_duties text NOT NULL DEFAULT '',
        township_duties text NOT NULL DEFAULT '',
        undertaker text NOT NULL DEFAULT '',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_items PRIMARY KEY (id),
        CONSTRAINT fk_items_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE CASCADE,
        CONSTRAINT chk_items_table CHECK (list_table IN (${inList(TABLES)})),
        CONSTRAINT chk_items_seq CHECK (seq >= 1),
        CONSTRAINT chk_items_category CHECK (category IS NULL OR category IN (${inList(CATEGORIES)})),
        CONSTRAINT uq_items_list_table_seq UNIQUE (list_id, list_table, seq) DEFERRABLE INITIALLY DEFERRED
      )`);

    await q.query(`
      CREATE TABLE list_versions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        number int NOT NULL,
        round int NOT NULL,
        label varchar(100) NOT NULL,
        explanation jsonb NOT NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_list_versions PRIMARY KEY (id),
        CONSTRAINT fk_list_versions_list FOREIGN KEY (list_id) REFERENCES duty_lists (id) ON DELETE RESTRICT,
        CONSTRAINT fk_list_versions_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT uq_list_versions_list_number UNIQUE (list_id, number)
      )`);

    await q.query(`
      CREATE TABLE version_items (
        version_id uuid NOT NULL,
        item_id uuid NOT NULL,
        list_table varchar(16) NOT NULL,
        seq int NOT NULL,
        category varchar(32) NULL,
        name text NOT NULL,
        departments text[] NOT NULL,
        upper_duties text NOT NULL,
        township_duties text NOT NULL,
        undertaker text NOT NULL,
        CONSTRAINT pk_version_items PRIMARY KEY (version_id, item_id),
        CONSTRAINT fk_version_items_version FOREIGN KEY (version_id) REFERENCES list_versions (id) ON DELETE RESTRICT,
        CONSTRAINT chk_version_items_table CHECK (list_table IN (${inList(TABLES)}))
      )`);
    await q.query(`CREATE INDEX idx_version_items_item ON version_items (item_id)`);

    // Frozen means frozen: no UPDATE or DELETE on a version, whatever the application does.
    await q.query(`
      CREATE FUNCTION forbid_version_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is not allowed: versions are immutable', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    for (const table of ['list_versions', 'version_items']) {
      await q.query(`
        CREATE TRIGGER trg_${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION forbid_version_mutation()`);
      await q.query(`
        CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION forbid_version_mutation()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE version_items`);
    await q.query(`DROP TABLE list_versions`);
    await q.query(`DROP FUNCTION forbid_version_mutation()`);
    await q.query(`DROP TABLE items`);
    await q.query(`DROP TABLE duty_lists`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE org_units`);
  }
}
