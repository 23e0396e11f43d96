const { createJestConfig } = require('@ssm-invocations/tooling/jest');

module.exports = createJestConfig();
