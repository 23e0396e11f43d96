const { createJestConfig } = require('@ssm-invocations/tooling/jest');

// Sources follow the n8n community-node layout (credentials/, nodes/, shared/) so that
// `n8n-node lint` applies its node and credential rules; unit tests sit beside them.
module.exports = createJestConfig({
  testMatch: ['<rootDir>/{credentials,nodes,shared}/**/*.test.ts'],
});
