import { runDatabaseName, testDatabaseUrl } from './test-database';

/**
 * Settings of one jest run, shared by globalSetup and every worker: globalSetup records its pid in
 * TEST_RUN_PID (workers inherit the environment), and everything is named after it.
 */
export function applyRunEnv(suite: string): { dbName: string } {
  process.env.TEST_RUN_PID ??= String(process.pid);
  const pid = Number(process.env.TEST_RUN_PID);
  const dbName = runDatabaseName(suite, pid);
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = testDatabaseUrl(dbName);
  process.env.QUEUE_PREFIX = `dutylist-test-${suite}-${pid}`;
  process.env.LOG_FORMAT = 'text';
  return { dbName };
}
