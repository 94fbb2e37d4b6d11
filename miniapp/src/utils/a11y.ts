/**
 * Accessibility attributes for Taro components. React passes them through in H5; in weapp the
 * templates carry WeChat's aria-* attributes (config/weappAria.js), where the role is `aria-role`.
 */
export function a11y(label?: string, role?: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  if (label) attrs['aria-label'] = label
  if (role) attrs[process.env.TARO_ENV === 'weapp' ? 'aria-role' : 'role'] = role
  return attrs
}
