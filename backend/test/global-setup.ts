import { applyRunEnv } from './run-env';
import { dropStaleTestDatabases, prepareTestDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  const { dbName } = applyRunEnv('backend');
  await dropStaleTestDatabases('backend');
  await prepareTestDatabase(dbName);
}
