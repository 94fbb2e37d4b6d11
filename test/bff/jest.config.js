module.exports = require('../jest.base')('bff', {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/bff/globalSetup.ts',
  globalTeardown: '<rootDir>/test/bff/globalTeardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts'],
})
