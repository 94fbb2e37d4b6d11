module.exports = require('../jest.base')('shared', { testEnvironment: 'node' })
