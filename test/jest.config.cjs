const { createJestConfig } = require('@ssm-invocations/tooling/jest');

module.exports = createJestConfig({
  testMatch: ['<rootDir>/integration/**/*.test.ts', '<rootDir>/e2e/**/*.test.ts'],
  testTimeout: 60_000,
});
