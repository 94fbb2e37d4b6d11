import { z } from 'zod'

export const IdSchema = z.coerce.number({ error: '编号必须是数字' }).int('编号必须是整数').positive('编号必须为正数')
export const IdParamsSchema = z.strictObject({ id: IdSchema })

/** Instants travel as ISO-8601 strings in UTC. */
export const InstantSchema = z.iso.datetime({ offset: true })

export const PageQueryFields = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50, '每页最多 50 条').default(20),
}

/** Free-text filter: trimmed, empty means "no filter". */
export const KeywordSchema = z
  .string()
  .trim()
  .max(50, '关键词最多 50 个字')
  .optional()
  .transform((v) => (v ? v : undefined))

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

export const DepartmentSchema = z.object({ id: z.number().int(), name: z.string() })
export type Department = z.infer<typeof DepartmentSchema>
