// Fills an edit form from the record once it first arrives, and says when it has, so the form is never shown (or saved) empty.
import { useEffect, useRef, useState } from 'react'

/**
 * Calls `fill` with the first non-null `data`, once. Returns true from the render in which the
 * form holds that record's values: the fill's own state updates and this flag land together,
 * so a page that waits for it never shows the empty form between the record arriving and the fill.
 */
export function useFillOnce<T>(data: T | null | undefined, fill: (data: T) => void): boolean {
  const [filled, setFilled] = useState(false)
  const done = useRef(false)
  const fillRef = useRef(fill)
  fillRef.current = fill
  useEffect(() => {
    if (data === null || data === undefined || done.current) return
    done.current = true
    fillRef.current(data)
    setFilled(true)
  }, [data])
  return filled
}
