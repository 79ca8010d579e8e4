import { testDatabaseUrl } from '../../backend/test/test-database';

export const E2E_TEST_DB = 'dutylist_test_e2e';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = testDatabaseUrl(E2E_TEST_DB);
process.env.QUEUE_PREFIX = process.env.QUEUE_PREFIX ?? 'dutylist-test-e2e';
process.env.DEMO_MODE = 'true';
process.env.LOG_FORMAT = 'text';
