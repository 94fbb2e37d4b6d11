// Form validation helpers: field messages from a shared zod schema and from the BFF's VALIDATION_FAILED answer, keyed by the form's fields.
import type { z } from 'zod'

export type FieldErrors<K extends string = string> = Partial<Record<K, string>>
export type Validation<T, K extends string> = { ok: true; data: T } | { ok: false; errors: FieldErrors<K> }

/** The first message per top-level field of a failed zod parse: `{ username: '请填写用户名' }`. */
export function zodFieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const errors: FieldErrors<K> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as K
    if (field && errors[field] === undefined) errors[field] = issue.message
  }
  return errors
}

/** Validate form values with a shared schema, so the form says what the BFF would say. */
export function validateWith<S extends z.ZodType, K extends string>(schema: S, input: unknown): Validation<z.output<S>, K> {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: zodFieldErrors<K>(result.error) }
}

/**
 * Field messages of a VALIDATION_FAILED answer (`details.fields`, keyed "body.username") for the
 * form's own field names; messages for fields the form does not show are left out.
 */
export function serverFieldErrors<K extends string>(fields: Record<string, string>, names: readonly K[]): FieldErrors<K> {
  const errors: FieldErrors<K> = {}
  for (const [path, message] of Object.entries(fields)) {
    const name = path.replace(/^body\./, '').split('.')[0] as K
    if (names.includes(name) && errors[name] === undefined) errors[name] = message
  }
  return errors
}
