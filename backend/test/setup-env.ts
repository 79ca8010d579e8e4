import { testDatabaseUrl } from './test-database';

export const BACKEND_TEST_DB = 'dutylist_test_backend';

// Each jest worker reads the same settings: a test database of its own, a queue prefix of its own.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = testDatabaseUrl(BACKEND_TEST_DB);
process.env.QUEUE_PREFIX = process.env.QUEUE_PREFIX ?? 'dutylist-test-backend';
process.env.LOG_FORMAT = 'text';
