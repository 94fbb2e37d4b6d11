// Every input field the contract declares (params, query, body) obeys the text rule and canonical numbers.
import fc from 'fast-check'
import { z } from 'zod'
import { contract, type Endpoint, INT4_MAX } from '@gm/shared'

/** A field: a schema that receives one value of a request (an object property, an array item, a union option). */
interface Field {
  path: string
  schema: z.ZodType
}

type Def = { type: string; [key: string]: unknown }
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Strip the wrappers that do not change what a field accepts, to find the containers inside. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema)
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType as z.ZodType)
    case 'lazy':
      return unwrap((def.getter as () => z.ZodType)())
    case 'pipe': {
      // An object or list that is transformed afterwards: its items are still the request's fields.
      const inner = unwrap(def.in as z.ZodType)
      return ['object', 'array', 'tuple', 'record', 'intersection'].includes(defOf(inner).type) ? inner : schema
    }
    default:
      return schema
  }
}

/** Every field reachable from `schema` (itself included), with a readable path. */
function fieldsOf(schema: z.ZodType, path: string, out: Field[] = [], seen = new Set<z.ZodType>()): Field[] {
  if (seen.has(schema)) return out
  seen.add(schema)
  out.push({ path, schema })
  const inner = unwrap(schema)
  const def = defOf(inner)
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) fieldsOf(value, `${path}.${key}`, out, seen)
      if (def.catchall && defOf(def.catchall as z.ZodType).type !== 'never') fieldsOf(def.catchall as z.ZodType, `${path}.*`, out, seen)
      break
    case 'array':
      fieldsOf(def.element as z.ZodType, `${path}[]`, out, seen)
      break
    case 'tuple':
      ;(def.items as z.ZodType[]).forEach((item, i) => fieldsOf(item, `${path}[${i}]`, out, seen))
      if (def.rest) fieldsOf(def.rest as z.ZodType, `${path}[…]`, out, seen)
      break
    case 'record':
      fieldsOf(def.keyType as z.ZodType, `${path}{key}`, out, seen)
      fieldsOf(def.valueType as z.ZodType, `${path}{}`, out, seen)
      break
    case 'union':
      ;(def.options as z.ZodType[]).forEach((option, i) => fieldsOf(option, `${path}|${i}`, out, seen))
      break
    case 'intersection':
      fieldsOf(def.left as z.ZodType, `${path}&L`, out, seen)
      fieldsOf(def.right as z.ZodType, `${path}&R`, out, seen)
      break
  }
  return out
}

const endpoints = Object.entries(contract) as [string, Endpoint][]
const inputFields = (location: 'params' | 'query' | 'body') =>
  endpoints.flatMap(([name, endpoint]) => (endpoint[location] ? fieldsOf(endpoint[location], `${name}.${location}`) : []))
const allInputFields = [...inputFields('params'), ...inputFields('query'), ...inputFields('body')]

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success

const hostileCharacter = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\ud800', '\udbff', '\udc00', '\udfff')
const invisible = fc.constantFrom(
  ' ',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u3000',
  '\ufe0f',
  '\u3164',
  '\u2800',
  '\u{e0100}',
  '\u{e0020}',
  '\u180e',
)
const invisibleOnly = fc.array(invisible, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''))
const anyText = fc.string({ unit: 'grapheme', maxLength: 30 })

/** The fields of `fields` that accept the value some generated case builds. */
function offenders<T>(fields: Field[], arbitrary: fc.Arbitrary<T>, offends: (schema: z.ZodType, value: T) => boolean, numRuns = 60): string[] {
  const found: string[] = []
  for (const field of fields) {
    const result = fc.check(
      fc.property(arbitrary, (value) => !offends(field.schema, value)),
      { numRuns, seed: 20261206 },
    )
    if (result.failed) found.push(`${field.path} accepts ${JSON.stringify(result.counterexample?.[0])}`)
  }
  return found
}

/** Problems the text rule finds in one schema: NUL, other controls, lone surrogates, invisible-only text. */
function textRuleProblems(fields: Field[]): string[] {
  const withHostile = fc.tuple(anyText, hostileCharacter, anyText).map(([before, bad, after]) => before + bad + after)
  return [
    ...offenders(fields, withHostile, accepts),
    ...offenders(fields, invisibleOnly, (schema, value) => {
      const result = schema.safeParse(value)
      if (!result.success || typeof result.data !== 'string' || result.data === '') return false
      // Text kept exactly as typed (a password, a rich-text piece between bold ones) may hold spaces.
      const keepsSpaces = schema.safeParse(' 甲 ').data === ' 甲 '
      return !keepsSpaces
    }),
  ]
}

describe('the text rule in every input of the contract', () => {
  it('is checked on hundreds of fields, text ones included', () => {
    expect(allInputFields.length).toBeGreaterThan(300)
    expect(allInputFields.filter((f) => accepts(f.schema, '普通的中文内容')).length).toBeGreaterThan(80)
  })

  it('would catch a bare string (the check is real)', () => {
    const bare = fieldsOf(z.strictObject({ title: z.string().trim().max(200), list: z.array(z.string()) }), 'sample')
    const where = (problems: string[]) => problems.map((p) => p.split(' accepts ')[0])
    // NUL in both; invisible-only text in the trimmed title (the untrimmed list item keeps spaces as typed)
    expect(where(textRuleProblems(bare))).toEqual(['sample.title', 'sample.list[]', 'sample.title'])
    const blankable = fieldsOf(z.strictObject({ name: z.string().trim().min(1) }), 'sample')
    expect(where(textRuleProblems(blankable))).toEqual(['sample.name', 'sample.name'])
  })

  it('refuses NUL, other control characters, lone surrogates and invisible-only text in every params, query and body field', () => {
    expect(textRuleProblems(allInputFields)).toEqual([])
  })
})

describe('numbers in every input of the contract', () => {
  const canonical = /^(0|[1-9][0-9]*)$/

  it('take ids, pages and counts in a path or query string only as plain decimal digits', () => {
    const numeric = [...inputFields('params'), ...inputFields('query')].filter((f) => typeof f.schema.safeParse('7').data === 'number')
    expect(numeric.map((f) => f.path)).toEqual(
      expect.arrayContaining(['getConsultation.params.id', 'listConsultations.query.page', 'listConsultations.query.departmentId']),
    )
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(' 7', '7 ', '0x7', '7e0', '+7', '07', '7.0', '\u00007', '７', '٧'),
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
    )
    const problems = offenders(
      numeric,
      text,
      (schema, value) => {
        const result = schema.safeParse(value)
        if (!result.success) return false
        return !(canonical.test(value) && result.data === Number(value) && Math.abs(result.data) <= INT4_MAX)
      },
      200,
    )
    expect(problems).toEqual([])
  })

  it('bound every number in a params, query or body field to a PostgreSQL integer', () => {
    const huge = fc.oneof(
      fc.constantFrom(INT4_MAX + 1, -INT4_MAX - 2, 2 ** 53, Number.MAX_VALUE),
      fc.integer({ min: INT4_MAX + 1, max: Number.MAX_SAFE_INTEGER }),
    )
    const outOfRange = (schema: z.ZodType, value: unknown) => {
      const result = schema.safeParse(value)
      return result.success && typeof result.data === 'number' && Math.abs(result.data) > INT4_MAX
    }
    expect(offenders(allInputFields, huge, outOfRange)).toEqual([])
    expect(offenders(allInputFields, huge.map(String), outOfRange)).toEqual([])
  })
})
