// Measures analyzeMail throughput on one core: 10,000 messages cycled from the project's fixtures
// (tests/fixtures/amazon-mail and tests/fixtures/mail), analysed one after another, against
// mailparser alone (same options) on the same messages. The two alternate in rounds so that load
// from other processes on a shared machine hits both alike; rates are given per wall-clock second
// and per CPU second of this process. Not a test: timing is never asserted.
// Run: cd tests && npx tsx unit/mail/bench/throughput.ts [count] [rounds]
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyzeMail } from '@sellerinbox/server/mail/analyze'
import { parseMime } from '@sellerinbox/server/mail/parse/mime'

const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures')
const count = Number(process.argv[2] ?? 10_000)
const rounds = Number(process.argv[3] ?? 5)

interface Tally {
  messages: number
  wallMs: number
  cpuMs: number
}

function loadMessages(): Buffer[] {
  const messages: Buffer[] = []
  for (const folder of ['amazon-mail', 'mail']) {
    const dir = join(fixturesRoot, folder)
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.eml')) messages.push(readFileSync(join(dir, name)))
  }
  return messages
}

async function measure(tally: Tally, messages: readonly Buffer[], n: number, offset: number, run: (raw: Buffer) => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < n; i++) await run(messages[(offset + i) % messages.length] as Buffer)
  tally.wallMs += performance.now() - started
  const used = process.cpuUsage(cpu)
  tally.cpuMs += (used.user + used.system) / 1000
  tally.messages += n
}

function report(label: string, tally: Tally): { wall: number; cpu: number } {
  const wall = tally.messages / (tally.wallMs / 1000)
  const cpu = tally.messages / (tally.cpuMs / 1000)
  console.log(`${label.padEnd(17)} ${tally.messages} messages: ${wall.toFixed(0)} msgs/s (wall clock), ${cpu.toFixed(0)} msgs/s (CPU time)`)
  return { wall, cpu }
}

const messages = loadMessages()
const bytes = messages.reduce((sum, m) => sum + m.length, 0)
console.log(`${messages.length} distinct messages, mean ${(bytes / messages.length / 1024).toFixed(1)} KB, ${rounds} alternating rounds`)
for (let i = 0; i < 1000; i++) {
  await parseMime(messages[i % messages.length] as Buffer)
  await analyzeMail(messages[i % messages.length] as Buffer)
}
const parser: Tally = { messages: 0, wallMs: 0, cpuMs: 0 }
const full: Tally = { messages: 0, wallMs: 0, cpuMs: 0 }
const perRound = Math.ceil(count / rounds)
for (let r = 0; r < rounds; r++) {
  await measure(parser, messages, perRound, r * perRound, parseMime)
  await measure(full, messages, perRound, r * perRound, analyzeMail)
}
const p = report('mailparser alone', parser)
const a = report('analyzeMail', full)
console.log(`analyzeMail runs at ${((100 * a.cpu) / p.cpu).toFixed(0)}% of the parser-only rate (CPU time)`)
