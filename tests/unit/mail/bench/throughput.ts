// Measures analyzeMail throughput on one core: 10,000 messages cycled from the project's fixtures,
// analysed one after another, against mailparser alone (same options) on the same messages.
// Run: cd tests && npx tsx unit/mail/bench/throughput.ts [count]. Not a test: timing is never asserted.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyzeMail } from '@sellerinbox/server/mail/analyze'
import { parseMime } from '@sellerinbox/server/mail/parse/mime'

const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures')
const count = Number(process.argv[2] ?? 10_000)

function loadMessages(): Buffer[] {
  const messages: Buffer[] = []
  for (const folder of ['amazon-mail', 'mail']) {
    const dir = join(fixturesRoot, folder)
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.eml')) messages.push(readFileSync(join(dir, name)))
  }
  return messages
}

async function rate(label: string, messages: readonly Buffer[], run: (raw: Buffer) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 500; i++) await run(messages[i % messages.length] as Buffer)
  const started = performance.now()
  for (let i = 0; i < count; i++) await run(messages[i % messages.length] as Buffer)
  const seconds = (performance.now() - started) / 1000
  const perSecond = count / seconds
  console.log(`${label}: ${count} messages in ${seconds.toFixed(2)} s = ${perSecond.toFixed(0)} msgs/s`)
  return perSecond
}

const messages = loadMessages()
const bytes = messages.reduce((sum, m) => sum + m.length, 0)
console.log(`${messages.length} distinct messages, mean ${(bytes / messages.length / 1024).toFixed(1)} KB`)
const parserOnly = await rate('mailparser alone', messages, parseMime)
const full = await rate('analyzeMail', messages, analyzeMail)
console.log(`analyzeMail runs at ${((100 * full) / parserOnly).toFixed(0)}% of the parser-only rate`)
