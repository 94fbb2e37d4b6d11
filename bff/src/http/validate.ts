// Parses a request's params, query or body with its contract schema; failures become VALIDATION_FAILED with Chinese field messages.
import type { z } from 'zod'
import { validationFailed } from '../domain/errors'

/** Parse one part of a request with a contract schema; failures become VALIDATION_FAILED with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, part: 'params' | 'query' | 'body'): z.infer<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不支持的字段'
      continue
    }
    const key = issue.path.length > 0 ? issue.path.join('.') : part
    fields[key] ??= issue.message
  }
  throw validationFailed(fields)
}
