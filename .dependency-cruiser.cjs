// Layering rules (issue 12): run by `npm run lint:deps`, part of `npm test`. See docs/architecture.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a loop: move the shared part down a layer.',
      from: { path: '^(bff/src|shared/src|miniapp/src)' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment: 'bff/src/domain holds errors and actors: no Koa, no HTTP adapter, no Prisma.',
      from: { path: '^bff/src/domain/' },
      to: { path: ['^bff/src/(http|routes|repositories|services|db)/', '^bff/src/generated/', 'node_modules/(koa|@koa|@prisma)/'] },
    },
    {
      name: 'services-never-import-http',
      severity: 'error',
      comment: 'Use cases are framework-free: take the domain types (bff/src/domain), never the HTTP adapter or routes.',
      from: { path: '^bff/src/(services|repositories|search|security|integrations|lib)/' },
      to: { path: ['^bff/src/(http|routes)/', 'node_modules/(koa|@koa)/'] },
    },
    {
      name: 'only-repositories-import-prisma',
      severity: 'error',
      comment: 'Prisma (the generated client) is imported by repositories and the db/ module only.',
      from: { path: '^bff/src/', pathNot: ['^bff/src/(repositories|db|generated)/'] },
      to: { path: ['^bff/src/generated/prisma', 'node_modules/@prisma/'] },
    },
    {
      name: 'repositories-never-import-services',
      severity: 'error',
      comment: 'Repositories sit below services: data access only.',
      from: { path: '^bff/src/repositories/' },
      to: { path: '^bff/src/(services|routes|http)/' },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'shared/ ships to phones and the server: it must not reach into either side.',
      from: { path: '^shared/src/' },
      to: { path: ['^(bff|miniapp)/'] },
    },
    {
      name: 'bff-and-miniapp-meet-only-in-shared',
      severity: 'error',
      comment: 'The BFF and the miniapp share code only through shared/.',
      from: { path: '^(bff|miniapp)/src/' },
      to: { path: '^(bff|miniapp)/src/', pathNot: '^$1/src/' },
    },
    {
      name: 'pages-never-import-api',
      severity: 'error',
      comment: 'Pages stay thin: data through a hook (miniapp/src/hooks), never the API client directly.',
      from: { path: '^miniapp/src/(pages|packages/[^/]+/pages)/' },
      to: { path: '^miniapp/src/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'components-never-import-hooks-or-api',
      severity: 'error',
      comment: 'Components are presentational: props in, events out; data hooks and the API client belong to pages.',
      from: { path: '^miniapp/src/components/' },
      to: { path: ['^miniapp/src/api/', '^miniapp/src/hooks/'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^bff/src/generated/'] },
    exclude: { path: ['(^|/)dist/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'miniapp/tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}
