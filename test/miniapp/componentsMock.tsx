/**
 * Hand-written stand-in for `@tarojs/components` (mapped in jest.config.js). The real React
 * bindings pull in Taro's whole web runtime, which needs build-time globals. These render plain
 * DOM elements with the same class names, children, click handlers and aria attributes; props that
 * only mean something to Taro (hoverClass, userSelect, scrollX…) are dropped.
 */
import { type ChangeEvent, createElement, forwardRef, type KeyboardEvent, type ReactNode, type Ref } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode }

const taroOnly = new Set([
  'hoverClass',
  'hoverStartTime',
  'hoverStayTime',
  'userSelect',
  'selectable',
  'scrollX',
  'scrollY',
  'enhanced',
  'showScrollbar',
  'placeholderClass',
  'confirmType',
  'maxlength',
  'onInput',
  'onConfirm',
  'ariaLabel',
  'ariaRole',
  'catchMove',
  'password',
  'openType',
  'onAgreePrivacyAuthorization',
  'onGetPhoneNumber',
  'autoHeight',
])

function domProps(props: Props): Props {
  const out: Props = {}
  for (const [key, value] of Object.entries(props)) {
    if (!taroOnly.has(key)) out[key] = value
  }
  return out
}

function element(tag: string) {
  const Component = (props: Props) => createElement(tag, domProps(props))
  Component.displayName = tag
  return Component
}

export const View = element('div')
export const Text = element('span')
export const ScrollView = element('div')
/**
 * WeChat's open-type buttons report their own events instead of a tap: a click here stands for
 * the user's tap, and the phone-number button answers with `phoneNumberAnswer` (set it in a test).
 */
export const phoneNumberAnswer: { detail: { errMsg: string; code?: string } } = { detail: { errMsg: 'getPhoneNumber:ok', code: 'phone-code' } }

export function Button(props: Props) {
  const onClick = () => {
    if (props.disabled) return
    if (props.openType === 'agreePrivacyAuthorization') (props.onAgreePrivacyAuthorization as (() => void) | undefined)?.()
    else if (props.openType === 'getPhoneNumber') (props.onGetPhoneNumber as ((e: unknown) => void) | undefined)?.(phoneNumberAnswer)
    ;(props.onClick as (() => void) | undefined)?.()
  }
  return createElement('button', { ...domProps(props), onClick })
}

/** Taro's Input reports `{ detail: { value } }` for input and confirm; a ref reaches the element, as in Taro H5. */
export const Input = forwardRef(function Input(props: Props, ref: Ref<HTMLInputElement>) {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
  const onConfirm = props.onConfirm as ((e: { detail: { value: string } }) => void) | undefined
  return createElement('input', {
    ...domProps(props),
    ref,
    type: props.password ? 'password' : 'text',
    maxLength: props.maxlength,
    value: props.value ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') onConfirm?.({ detail: { value: e.currentTarget.value } })
    },
  })
})

/** Taro's date (or time) Picker reports `{ detail: { value } }`; here a date (or time) input wraps nothing but stands for the picker. */
export function Picker(props: Props) {
  const onChange = props.onChange as ((e: { detail: { value: string } }) => void) | undefined
  return createElement('input', {
    type: props.mode === 'time' ? 'time' : 'date',
    className: 'taro-picker',
    value: props.value ?? '',
    min: props.start,
    max: props.end,
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.({ detail: { value: e.target.value } }),
  })
}

/** Taro's Textarea reports `{ detail: { value } }` like Input. */
export const Textarea = forwardRef(function Textarea(props: Props, ref: Ref<HTMLTextAreaElement>) {
  const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
  return createElement('textarea', {
    ...domProps(props),
    ref,
    value: props.value ?? '',
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } }),
  })
})
