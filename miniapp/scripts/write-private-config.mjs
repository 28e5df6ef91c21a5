// Writes the real AppID into the git-ignored project.private.config.json at the repository root, which
// WeChat DevTools merges over project.config.json (whose appid stays the `touristappid` placeholder).
// Does nothing without WECHAT_APPID; keeps any other settings DevTools stored in that file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const appid = process.env.WECHAT_APPID?.trim()
if (!appid) process.exit(0)

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../project.private.config.json')
const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
writeFileSync(file, `${JSON.stringify({ ...current, appid }, null, 2)}\n`)
console.log(`project.private.config.json: appid ${appid}`)
