// Parses an Authentication-Results header (RFC 8601) into SPF, DKIM and DMARC verdicts. Only the
// topmost header counts: it is the one our own receiving server wrote; lower ones can be forged.
import type { AuthVerdict, MailAuthentication } from '../types'

const VERDICTS = new Set<AuthVerdict>(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'])
const COMMENT = /\([^()]*\)/g
const RESULT = /^\s*([a-z0-9-]+)\s*=\s*([a-z]+)\b(.*)$/is
const PROPERTY = /([a-z]+\.[a-z0-9-]+)\s*=\s*("[^"]*"|[^\s;]+)/gi

export const NO_AUTHENTICATION: MailAuthentication = Object.freeze({
  spf: null,
  dkim: null,
  dmarc: null,
  dkimPassDomains: [],
  dmarcHeaderFrom: null,
}) as MailAuthentication

export function parseAuthenticationResults(value: string | null): MailAuthentication {
  if (!value) return { ...NO_AUTHENTICATION, dkimPassDomains: [] }
  const result: MailAuthentication = { spf: null, dkim: null, dmarc: null, dkimPassDomains: [], dmarcHeaderFrom: null }
  // Comments may nest once (e.g. "(p=QUARANTINE (x))"); two passes remove both levels.
  const clean = value.replace(COMMENT, ' ').replace(COMMENT, ' ')
  // The first clause is the authserv-id.
  for (const clause of clean.split(';').slice(1)) {
    const match = RESULT.exec(clause)
    if (!match) continue
    const method = (match[1] ?? '').toLowerCase()
    const verdict = toVerdict(match[2] ?? '')
    if (!verdict) continue
    const props = properties(match[3] ?? '')
    if (method === 'spf' && result.spf === null) result.spf = verdict
    else if (method === 'dmarc' && result.dmarc === null) {
      result.dmarc = verdict
      result.dmarcHeaderFrom = props.get('header.from')?.toLowerCase() ?? null
    } else if (method === 'dkim') {
      if (verdict === 'pass') {
        result.dkim = 'pass'
        const domain = props.get('header.d') ?? props.get('header.i')?.replace(/^.*@/, '')
        if (domain) result.dkimPassDomains.push(domain.toLowerCase())
      } else if (result.dkim === null) {
        result.dkim = verdict
      }
    }
  }
  return result
}

/** True when no mechanism passed and at least one explicitly failed: the mail is not what it claims. */
export function authenticationFailed(auth: MailAuthentication): boolean {
  const verdicts = [auth.spf, auth.dkim, auth.dmarc]
  if (verdicts.some((v) => v === 'pass')) return false
  return verdicts.some((v) => v === 'fail' || v === 'softfail' || v === 'permerror')
}

function toVerdict(raw: string): AuthVerdict | null {
  const lower = raw.toLowerCase()
  if (lower === 'hardfail') return 'fail'
  return VERDICTS.has(lower as AuthVerdict) ? (lower as AuthVerdict) : null
}

function properties(rest: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const match of rest.matchAll(PROPERTY)) {
    const key = (match[1] ?? '').toLowerCase()
    if (!map.has(key)) map.set(key, (match[2] ?? '').replace(/^"|"$/g, ''))
  }
  return map
}
