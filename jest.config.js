/** Tests sit beside the code; the tier is in the file name (.unit/.int/.e2e.spec.ts). */
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.jsc.baseUrl;
delete swc.jsc.paths;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', swc] },
  // A few dependencies ship ES modules only (content-disposition, under @fastify/static): compile them too.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: { '^@dossiers/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  globalSetup: '<rootDir>/test/report-optional-suites.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
