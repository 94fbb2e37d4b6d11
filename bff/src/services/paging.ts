// Helpers every list use case shares: page to skip/take, the paged envelope, ISO dates, and reply dates as Shanghai day starts.
import { formatShanghaiDate, shanghaiTime } from '@gm/shared'
import { AppError } from '../domain/errors'

/** Page/pageSize (1-based) → skip/take, and the list envelope every paged endpoint returns. */
export function pageWindow(query: { page: number; pageSize: number }) {
  return { skip: (query.page - 1) * query.pageSize, take: query.pageSize }
}

export function pageOf<T>(items: T[], total: number, query: { page: number; pageSize: number }) {
  return { items, total, page: query.page, pageSize: query.pageSize }
}

export const iso = (date: Date) => date.toISOString()
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null)

/** 答复日期 (a Shanghai calendar date, YYYY-MM-DD) as the instant that day starts. */
export function repliedAtOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return shanghaiTime(y, m, d)
}

/** REPLY_BEFORE_RECEIPT naming the day (Asia/Shanghai) the opinion was received. */
export function replyBeforeReceipt(receivedAt: Date): AppError {
  const day = formatShanghaiDate(receivedAt)
  return new AppError('REPLY_BEFORE_RECEIPT', `答复日期不能早于意见的收到日期（${day}）`, { receivedOn: day, fields: { repliedOn: `答复日期不能早于 ${day}` } })
}
