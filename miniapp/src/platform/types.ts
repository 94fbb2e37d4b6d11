// The Platform interface: the WeChat-only abilities pages need (login code, subscribe messages, phone number, privacy authorization, scanning, file picking).
import type { NotificationKind } from '@gm/shared'

export type LoginCodeResult = { ok: true; code: string } | { ok: false; reason: string }

/** The `detail` of a `<Button openType='getPhoneNumber'>` event. */
export interface PhoneNumberEventDetail {
  errMsg?: string
  code?: string
}

/** Answer the pending WeChat privacy request: true when the user tapped the agree button. */
export type PrivacyReply = (agreed: boolean) => void
/** Called when WeChat holds a privacy-related API until the user agrees; show the notice, then reply. */
export type PrivacyRequestListener = (reply: PrivacyReply) => void

/** A file the user picked: its name and bytes, or why there is none (`reason` null: they cancelled). */
export type FileChoice =
  | { ok: true; name: string; bytes: Uint8Array; /** The mini-program's temporary file (for uploadFile); absent on H5. */ path?: string }
  | { ok: false; reason: string | null }

/** Platform APIs the pages need, with one implementation per build target. */
export interface Platform {
  name: 'weapp' | 'h5'
  /** Whether `login()` can sign in without a form (the WeChat mini-program). */
  canLoginSilently: boolean
  /** Whether the getPhoneNumber button exists (WeChat only). */
  supportsPhoneNumber: boolean
  /** A one-time login code for the BFF to exchange (wx.login); unavailable on H5. */
  login(): Promise<LoginCodeResult>
  /**
   * Ask consent for subscribe messages of these kinds and resolve with the kinds the user accepted
   * (each acceptance allows one message). Must run from a user tap. Kinds without a configured
   * template id are skipped, and only the first three are offered (WeChat's limit per request).
   */
  requestSubscribe(kinds: readonly NotificationKind[]): Promise<NotificationKind[]>
  /** The one-time code of a getPhoneNumber button event for `bindPhone`; null when the user refused. */
  phoneCode(detail: PhoneNumberEventDetail | undefined): string | null
  /**
   * Listen for WeChat asking for privacy authorization (`onNeedPrivacyAuthorization`). The most
   * recently added listener answers; returns the function that removes it.
   */
  onPrivacyRequest(listener: PrivacyRequestListener): () => void
  /** The id the agree button must carry (`open-type="agreePrivacyAuthorization"`). */
  privacyAgreeButtonId: string
  /** Whether the camera can scan a code (the WeChat mini-program). */
  canScanCode: boolean
  /** Scan a QR code with the camera; the text it holds, or null when cancelled or unreadable. */
  scanCode(): Promise<string | null>
  /**
   * Let the user pick one file with one of these extensions (without the dot) and read it: a file
   * from a WeChat chat (chooseMessageFile) in the mini-program, the browser's file dialog on H5.
   * Must run from a user tap.
   */
  chooseFile(extensions: readonly string[]): Promise<FileChoice>
}
