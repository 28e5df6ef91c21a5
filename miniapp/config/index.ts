// Taro build configuration for both targets: `weapp` (WeChat mini program) and `h5` (web version served by the server).
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

// The shared workspace package is TypeScript source: it has to go through Taro's compile step.
const sharedSource = `${path.resolve(__dirname, '../../shared/src').split(path.sep).join('/')}/**`

export default defineConfig<'vite'>(async () => {
  const config: UserConfigExport<'vite'> = {
    projectName: 'sellerinbox',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    // Taro inlines TARO_APP_* from .env files only; this also takes it from the shell and defines it when
    // unset, because an unreplaced `process.env` reference throws in the mini program (no `process` there).
    env: { TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'vite',
    mini: {
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedSource] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return config
})
