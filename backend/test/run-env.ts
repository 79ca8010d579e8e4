import { randomBytes } from 'node:crypto';
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
  // A key of the run's own (never a literal in the repository), the same in every worker of the run.
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  // Every spec of a run logs in from 127.0.0.1 on one Redis prefix: the per-address spray limit would add up
  // their wrong-password tests. tests/api/security.e2e-spec.ts checks the real defaults on a prefix of its own.
  process.env.LOGIN_ADDRESS_LIMIT ??= '1000';
  return { dbName };
}
