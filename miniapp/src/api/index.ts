// The API client's public surface: `api`, ApiError, the session store, consent hooks and downloads.
export { api, callEndpoint, type Api, type CallOptions, type SignInMode } from './client'
export { ApiError, toApiError, type ApiErrorCode } from './ApiError'
export { API_BASE_URL } from './request'
export { askForConsent, onConsentNeeded, type ConsentAsker } from './consent'
export { SESSION_STORAGE_KEY, clearSession, getToken, saveSession, sessionStore, setChecking, updateMe, type SessionState, type StoredSession } from './session'
export { downloadExport, downloadQaExport, downloadStatisticsExport, filenameFrom, type DownloadName, type DownloadResult, type ExportFormat } from './download'
