/**
 * Accessibility attributes for Taro components. React passes them through in H5; in weapp the
 * templates carry WeChat's aria-* attributes (config/weappAria.js), where the role is `aria-role`.
 */

/** Roles a person activates: on H5 they take keyboard focus (Tab) and Enter or Space (see installKeyboardActivation). */
const ACTIVATED_ROLES = new Set(['button', 'link', 'switch', 'checkbox', 'radio', 'tab', 'menuitem', 'option'])

export function a11y(label?: string, role?: string): Record<string, string | number> {
  const attrs: Record<string, string | number> = {}
  if (label) attrs['aria-label'] = label
  if (role) attrs[process.env.TARO_ENV === 'weapp' ? 'aria-role' : 'role'] = role
  if (role && ACTIVATED_ROLES.has(role) && process.env.TARO_ENV === 'h5') attrs.tabIndex = 0
  return attrs
}

/**
 * The name of an Input or Textarea. Taro's H5 components draw the native element inside their own,
 * so the label must also reach that one through nativeProps; in weapp the component carries it (config/weappAriaComponents.js).
 */
export function fieldA11y(label: string, invalid: boolean): Record<string, unknown> {
  const attrs: Record<string, string> = { 'aria-label': label, ...(invalid ? { 'aria-invalid': 'true' } : {}) }
  return process.env.TARO_ENV === 'h5' ? { ...attrs, nativeProps: attrs } : attrs
}

/** A heading of the given level (role and aria-level on H5; WeChat knows no levels). */
export function headingA11y(level: number): Record<string, string | number> {
  return process.env.TARO_ENV === 'h5' ? { role: 'heading', 'aria-level': level } : { 'aria-role': 'heading' }
}

/**
 * H5: Enter (and Space, except on links) on a focused element with an activated role clicks it, as on a native button.
 * Installed once by app.tsx; a no-op where there is no document (weapp).
 */
export function installKeyboardActivation(doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null
    const role = target?.getAttribute?.('role')
    if (!target || !role || !ACTIVATED_ROLES.has(role)) return
    if (event.key === 'Enter' || (event.key === ' ' && role !== 'link')) {
      event.preventDefault()
      target.click()
    }
  })
}
