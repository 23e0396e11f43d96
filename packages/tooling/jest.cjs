// Jest preset shared by the non-Backstage packages: SWC transpiles TypeScript (types are
// checked separately by `tsc --noEmit`, which also covers the tests).
/** @param {{ testMatch?: string[], testTimeout?: number, testEnvironment?: string }} [overrides] */
function createJestConfig(overrides = {}) {
  // The AWS SDK warns on every client creation that Node 20 support ends; CI runs Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return {
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        require.resolve('@swc/jest'),
        {
          jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
          module: { type: 'commonjs' },
        },
      ],
    },
    extensionsToTreatAsEsm: [],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...overrides,
  };
}
module.exports = { createJestConfig };
