import { applyRunEnv } from './run-env';
import { dropTestDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTestDatabase(applyRunEnv('backend').dbName);
}
