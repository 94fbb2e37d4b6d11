// H5 only: a value handed to Taro's Input/Textarea changes only once the element has rendered its inner input, which Taro H5 needs (below).
import { type RefObject, useEffect, useRef, useState } from 'react'

/**
 * Taro H5's taro-input / taro-textarea (Stencil) write a changed `value` to their inner <input> /
 * <textarea> in a watcher, and that watcher runs from the moment the element is attached, while the
 * inner element comes with the first render a few microtasks later. A value changed in between (a
 * form filled right after it appears: a kept draft, a saved record loaded by an effect) makes the
 * watcher read the missing element: "Cannot read properties of undefined (reading 'value') at
 * watchValue", logged, not thrown to us.
 *
 * So until the inner element is there the element keeps the value it was created with; the value of
 * the moment is handed on once it has rendered (its first render shows the creation value, the
 * watcher then writes the new one). In the mini-program the native input has no such gap: the value
 * passes straight through (TARO_ENV is a build-time constant, so this is dropped from the weapp build).
 */
export function useValueAfterFirstRender<E extends HTMLElement>(value: string): { ref: RefObject<E>; value: string } {
  const ref = useRef<E>(null)
  const [created] = useState(value)
  const [rendered, setRendered] = useState(process.env.TARO_ENV !== 'h5')
  useEffect(() => {
    if (rendered) return
    const host = ref.current
    // Stencil renders the inner element as the host's child (no shadow root).
    if (!host || host.firstElementChild) {
      setRendered(true)
      return
    }
    const watch = new MutationObserver(() => {
      if (!host.firstElementChild) return
      watch.disconnect()
      setRendered(true)
    })
    watch.observe(host, { childList: true })
    return () => watch.disconnect()
  }, [rendered])
  return { ref, value: rendered ? value : created }
}
