// Replaces zod's `v4/core/doc.js` in the weapp build (see config/index.ts). zod uses `Doc` only to
// generate JIT parsers with the Function constructor, which the WeChat runtime forbids. With
// `z.config({ jitless: true })` (src/zod-setup.ts) zod never calls `compile()`; if something does,
// it fails loudly here instead of reaching a forbidden constructor.
export class Doc {
  constructor(args = [], closed = {}) {
    this.content = []
    this.indent = 0
    this.args = args
    this.closed = closed
  }

  indented(fn) {
    this.indent += 1
    try {
      fn(this)
    } finally {
      this.indent -= 1
    }
  }

  write(arg) {
    if (typeof arg === 'function') {
      arg(this, { execution: 'sync' })
      arg(this, { execution: 'async' })
      return
    }
    this.content.push(arg)
  }

  compile() {
    throw new Error('zod JIT is disabled in the mini-program build (jitless)')
  }
}
