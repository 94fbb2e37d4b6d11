/**
 * Accessibility attributes for Taro components. React passes them through in H5; the weapp
 * template drops aria-* attributes (see the report on @tarojs/plugin-inject).
 */
export function a11y(label?: string, role?: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  if (label) attrs['aria-label'] = label
  if (role) attrs.role = role
  return attrs
}
