// Strips quoted history from a buyer's email reply: attribution lines ("On … wrote:", "Am … schrieb",
// "Le … a écrit :", "El … escribió:", "… のメッセージ:", "写道："), "-----Original Message-----"
// separators, Outlook header blocks, and trailing ">" quotes. Keeps everything above the first one.

// Verbs that end an attribution line in mail clients' many languages.
const ATTRIBUTION =
  /(?:wrote|writes|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|napisał(?:\(a\)|a)?|skrev|yazdı|kirjoitti|написал\(а\)|написал|のメッセージ|写道|寫道)[^\n]{0,120}?[:：]\s*$/i
// Japanese Gmail: "2025年11月4日(火) 16:02 Name <addr>:" — a date, an address, a colon.
const DATED_ADDRESS_LINE = /^\s*\d{4}[年/.-]\s*\d{1,2}[月/.-]\s*\d{1,2}[^\n]{0,200}@[^\n]{0,120}[:：]\s*$/
const ORIGINAL_SEPARATOR =
  /^\s*[-_=]{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|messaggio originale|messaggio inoltrato|mensaje original|mensaje reenviado|mensagem original|mensagem encaminhada|oorspronkelijk bericht|doorgestuurd bericht|oryginalna wiadomość|originalmeddelande|orijinal ileti|元のメッセージ|転送されたメッセージ|原始邮件|转发的邮件)\s*[-_=]{2,}\s*$/i
const OUTLOOK_RULE = /^\s*_{10,}\s*$/
const HEADER_FROM = /^\s*\*?(?:from|von|de|da|van|od|från|kimden|差出人|发件人|寄件者)\*?\s*[:：]/i
const HEADER_SENT = /^\s*\*?(?:sent|date|gesendet|datum|envoyé|inviato|data|enviado|fecha|verzonden|wysłano|wysłane|skickat|tarih|送信日時|日付|发送时间|時間)\*?\s*[:：]/i
const QUOTED = /^\s*>/
// How wrapped attributions begin: "On", "Am", "Le", "El", "Il giorno", "Op", "Em", "W dniu", "Den", "在", a date.
const ATTRIBUTION_OPENER = /^(?:(?:on|am|le|el|il|op|em|w|den|dne|在)[\s,.]|\d)/i

export function stripQuotedHistory(text: string): string {
  const lines = text.split('\n')
  const cut = quoteStart(lines)
  return (cut < 0 ? lines : lines.slice(0, cut)).join('\n').trimEnd()
}

/** Index of the first line of quoted history, or -1. */
export function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (ORIGINAL_SEPARATOR.test(line)) return i
    if (OUTLOOK_RULE.test(line) && HEADER_FROM.test(nextNonEmpty(lines, i) ?? '')) return i
    if (HEADER_FROM.test(line) && outlookHeaderBlock(lines, i)) return i
    if (isAttribution(lines, i)) return i
    if (QUOTED.test(line) && restIsQuoted(lines, i)) return i
  }
  return -1
}

/** An attribution may be wrapped over up to three lines by the buyer's mail client. */
function isAttribution(lines: readonly string[], i: number): boolean {
  let joined = ''
  const span = ATTRIBUTION_OPENER.test((lines[i] ?? '').trim()) ? 3 : 1
  for (let k = i; k < Math.min(lines.length, i + span); k++) {
    const line = (lines[k] ?? '').trim()
    if (line === '' || QUOTED.test(line)) return false
    joined = joined ? `${joined} ${line}` : line
    // A buyer sentence ending in "wrote:" has no date or address; an attribution has both or either.
    if ((ATTRIBUTION.test(joined) && /[\d@]/.test(joined)) || DATED_ADDRESS_LINE.test(joined)) return true
  }
  return false
}

function outlookHeaderBlock(lines: readonly string[], i: number): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + 4); k++) if (HEADER_SENT.test(lines[k] ?? '')) return true
  return false
}

function restIsQuoted(lines: readonly string[], i: number): boolean {
  for (let k = i; k < lines.length; k++) {
    const line = lines[k] ?? ''
    if (line.trim() !== '' && !QUOTED.test(line)) return false
  }
  return true
}

function nextNonEmpty(lines: readonly string[], i: number): string | null {
  for (let k = i + 1; k < lines.length; k++) if ((lines[k] ?? '').trim() !== '') return lines[k] ?? null
  return null
}
