import { prepareTestDatabase } from '../../backend/test/test-database';
import { E2E_TEST_DB } from './setup-env';

export default async function globalSetup(): Promise<void> {
  await prepareTestDatabase(E2E_TEST_DB);
}
