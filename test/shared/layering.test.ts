// The layering rules (.dependency-cruiser.cjs) hold on the tree and catch a service that imports the HTTP adapter.
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const depcruise = (...targets: string[]) =>
  spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), ...targets, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    },
  )

describe('the dependency rules', () => {
  it('pass on bff, shared and miniapp sources', () => {
    const run = depcruise('bff/src', 'shared/src', 'miniapp/src')
    expect(run.stdout + run.stderr).toContain('no dependency violations found')
    expect(run.status).toBe(0)
  }, 120_000)

  it('refuse a service that imports from the HTTP adapter', () => {
    const probe = path.join(root, 'bff/src/services/layeringProbe.ts')
    writeFileSync(probe, "// Written and removed by test/shared/layering.test.ts.\nexport { authorize } from '../http/authorize'\n")
    try {
      const run = depcruise('bff/src/services/layeringProbe.ts')
      expect(run.status).not.toBe(0)
      expect(run.stdout).toContain('services-never-import-http: bff/src/services/layeringProbe.ts → bff/src/http/authorize.ts')
    } finally {
      rmSync(probe, { force: true })
    }
  }, 120_000)
})
