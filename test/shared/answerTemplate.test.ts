import { AnswerTemplateBodySchema, fillAnswerTemplate, placeholdersIn, unknownPlaceholders } from '@gm/shared'

describe('answer template placeholders', () => {
  it('fills known placeholders, with or without inner spaces, and leaves missing or empty ones as written', () => {
    const body = '{{称呼}}：您于{{ 收到日期 }}对《{{征集名称}}》的意见已收悉。{{答复部门}}'
    expect(fillAnswerTemplate(body, { 称呼: '市民朋友', 收到日期: '2026年11月20日', 征集名称: '  ', 答复部门: undefined })).toBe(
      '市民朋友：您于2026年11月20日对《{{征集名称}}》的意见已收悉。{{答复部门}}',
    )
  })

  it('never replaces an unknown name, and a value is inserted literally (no placeholder inside it is expanded)', () => {
    expect(fillAnswerTemplate('{{收件日期}}', { 收到日期: 'x' })).toBe('{{收件日期}}')
    expect(fillAnswerTemplate('{{称呼}}{{征集名称}}', { 称呼: '{{征集名称}}', 征集名称: '条例' })).toBe('{{征集名称}}条例')
  })

  it('lists the names used and the unknown ones once each', () => {
    expect(placeholdersIn('{{称呼}}{{称呼}}{{回执编号}}{{收件日期}}')).toEqual(['称呼', '回执编号', '收件日期'])
    expect(unknownPlaceholders('{{称呼}}{{收件日期}}{{ 来信人 }}')).toEqual(['收件日期', '来信人'])
  })

  it('refuses a template body with an unknown placeholder at body', () => {
    const result = AnswerTemplateBodySchema.safeParse({ departmentId: 1, title: '通用', body: '{{称呼}}：您于{{收件日期}}提出的意见已收悉。' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['body', expect.stringMatching(/^未知的占位符：\{\{收件日期\}\}；可用：\{\{称呼\}\}/)],
    ])
  })
})
