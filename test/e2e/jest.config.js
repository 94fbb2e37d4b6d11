module.exports = require('../jest.base')('e2e', {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/globalTeardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts'],
})
