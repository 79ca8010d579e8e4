import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { dropTestDatabase, prepareTestDatabase, runDatabaseName } from './test-database';

const EXPECTED_TABLES = [
  'admin_events',
  'audit_events',
  'comment_threads',
  'comments',
  'document_imports',
  'duty_lists',
  'edition_settings',
  'item_decisions',
  'items',
  'list_publications',
  'list_versions',
  'migrations',
  'notification_deliveries',
  'notification_digest_entries',
  'notification_outbox',
  'notification_preferences',
  'notification_webhooks',
  'notifications',
  'onboarding_imports',
  'org_units',
  'user_sessions',
  'users',
  'version_items',
];

async function tables(db: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let db: DataSource;
  const name = runDatabaseName('migrations');

  beforeAll(async () => {
    const url = await prepareTestDatabase(name, { migrate: false });
    db = new DataSource(buildDataSourceOptions(url));
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(name);
  });

  it('create the whole schema from an empty database, and their down removes it again', async () => {
    expect(await tables(db)).toEqual([]);
    const ran = await db.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await tables(db)).toEqual(EXPECTED_TABLES);
    expect(await db.showMigrations()).toBe(false);

    for (let i = 0; i < ran.length; i += 1) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables(db)).toEqual(['migrations']);

    await db.runMigrations({ transaction: 'each' });
    expect(await tables(db)).toEqual(EXPECTED_TABLES);
  });
});
