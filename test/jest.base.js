const path = require('node:path')

const root = path.resolve(__dirname, '..')

/** Shared by every jest project: TypeScript through SWC (type-checking is `npm run typecheck`). */
module.exports = function base(name, overrides = {}) {
  return {
    displayName: name,
    rootDir: root,
    roots: [`<rootDir>/test/${name}`],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', tsx: true },
            transform: { react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleNameMapper: { '^@gm/shared$': '<rootDir>/shared/src/index.ts' },
    ...overrides,
  }
}
