// The NOT_FOUND ApiError hooks give a page opened with a missing or malformed id, without asking the BFF.
import { ApiError } from '../api'

/** A page opened with a missing or malformed id. */
export function notFound(): ApiError {
  return new ApiError({ status: 404, code: 'NOT_FOUND', message: '链接无效或内容不存在' })
}
