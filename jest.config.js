// One jest run for the whole monorepo: the engine's and the console's unit tests and the end-to-end tests.
// Workspaces are mapped to their TypeScript sources, so no build is needed before testing.
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: { '^@kaoping/shared$': '<rootDir>/../shared/src/index.ts' },
};
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'shared',
      rootDir: 'shared',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
    },
    // The console's pure logic (formatting, grid rules, tree edits): plain node, no browser.
    {
      ...base,
      displayName: 'admin',
      rootDir: 'admin',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
    },
    {
      ...base,
      displayName: 'e2e',
      rootDir: 'test',
      testMatch: ['<rootDir>/**/*.e2e.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
      testTimeout: 60000,
    },
  ],
};
