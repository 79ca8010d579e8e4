import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';

/** The server the tests use (the maintenance database); override with TEST_PG_URL. */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function testDatabaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database name of one test run: `dutylist_test_<suite>_<pid>`, so that two runs on the same
 * machine (a developer's and CI's) never drop each other's schema.
 */
export function runDatabaseName(suite: string, pid = process.pid): string {
  return `dutylist_test_${suite}_${pid}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Drops the databases of earlier runs of this suite whose process is gone (a run killed before its teardown). */
export async function dropStaleTestDatabases(suite: string): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `dutylist_test_${suite}_%`,
    ]);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(`dutylist_test_${suite}_`.length));
      if (Number.isInteger(pid) && !processAlive(pid))
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops and recreates a database, then builds its schema from the migrations (never synchronize). */
export async function prepareTestDatabase(name: string, { migrate = true } = {}): Promise<string> {
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = testDatabaseUrl(name);
  if (migrate) {
    const db = new DataSource(buildDataSourceOptions(url));
    await db.initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
    } finally {
      await db.destroy();
    }
  }
  return url;
}
