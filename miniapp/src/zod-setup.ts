/**
 * Must be the first import of app.tsx: zod decides at schema construction whether to JIT-compile
 * parsers with `new Function`, which the WeChat runtime forbids. Every schema in @gm/shared is
 * created after this runs. Also switches zod's built-in messages to Chinese.
 */
import { z } from 'zod'

z.config({ jitless: true, ...z.locales.zhCN() })
