// Runs independent commands two at a time (one per core of a 2-core CI machine), in the order given
// (put the longest first), each command's output printed in one piece when it ends. Exits non-zero
// if any command failed, after all have run, so one run shows every failure.
// Usage: node scripts/parallel.mjs [--jobs N] 'cmd 1' 'cmd 2' …  (package.json: typecheck, lint)
import { spawn } from 'node:child_process'
import os from 'node:os'

const args = process.argv.slice(2)
let jobs = Math.max(1, Math.min(2, os.availableParallelism()))
if (args[0] === '--jobs') {
  jobs = Number(args[1])
  args.splice(0, 2)
}
if (!Number.isInteger(jobs) || jobs < 1 || args.length === 0) {
  console.error("usage: node scripts/parallel.mjs [--jobs N] 'command' …")
  process.exit(2)
}

/** One command through the shell (npm scripts' PATH, so `tsc` and `eslint` resolve), output kept. */
function run(command) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks = []
    child.stdout.on('data', (c) => chunks.push(c))
    child.stderr.on('data', (c) => chunks.push(c))
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const output = Buffer.concat(chunks).toString()
      process.stdout.write(
        `> ${command} (${seconds} s${code === 0 ? '' : `, failed: ${signal ?? `exit ${code}`}`})\n${output}${output && !output.endsWith('\n') ? '\n' : ''}`,
      )
      resolve(code === 0)
    })
  })
}

const queue = [...args]
const failed = []
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let command = queue.shift(); command !== undefined; command = queue.shift()) if (!(await run(command))) failed.push(command)
  }),
)
if (failed.length > 0) {
  console.error(`failed: ${failed.join(' | ')}`)
  process.exit(1)
}
