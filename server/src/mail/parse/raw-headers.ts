// Reads the header block of a raw message on its own, independent of the MIME parser: repeated
// headers (Delivered-To, Authentication-Results) stay separate, raw 8-bit bytes that are not UTF-8
// are read as Windows-1252, and a message the parser chokes on still yields its headers.

const MAX_HEADER_BYTES = 512 * 1024
const utf8Strict = new TextDecoder('utf-8', { fatal: true })
// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, so the C1 range is mapped here.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const C1_RANGE = /[\u0080-\u009f]/g

export interface RawHeaders {
  /** Lower-cased header name → unfolded values in message order. */
  values: Map<string, string[]>
  /** Byte offset where the body starts (raw.length when there is no body). */
  bodyOffset: number
  /** True when at least one `Name: value` line was found. */
  found: boolean
}

// Long trace and signature headers nobody reads; skipping them saves unfolding kilobytes per message.
const IGNORED = new Set(['received', 'dkim-signature', 'arc-seal', 'arc-message-signature', 'x-google-dkim-signature', 'x-received'])
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/

export function readRawHeaders(raw: Buffer): RawHeaders {
  const end = headerEnd(raw)
  const block = decodeHeaderBytes(raw.subarray(0, end.headerBytes))
  const values = new Map<string, string[]>()
  let found = false
  let key: string | null = null
  let value = ''
  const flush = (): void => {
    if (key === null) return
    const list = values.get(key)
    if (list) list.push(value.trim())
    else values.set(key, [value.trim()])
    key = null
  }
  for (const rawLine of block.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (line === '') continue
    const first = line.charCodeAt(0)
    if (first === 0x20 || first === 0x09) {
      if (key !== null) value += ' ' + line.trim()
      continue
    }
    flush()
    const colon = line.indexOf(':')
    const name = colon > 0 && colon <= 76 ? line.slice(0, colon).trimEnd() : ''
    if (!HEADER_NAME.test(name)) continue
    found = true
    const lower = name.toLowerCase()
    // key stays null, so the ignored header's continuation lines are dropped too.
    if (IGNORED.has(lower)) continue
    key = lower
    value = line.slice(colon + 1)
  }
  flush()
  return { values, bodyOffset: end.bodyOffset, found }
}

/** The first value of a header, or null. */
export function headerValue(headers: RawHeaders, name: string): string | null {
  return headers.values.get(name)?.[0] ?? null
}

/** Every value of a header, in message order. */
export function headerValues(headers: RawHeaders, name: string): string[] {
  return headers.values.get(name) ?? []
}

function headerEnd(raw: Buffer): { headerBytes: number; bodyOffset: number } {
  // A message that starts with a blank line has no headers at all.
  if (raw[0] === 0x0a) return { headerBytes: 0, bodyOffset: 1 }
  if (raw[0] === 0x0d && raw[1] === 0x0a) return { headerBytes: 0, bodyOffset: 2 }
  const lf = raw.indexOf('\n\n')
  const crlf = raw.indexOf('\n\r\n')
  const at = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf)
  if (at < 0 || at > MAX_HEADER_BYTES) return { headerBytes: Math.min(raw.length, MAX_HEADER_BYTES), bodyOffset: raw.length }
  return { headerBytes: at, bodyOffset: at + (at === crlf ? 3 : 2) }
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 line by line (raw Latin-1 headers). */
export function decodeHeaderBytes(bytes: Buffer): string {
  try {
    return utf8Strict.decode(bytes)
  } catch {
    return bytes
      .toString('latin1')
      .split('\n')
      .map((line) => decodeLine(Buffer.from(line, 'latin1')))
      .join('\n')
  }
}

function decodeLine(bytes: Buffer): string {
  try {
    return utf8Strict.decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

/** Windows-1252 (the superset of Latin-1 that mail clients mean when they say ISO-8859-1). */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(C1_RANGE, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c)
}
