// `pnpm --silent classify FILE.eml…`: one JSON object per line with the classification of each
// file, through analyzeMail (the same code path as ingestion). An unreadable file gets a line with
// an `error` field; the others are still processed, and the exit code is 1 at the end.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { analyzeMail } from '../mail/analyze'

// pnpm runs root scripts from the repository root; INIT_CWD is where the user typed the command.
const baseDir = process.env.INIT_CWD ?? process.cwd()

async function classifyFile(file: string): Promise<{ line: string; ok: boolean }> {
  let raw: Buffer
  try {
    raw = await readFile(resolve(baseDir, file))
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return { line: JSON.stringify({ file, error: reason }), ok: false }
  }
  const { classification: c } = await analyzeMail(raw)
  const row = {
    file,
    category: c.category,
    kind: c.kind,
    orderId: c.orderId,
    asin: c.asin,
    marketplace: c.marketplace,
    replyTo: c.replyTo,
    buyerName: c.buyerName,
    buyerText: c.buyerText,
    language: c.language,
    suspicious: c.suspicious,
  }
  return { line: JSON.stringify(row), ok: true }
}

async function main(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: pnpm --silent classify FILE.eml…\n')
    return 2
  }
  let failed = false
  for (const file of files) {
    const { line, ok } = await classifyFile(file)
    process.stdout.write(line + '\n')
    if (!ok) failed = true
  }
  return failed ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`classify: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  },
)
