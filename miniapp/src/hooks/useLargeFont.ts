// Gives pages the 大字模式 (large-font) switch, persisted in storage and broadcast to every open page.
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'

export const LARGE_FONT_STORAGE_KEY = 'gm:large-font'
const CHANGED_EVENT = 'gm:large-font-changed'

export function readLargeFont(): boolean {
  try {
    return Taro.getStorageSync(LARGE_FONT_STORAGE_KEY) === true
  } catch {
    return false
  }
}

export interface LargeFont {
  enabled: boolean
  setEnabled: (enabled: boolean) => void
}

/**
 * The 「大字模式」 preference: persisted in storage and broadcast, so every open page (tab pages
 * stay mounted) switches at once.
 */
export function useLargeFont(): LargeFont {
  const [enabled, setState] = useState(readLargeFont)

  useEffect(() => {
    const onChange = (value: boolean) => setState(value)
    Taro.eventCenter.on(CHANGED_EVENT, onChange)
    return () => {
      Taro.eventCenter.off(CHANGED_EVENT, onChange)
    }
  }, [])

  const setEnabled = useCallback((value: boolean) => {
    try {
      Taro.setStorageSync(LARGE_FONT_STORAGE_KEY, value)
    } catch {
      // storage full or unavailable: the switch still works for this session
    }
    Taro.eventCenter.trigger(CHANGED_EVENT, value)
    setState(value)
  }, [])

  return { enabled, setEnabled }
}
