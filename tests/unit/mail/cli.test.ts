// The classify CLI: one JSON line per file with exactly the documented keys in order, the path as
// given, an error line for an unreadable file (the others still processed) and exit code 1.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { FIXTURES_DIR } from './fixture-labels'

const run = promisify(execFile)
const REPO_ROOT = join(FIXTURES_DIR, '../..')
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx')
const CLI = 'server/src/cli/classify.ts'
const KEYS = ['file', 'category', 'kind', 'orderId', 'asin', 'marketplace', 'replyTo', 'buyerName', 'buyerText', 'language', 'suspicious']

// pnpm sets INIT_CWD to where `pnpm classify` was typed; a value inherited from the test runner must not leak in.
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.INIT_CWD
  return env
}

async function classify(...files: string[]): Promise<{ lines: Record<string, unknown>[]; code: number }> {
  try {
    const { stdout } = await run(TSX, [CLI, ...files], { cwd: REPO_ROOT, env: childEnv() })
    return { lines: stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), code: 0 }
  } catch (err) {
    const failure = err as { stdout: string; code: number }
    return { lines: failure.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), code: failure.code }
  }
}

describe('classify CLI', () => {
  it('prints one object per file with the documented keys in order', async () => {
    const a = 'tests/fixtures/amazon-mail/003-buyer-message-uk-enquiry-uuid-in-from.eml'
    const b = './tests/fixtures/amazon-mail/030-qa-us.eml'
    const { lines, code } = await classify(a, b)
    expect(code).toBe(0)
    expect(lines.map((l) => Object.keys(l))).toEqual([KEYS, KEYS])
    expect(lines[0]).toMatchObject({
      file: a,
      category: 'buyer_message',
      kind: 'buyer_message',
      orderId: '204-3347418-4644188',
      asin: 'B07VCPGQ6D',
      marketplace: 'UK',
      replyTo: 'qr5u7ycaelurqpu+0f3db6f5-1df7-49a9-bd90-e610387794c9@marketplace.amazon.co.uk',
      buyerName: 'Harriet',
      language: 'en',
      suspicious: false,
    })
    expect(lines[1]).toMatchObject({ file: b, category: 'qa', replyTo: null, buyerName: null })
  }, 30_000)

  it('reports an unreadable file, keeps going and exits with 1', async () => {
    const { lines, code } = await classify('does/not/exist.eml', 'tests/fixtures/mail/152-malformed-empty.eml')
    expect(code).toBe(1)
    expect(lines[0]).toMatchObject({ file: 'does/not/exist.eml' })
    expect(lines[0]?.error).toEqual(expect.any(String))
    expect(lines[1]).toMatchObject({ file: 'tests/fixtures/mail/152-malformed-empty.eml', category: 'amazon', kind: 'other' })
  }, 30_000)
})
