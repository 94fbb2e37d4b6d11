// Gives a page the `id` parameter of its route as a number, or null when missing or malformed.
import { useRouter } from '@tarojs/taro'
import { parseId } from '../utils/format'

/** The `id` query parameter of the current page, or null when missing or malformed. */
export function useRouteId(): number | null {
  return parseId(useRouter().params.id)
}
