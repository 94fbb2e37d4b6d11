// Replaces zod's English messages (v4/locales/en.js) in the mini-program builds (see config/index.ts): zod registers
// them as the default on the first schema, but src/zod-setup.ts has set Chinese before any schema exists; pointing
// the default at the same Chinese messages keeps one language and drops the English text from the bundle.
export { default } from 'zod/v4/locales/zh-CN.js'
