// Size gate for the weapp build: WeChat rejects a main package or subpackage above 2 MB (and 30 MB in all).
// Reads the subpackage roots from dist/weapp/app.json, sums file bytes per package, prints a table and
// exits 1 when a limit is exceeded.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_LIMIT = 2 * 1024 * 1024
const TOTAL_LIMIT = 30 * 1024 * 1024
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/weapp')

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

const appJson = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8'))
const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''))
const sizes = new Map([['(main)', 0], ...roots.map((root) => [root, 0])])

for (const file of filesUnder(distDir)) {
  const relative = path.relative(distDir, file).split(path.sep).join('/')
  const owner = roots.find((root) => relative.startsWith(`${root}/`)) ?? '(main)'
  sizes.set(owner, sizes.get(owner) + statSync(file).size)
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const total = [...sizes.values()].reduce((a, b) => a + b, 0)
const rows = [...sizes].map(([name, bytes]) => ({ name, bytes, over: bytes > PACKAGE_LIMIT }))
const width = Math.max(...rows.map((r) => r.name.length), 'package'.length)

console.log(`${'package'.padEnd(width)}  ${'size'.padStart(10)}  limit ${kb(PACKAGE_LIMIT)}`)
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${kb(row.bytes).padStart(10)}  ${row.over ? 'OVER LIMIT' : 'ok'}`)
console.log(`${'(total)'.padEnd(width)}  ${kb(total).padStart(10)}  ${total > TOTAL_LIMIT ? 'OVER LIMIT' : 'ok'} (limit ${kb(TOTAL_LIMIT)})`)

if (rows.some((r) => r.over) || total > TOTAL_LIMIT) {
  console.error('weapp package size limit exceeded')
  process.exit(1)
}
