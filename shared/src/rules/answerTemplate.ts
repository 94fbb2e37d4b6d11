// Answer templates' placeholders ({{称呼}}, {{征集名称}}, {{收到日期}}…): which exist, which a text names, and filling them — one rule for the BFF's checks and the staff forms.

/** The placeholders a template may use, each with what it is replaced by. */
export const answerTemplatePlaceholders = {
  称呼: '对意见人的称呼（如“市民朋友”）',
  征集名称: '意见征集或活动的名称',
  收到日期: '收到意见的日期',
  答复部门: '答复部门的名称',
  答复日期: '答复日期',
  回执编号: '意见的回执编号',
} as const

export type AnswerTemplatePlaceholder = keyof typeof answerTemplatePlaceholders
export type AnswerTemplateValues = Partial<Record<AnswerTemplatePlaceholder, string>>

const PLACEHOLDER = /\{\{\s*([^{}\s]{1,20})\s*\}\}/g

const isKnown = (name: string): name is AnswerTemplatePlaceholder => Object.hasOwn(answerTemplatePlaceholders, name)

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))]
}

/** Names written as placeholders that are not among answerTemplatePlaceholders (a typo would stay in the answer). */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => !isKnown(name))
}

/**
 * The template's text with each known placeholder replaced by its value. A placeholder without a
 * value (or with an empty one) stays as written, so staff see what is still to fill in.
 */
export function fillAnswerTemplate(body: string, values: AnswerTemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = isKnown(name) ? values[name]?.trim() : undefined
    return value ? value : whole
  })
}
