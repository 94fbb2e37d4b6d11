// One `jest` run covers every part; each project has its own environment and set-up.
module.exports = {
  projects: [
    '<rootDir>/test/shared/jest.config.js',
    '<rootDir>/test/bff/jest.config.js',
    '<rootDir>/test/miniapp/jest.config.js',
    '<rootDir>/test/e2e/jest.config.js',
  ],
}
