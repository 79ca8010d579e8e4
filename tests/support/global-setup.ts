import { applyRunEnv } from '../../backend/test/run-env';
import { dropStaleTestDatabases, prepareTestDatabase } from '../../backend/test/test-database';

export default async function globalSetup(): Promise<void> {
  const { dbName } = applyRunEnv('e2e');
  await dropStaleTestDatabases('e2e');
  await prepareTestDatabase(dbName);
}
