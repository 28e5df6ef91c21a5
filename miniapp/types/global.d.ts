/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

// Only TARO_APP_* variables (and Taro's own) are inlined into the client bundle at build time.
declare const process: {
  env: {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5'
    /** API origin for the weapp build, e.g. https://api.example.com (no trailing slash). */
    TARO_APP_API_BASE?: string
  }
}
