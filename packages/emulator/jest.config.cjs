const { createJestConfig } = require('@ssm-invocations/tooling/jest');

// The SDK-driven suites start real servers and wait on retries and backoff.
module.exports = createJestConfig({ testTimeout: 30_000 });
