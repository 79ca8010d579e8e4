/** Cross-package end-to-end tests: the whole app over HTTP (supertest) and in real Chromium. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '..',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  moduleNameMapper: {
    '^@dutylist/shared$': '<rootDir>/shared/src/index.ts',
    '^@dutylist/shared/dist/(.*)$': '<rootDir>/shared/src/$1',
  },
  setupFiles: ['<rootDir>/tests/support/setup-env.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
