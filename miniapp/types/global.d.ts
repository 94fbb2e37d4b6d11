/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5'
    /** AppID written into dist/weapp/project.config.json. */
    TARO_APP_ID: string
    /** BFF origin for the weapp build (H5 uses its own origin). */
    TARO_APP_API_BASE: string
    /** Request timeout in milliseconds. */
    TARO_APP_API_TIMEOUT: string
    /** Subscribe-message template ids; an empty one is not offered. */
    TARO_APP_TEMPLATE_OPINION_ANSWERED: string
    TARO_APP_TEMPLATE_REGISTRATION_RESULT: string
    TARO_APP_TEMPLATE_EVENT_REMINDER: string
    TARO_APP_TEMPLATE_EVENT_OUTCOME: string
  }
}
