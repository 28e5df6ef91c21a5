// Address parsing for header values the MIME parser does not structure (Delivered-To,
// X-Original-Sender, …) and for the fallback path when the MIME parser failed. Lenient on purpose:
// it takes whatever looks like an address and never throws.
/// <reference path="./libmime.d.ts" />
import libmime from 'libmime'
import type { MailAddress } from '../types'

const ANGLE_ADDRESS = /<\s*([^<>\s@]+@[^<>\s@]+?)\s*>/
const BARE_ADDRESS = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+\.[^\s<>"'(),;:[\]]+/g

/** Decodes RFC 2047 words; never throws. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value
  try {
    return libmime.decodeWords(value)
  } catch {
    return value
  }
}

/** Parses an address list header value into addresses with display names. */
export function parseAddressList(value: string): MailAddress[] {
  const result: MailAddress[] = []
  for (const part of splitList(value)) {
    const angle = ANGLE_ADDRESS.exec(part)
    if (angle?.[1]) {
      result.push({ address: angle[1].toLowerCase(), name: cleanName(part.slice(0, angle.index)) })
      continue
    }
    for (const match of part.matchAll(BARE_ADDRESS)) {
      const comment = /\(([^)]*)\)/.exec(part)
      result.push({ address: stripTrailingDot(match[0]).toLowerCase(), name: comment?.[1] ? cleanName(comment[1]) : '' })
    }
  }
  return result
}

/** Lower-cased bare addresses found in any number of header values. */
export function bareAddresses(values: readonly string[]): string[] {
  const seen = new Set<string>()
  for (const value of values) for (const entry of parseAddressList(value)) seen.add(entry.address)
  return [...seen]
}

function cleanName(raw: string): string {
  let name = raw.trim()
  // A group name ("Team: a@x, b@y;") is not a display name.
  const group = name.lastIndexOf(':')
  if (group >= 0 && !name.startsWith('"')) name = name.slice(group + 1).trim()
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/\\(.)/g, '$1')
  return decodeWords(name).trim()
}

function stripTrailingDot(address: string): string {
  return address.endsWith('.') ? address.slice(0, -1) : address
}

/** Splits on commas that are not inside quotes, angle brackets or comments. */
function splitList(value: string): string[] {
  const parts: string[] = []
  let depthAngle = 0
  let depthComment = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '\\') {
      i++
    } else if (c === '"' && depthComment === 0) {
      quoted = !quoted
    } else if (!quoted) {
      if (c === '<') depthAngle++
      else if (c === '>') depthAngle = Math.max(0, depthAngle - 1)
      else if (c === '(') depthComment++
      else if (c === ')') depthComment = Math.max(0, depthComment - 1)
      else if ((c === ',' || c === ';') && depthAngle === 0 && depthComment === 0) {
        parts.push(value.slice(start, i))
        start = i + 1
      }
    }
  }
  parts.push(value.slice(start))
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}
