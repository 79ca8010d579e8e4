import { applyRunEnv } from '../../backend/test/run-env';
import { dropTestDatabase } from '../../backend/test/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTestDatabase(applyRunEnv('e2e').dbName);
}
