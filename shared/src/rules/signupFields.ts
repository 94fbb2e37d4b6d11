// Which signup questions an event's selection mode needs: first come asks only who you are; review and lottery also ask the category, the balancing details and the 代表库.
import type { SelectionMode } from '../schemas/event'
import { type AttendeeCategory, attendeeCategoryLabels } from '../schemas/registration'

export interface SignupFields {
  /** 报名类别 (利益相关方/公众代表/专家/媒体): required where people are selected by category or quota */
  category: boolean
  /** 地区、行业、年龄段、性别 (optional): only used to balance a selection */
  balancing: boolean
  /** 同意进入代表库: only where one can be not selected */
  pool: boolean
}

/** First come, first served selects nobody, so it asks nothing a selection would use. */
export function signupFieldsFor(mode: SelectionMode): SignupFields {
  const selects = mode !== 'FIRST_COME'
  return { category: selects, balancing: selects, pool: selects }
}

/**
 * A registration's 报名类别 as anyone is shown it: the label where its event asked for a category, else null
 * (a first-come signup is recorded as 公众代表 though nobody chose it).
 */
export function chosenCategoryLabel(mode: SelectionMode, category: AttendeeCategory): string | null {
  return signupFieldsFor(mode).category ? attendeeCategoryLabels[category] : null
}
