import { ConsultationListQuerySchema, IdParamsSchema, QaFeedbackBodySchema, QaListQuerySchema } from '@gm/shared'

describe('request schemas', () => {
  it('coerce query strings and apply paging defaults', () => {
    expect(ConsultationListQuerySchema.parse({ status: 'open', departmentId: '3' })).toEqual({ status: 'open', departmentId: 3, page: 1, pageSize: 20 })
  })

  it('treat a blank keyword as no filter and trim others', () => {
    expect(QaListQuerySchema.parse({ q: '   ' }).q).toBeUndefined()
    expect(QaListQuerySchema.parse({ q: ' 养老金 ' }).q).toBe('养老金')
  })

  it('reject keywords over 50 characters, unknown status and oversized pages', () => {
    expect(QaListQuerySchema.safeParse({ q: '字'.repeat(51) }).success).toBe(false)
    expect(ConsultationListQuerySchema.safeParse({ status: 'archived' }).success).toBe(false)
    expect(ConsultationListQuerySchema.safeParse({ pageSize: '500' }).success).toBe(false)
  })

  it('reject unknown keys in writes and query strings (no mass assignment)', () => {
    expect(QaFeedbackBodySchema.safeParse({ helpful: true, helpfulCount: 1000 }).success).toBe(false)
    expect(ConsultationListQuerySchema.safeParse({ sort: 'x' }).success).toBe(false)
  })

  it('accept only positive integer ids', () => {
    expect(IdParamsSchema.parse({ id: '12' })).toEqual({ id: 12 })
    for (const id of ['0', '-1', '1.5', 'abc', '']) expect(IdParamsSchema.safeParse({ id }).success).toBe(false)
  })
})
