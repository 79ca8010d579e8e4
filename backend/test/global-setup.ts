import { prepareTestDatabase } from './test-database';
import { BACKEND_TEST_DB } from './setup-env';

export default async function globalSetup(): Promise<void> {
  await prepareTestDatabase(BACKEND_TEST_DB);
}
