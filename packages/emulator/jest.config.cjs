const { createJestConfig } = require('@ssm-invocations/tooling/jest');

// The SDK warns once per worker that Node 20 support ends in 2027; the repo pins Node 20 on
// purpose, so the warning is noise in test output. Workers inherit this environment.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// The SDK-driven suites start real servers and wait on retries and backoff.
module.exports = createJestConfig({ testTimeout: 30_000 });
