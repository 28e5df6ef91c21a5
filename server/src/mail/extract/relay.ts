// Whom to answer and what to call them: the buyer relay address (keeping the "+<case uuid>" form
// whichever header carries it), the relay of a copy forwarded in the body, and the buyer's name
// from a display name ("Dana - Amazon Marketplace", "'Marco' via Orders" → Dana, Marco).
import { parseRelayAddress, type RelayAddress } from '../classify/amazon-domains'

export interface RelayCandidate extends RelayAddress {
  /** Display name of the header that carried the relay. */
  displayName: string
}

/**
 * The address to reply to: the strongest header's relay, upgraded to the "+case" form when any
 * header carries that form for the same buyer alias.
 */
export function chooseReplyAddress(relays: readonly RelayCandidate[]): RelayCandidate | null {
  const primary = relays[0]
  if (!primary) return null
  if (primary.caseId) return primary
  return relays.find((r) => r.alias === primary.alias && r.caseId !== null) ?? primary
}

// A forwarded copy's header block inside the body ("From: Dana <relay@marketplace.amazon.de>").
const FORWARD_INTRO =
  /^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|messaggio inoltrato|messaggio originale|mensaje reenviado|mensaje original|mensagem encaminhada|mensagem original|doorgestuurd bericht|oorspronkelijk bericht|転送されたメッセージ|元のメッセージ|转发的邮件|原始邮件)[ \t]*-{2,}|begin forwarded message:|_{10,})[ \t]*$/im
const FORWARDED_FROM = /^[ \t]*\*?(?:from|von|de|da|van|od|från|kimden|差出人|发件人|寄件者)\*?[ \t]*[:：][ \t]*(.*?)<?([a-z0-9]+(?:\+[a-z0-9-]+)?@(?:m\.)?marketplace\.amazon\.[a-z.]+)>?[ \t]*$/im
const FORWARDED_REPLY_TO = /^[ \t]*\*?(?:reply-to|antwort an|répondre à|rispondi a|responder a|antwoord aan)\*?[ \t]*[:：][ \t]*.*?<?([a-z0-9]+\+[a-z0-9-]+@(?:m\.)?marketplace\.amazon\.[a-z.]+)>?[ \t]*$/im

// The lines that follow "From:" in a forwarded header block ("To:", "Subject:", "Date:", "Sent:" …).
const FORWARDED_HEADER_LINE =
  /^[ \t]*\*?(?:to|an|à|a|aan|do|till|kime|subject|betreff|objet|oggetto|asunto|assunto|onderwerp|temat|ämne|konu|date|datum|sent|gesendet|envoyé|inviato|enviado|verzonden|wysłano|skickat|tarih|宛先|件名|日付|收件人|主题|日期)\*?[ \t]*[:：]/im

/**
 * The buyer relay of a message forwarded inline: after a "Forwarded message" / "Original Message"
 * line, or in a bare header block ("From: …" followed by "To:"/"Subject:"/"Date:" lines, as mail
 * clients render an embedded message/rfc822 part). Relays merely mentioned in prose do not count.
 */
export function forwardedRelay(text: string): RelayCandidate | null {
  const intro = FORWARD_INTRO.exec(text)
  const start = intro ? intro.index : headerBlockStart(text)
  if (start < 0) return null
  const block = text.slice(start, start + 2000)
  const from = FORWARDED_FROM.exec(block)
  const relay = from?.[2] ? parseRelayAddress(from[2]) : null
  if (!relay || !from) return null
  const replyTo = FORWARDED_REPLY_TO.exec(block)?.[1]
  const withCase = replyTo ? parseRelayAddress(replyTo) : null
  const chosen = withCase && withCase.alias === relay.alias ? withCase : relay
  return { ...chosen, displayName: (from[1] ?? '').trim().replace(/^["']|["']$/g, '') }
}

function headerBlockStart(text: string): number {
  const from = FORWARDED_FROM.exec(text.length > 100_000 ? text.slice(0, 100_000) : text)
  if (!from) return -1
  const following = text.slice(from.index + from[0].length, from.index + from[0].length + 600).split('\n').slice(1, 5).join('\n')
  return FORWARDED_HEADER_LINE.test(following) ? from.index : -1
}

const AMAZON_SUFFIX = /\s*[-–—|]\s*amazon(?:\.[a-z.]+)?(?:\s+marketplace)?\s*$/i
const VIA_GROUP = /^\s*['"]?(.+?)['"]?\s+via\s+.+$/i
const NOT_A_NAME = /^(?:amazon\b|seller central|marketplace$)|@/i

/** The buyer's name from a display name, or null when it is not a person's name. */
export function buyerNameFromDisplay(display: string): string | null {
  let name = display.trim()
  const via = VIA_GROUP.exec(name)
  if (via?.[1]) name = via[1]
  name = name.replace(AMAZON_SUFFIX, '').replace(/^["'\s]+|["'\s]+$/g, '').trim()
  if (name === '' || NOT_A_NAME.test(name)) return null
  return name
}

const SUBJECT_CUSTOMER =
  /(?:from amazon customer|von amazon-kund(?:e|in)|du client amazon|dal(?:la)? cliente amazon|del cliente de amazon|od klienta amazon|från amazon-kund|van amazon-klant|amazonのカスタマー)\s+(.+?)\s*(?:様|\(|（|$)/i

/** The customer name in a buyer-message subject; only a fallback, as a template bug may put the seller's name there. */
export function buyerNameFromSubject(subject: string): string | null {
  return SUBJECT_CUSTOMER.exec(subject)?.[1]?.trim() || null
}
