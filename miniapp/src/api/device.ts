// This install's stable device id (X-Device-Id): generated once and stored, so 有帮助 votes and views count once per device.
import Taro from '@tarojs/taro'
import { newIdempotencyKey } from '../utils/idempotency'

export const DEVICE_STORAGE_KEY = 'gm-device-id'
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/

let cached: string | null = null

/** The stored id, or a new one stored now (kept in memory when storage is unavailable). */
export function deviceId(): string {
  if (cached) return cached
  try {
    const stored: unknown = Taro.getStorageSync(DEVICE_STORAGE_KEY)
    if (typeof stored === 'string' && DEVICE_ID.test(stored)) return (cached = stored)
  } catch {
    // storage unavailable: a new id for this run
  }
  cached = newIdempotencyKey()
  try {
    Taro.setStorageSync(DEVICE_STORAGE_KEY, cached)
  } catch {
    // storage full or unavailable: the id still holds until the app closes
  }
  return cached
}

/** Tests only: read storage again as a fresh app start would. */
export function forgetDeviceIdCache(): void {
  cached = null
}
