import { useRouter } from '@tarojs/taro'
import { parseId } from '../utils/format'

/** The `id` query parameter of the current page, or null when missing or malformed. */
export function useRouteId(): number | null {
  return parseId(useRouter().params.id)
}
