/**
 * Hand-written stand-in for `@tarojs/taro` (mapped in jest.config.js). Only what the mini-program
 * code calls; `Taro.request` is the network boundary tests drive.
 */
type Listener = (...args: unknown[]) => void

const storage = new Map<string, unknown>()
const listeners = new Map<string, Set<Listener>>()

export const eventCenter = {
  on(name: string, listener: Listener) {
    if (!listeners.has(name)) listeners.set(name, new Set())
    listeners.get(name)!.add(listener)
  },
  off(name: string, listener: Listener) {
    listeners.get(name)?.delete(listener)
  },
  trigger(name: string, ...args: unknown[]) {
    for (const listener of [...(listeners.get(name) ?? [])]) listener(...args)
  },
}

const Taro = {
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  eventCenter,
  navigateTo: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  /** The page stack; tests push `{ route }` entries to say which page is open. */
  getCurrentPages: jest.fn((): { route: string }[] => []),
  onNeedPrivacyAuthorization: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  login: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  requirePrivacyAuthorize: jest.fn(),
  /** Attachments: the multipart upload and opening a file in WeChat's viewers. */
  uploadFile: jest.fn(),
  downloadFile: jest.fn(),
  openDocument: jest.fn(() => Promise.resolve()),
  previewImage: jest.fn(() => Promise.resolve()),
}

export const useReachBottom = jest.fn()
export const usePullDownRefresh = jest.fn()
export const useDidShow = jest.fn()
export const useLaunch = jest.fn()
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined> }))

/** Forget stored values, listeners, recorded calls and per-test answers between tests. */
export function resetTaroMock(): void {
  storage.clear()
  listeners.clear()
  jest.clearAllMocks()
  for (const fn of [Taro.request, Taro.login, Taro.requestSubscribeMessage, Taro.uploadFile, Taro.downloadFile]) fn.mockReset()
  Taro.getCurrentPages.mockReset().mockImplementation(() => [])
}

export default Taro
