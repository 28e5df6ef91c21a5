// The lines that frame a buyer's words in Amazon's templates: dashed markers of every generation
// (an unknown one still counts), the preamble above them, and the footer below them (survey, case
// and report links, notes, copyright, SPC watermark, commMgrTok).

export interface MarkerLine {
  /** Text between the dashes, e.g. "Fine messaggio". */
  label: string
  /** Offset of the line's first character. */
  start: number
  /** Offset just after the line. */
  end: number
}

// Lines that start with three dashes; the label is cut out with string operations, not a regex,
// so that a long line of dashes and spaces cannot make the match backtrack.
const DASHED_LINE = /^[ \t]*---[^\n]*$/gm

const START_LABELS = new Set([
  'begin message', 'anfang der nachricht', 'début du message', 'inizio messaggio', 'iniciar mensaje',
  'inicio del mensaje', 'início da mensagem', 'iniciar mensagem', 'begin bericht', 'begin van bericht',
  'początek wiadomości', 'meddelandets början', 'mesaj başlangıcı', 'メッセージはここから', '消息开始',
])
const END_LABELS = new Set([
  'end message', 'end of message', 'ende der nachricht', 'fin du message', 'fine messaggio', 'finalizar mensaje',
  'fin del mensaje', 'fim da mensagem', 'encerrar mensagem', 'einde bericht', 'einde van bericht',
  'koniec wiadomości', 'meddelandets slut', 'mesaj sonu', 'メッセージはここまで', '消息结束',
])

export function markerLines(text: string): MarkerLine[] {
  const found: MarkerLine[] = []
  for (const match of text.matchAll(DASHED_LINE)) {
    const label = markerLabel(match[0])
    if (label) found.push({ label, start: match.index, end: match.index + match[0].length })
  }
  return found
}

/** "------ Fine messaggio ------" → "Fine messaggio"; null unless dashes (3+) frame a label on both sides. */
export function markerLabel(line: string): string | null {
  const trimmed = line.trim()
  let start = 0
  while (trimmed[start] === '-') start++
  let end = trimmed.length
  while (end > start && trimmed[end - 1] === '-') end--
  if (start < 3 || trimmed.length - end < 3) return null
  const label = trimmed.slice(start, end).trim()
  return label === '' || label.startsWith('-') || label.endsWith('-') ? null : label
}

/** A known opener ("Begin message") or the newer "<word>:" form ("Messaggio:", "Bericht:"). */
export function isStartLabel(label: string): boolean {
  const lower = label.toLowerCase()
  return START_LABELS.has(lower) || /[:：]$/.test(lower)
}

export function isEndLabel(label: string): boolean {
  return END_LABELS.has(label.toLowerCase())
}

// Lines where Amazon's footer begins, in every marketplace language.
const FOOTER_LINE = new RegExp(
  [
    // "Was this email helpful?" survey
    String.raw`^[ \t]*(?:was this (?:e-?mail|message) helpful|war diese e-?mail hilfreich|cet e-?mail vous a-t-il été utile|questa e-?mail è stata utile|¿te (?:pareció|ha parecido|resultó) útil|¿(?:le )?(?:ha )?resultado útil|este e-?mail foi útil|was deze e-?mail nuttig|このeメールはお役に立ちましたか|czy ten e-?mail był pomocny|var det här e-postmeddelandet till hjälp|bu e-posta yardımcı oldu mu|这封电子邮件是否有帮助|此电子邮件对您有帮助吗)`,
    // case and report links
    String.raw`^[ \t]*(?:resolve case|risolvi caso|resolver caso|résoudre le cas|fall abschließen|zaak afsluiten|solucionar o caso|ケースを解決|rozwiąż sprawę|lös ärende|vakayı çöz|解决案例)\s*$`,
    String.raw`^[ \t]*(?:\|[ \t]*)?(?:report questionable activity|segnala attività sospetta|informar de actividad sospechosa|signaler une activité suspecte|verdächtige aktivität melden|verdachte activiteit melden|denunciar atividade questionável|不審な行為を報告|zgłoś podejrzaną aktywność|rapportera misstänkt aktivitet|şüpheli etkinliği bildir|举报可疑活动)`,
    // "mark as no response needed"
    String.raw`^[ \t]*(?:if this message does not need a reply|wenn diese nachricht keine antwort erfordert|si ce message ne nécessite pas de réponse|se questo messaggio non richiede risposta|si este mensaje no (?:necesita|requiere) (?:una )?respuesta|se esta mensagem não precisar de resposta|als dit bericht geen antwoord vereist|このメッセージへの返信が不要な場合)`,
    // "For your information: we keep messages for two years"
    String.raw`^[ \t]*(?:for your information|zu ihrer information|pour information|nota informativa|para tu información|para su información|para sua informação|ter informatie|ご参考|do twojej wiadomości|för din information|bilginize|供您参考)\s*[:：]`,
    // copyright, watermark, token, separator, bare Seller Central links
    String.raw`^[ \t]*(?:(?:copyright|derechos de autor|direitos autorais)\b|©).*amazon`,
    String.raw`^[ \t]*SPC-[A-Z]{2,4}Amazon-\d+`,
    String.raw`^[ \t]*\[commMgrTok:`,
    String.raw`^[ \t]*-{10,}[ \t]*$`,
    String.raw`^[ \t]*\[?https?://(?:sellercentral|www)\.amazon\.[a-z.]+/(?:gp/satisfaction|messaging|gp/communication-manager)`,
  ].join('|'),
  'im',
)

/** Offset of the first footer line at or after `from`, or -1. */
export function footerStart(text: string, from = 0): number {
  const rest = from > 0 ? text.slice(from) : text
  const match = FOOTER_LINE.exec(rest)
  return match ? from + match.index : -1
}

// Lines above the buyer's words in marker-less and HTML-derived bodies.
const PREAMBLE_LINE = new RegExp(
  [
    String.raw`^(?:you have received a message|sie haben eine nachricht erhalten|vous avez reçu un message|hai ricevuto un messaggio|has recibido un mensaje|recibiste un mensaje|você recebeu uma mensagem|je hebt een bericht ontvangen|u hebt een bericht ontvangen|購入者からメッセージが届きました|otrzymał(?:eś|aś|eś\(aś\)) wiadomość|du har fått ett meddelande|bir mesaj aldınız|您收到了一条消息)`,
    String.raw`^amazon seller central$`,
    String.raw`^\[https?://[^\]]*\]$`,
    String.raw`\d{3}-\d{7}-\d{7}`,
    String.raw`\bASIN\b`,
  ].join('|'),
  'i',
)

/** Drops leading preamble lines (greeting banner, order and product lines, logo links). */
export function stripPreamble(text: string): string {
  const lines = text.split('\n')
  let i = 0
  while (i < lines.length) {
    const line = (lines[i] ?? '').trim()
    if (line !== '' && !PREAMBLE_LINE.test(line)) break
    i++
  }
  return lines.slice(i).join('\n')
}
