// The platform APIs of the current build target (WeChat or H5), chosen at build time.
import { h5Platform } from './h5'
import type { Platform } from './types'
import { weappPlatform } from './weapp'

export type { FileChoice, LoginCodeResult, PhoneNumberEventDetail, Platform, PrivacyReply, PrivacyRequestListener } from './types'
export { templateIds } from './templates'

/** Chosen at build time: TARO_ENV is a constant, so the other implementation is dropped. */
export const platform: Platform = process.env.TARO_ENV === 'h5' ? h5Platform : weappPlatform
