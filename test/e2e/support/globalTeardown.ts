import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'

export default async function globalTeardown() {
  const state = (globalThis as { __gmE2e?: { child: ChildProcess; dir: string } }).__gmE2e
  if (!state) return
  if (state.child.exitCode === null) {
    const exited = new Promise((resolve) => state.child.once('exit', resolve))
    state.child.kill('SIGTERM')
    await exited
  }
  rmSync(state.dir, { recursive: true, force: true })
}
