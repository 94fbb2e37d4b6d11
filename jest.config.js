// One `jest` run covers every part; each project has its own environment and set-up.
const os = require('node:os')

module.exports = {
  projects: [
    '<rootDir>/test/shared/jest.config.js',
    '<rootDir>/test/bff/jest.config.js',
    '<rootDir>/test/miniapp/jest.config.js',
    '<rootDir>/test/e2e/jest.config.js',
  ],
  // Jest's default (one worker per core but one) runs the files one at a time on the 2-core CI machine, where most
  // of a file's time is spent waiting on PostgreSQL, Redis, BFF processes and Chromium: two at a time there took the
  // suite from 1,005 s to 724 s (2026-12-07, all 170 files green). Every file has its own database.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
}
