// Jest preset shared by the non-Backstage packages: SWC transpiles TypeScript (types are
// checked separately by `tsc --noEmit`, which also covers the tests).
/** @param {{ testMatch?: string[], testTimeout?: number, testEnvironment?: string }} [overrides] */
function createJestConfig(overrides = {}) {
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
