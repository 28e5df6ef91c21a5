// The buyer's own words: between the body markers when there are any, else the single <pre> block
// of the HTML part, else the body cut at the footer; then quoted history is stripped. Also the
// buyer words inside notices: the question of a Q&A mail, the customer comment of a return.
import { preBlocks } from '../parse/html-text'
import { cellUnder, findItemTable } from './pipe-table'
import { footerStart, isEndLabel, isStartLabel, markerLines, stripPreamble } from './markers'
import { stripQuotedHistory } from './quotes'

/** The buyer's words in a buyer message, or null (a photo-only message has none). */
export function buyerMessageText(text: string, html: string): string | null {
  const marked = textBetweenMarkers(text)
  if (marked !== undefined) return tidy(stripQuotedHistory(marked))
  const pres = html ? preBlocks(html).filter((block) => block.trim() !== '') : []
  const pre = pres.length === 1 ? pres[0] : pres.sort((a, b) => b.length - a.length)[0]
  if (pre !== undefined) return tidy(stripQuotedHistory(pre))
  const cut = footerStart(text)
  return tidy(stripQuotedHistory(stripPreamble(cut < 0 ? text : text.slice(0, cut))))
}

/**
 * The text after the start marker, up to the next marker line (known or not) or the footer.
 * undefined when the body has no marker lines at all, so the caller can try other ways.
 */
export function textBetweenMarkers(text: string): string | undefined {
  const markers = markerLines(text)
  const first = markers[0]
  if (!first) return undefined
  // Only an end marker (the opener was lost): the words sit between the preamble and it.
  if (isEndLabel(first.label) && !isStartLabel(first.label)) {
    const before = text.slice(0, first.start)
    return stripPreamble(before)
  }
  const start = markers.find((m) => isStartLabel(m.label)) ?? first
  const next = markers.find((m) => m.start > start.start)
  const footer = footerStart(text, start.end)
  let end = text.length
  if (next) end = next.start
  if (footer >= 0 && footer < end) end = footer
  return text.slice(start.end, end)
}

const QUESTION_LABEL = /^[ \t]*(?:question|frage|domanda|pregunta|pergunta|vraag|質問|问题|問題|pytanie|fråga|soru)[ \t]*[:：][ \t]*(.*)$/im
const ANSWER_LINK_LABEL = /^[ \t]*(?:answer this question|diese frage beantworten|répondre à cette question|rispondi a questa domanda|responder (?:a )?esta pregunta|responder (?:a )?esta pergunta|deze vraag beantwoorden|この質問に回答する|odpowiedz na to pytanie|svara på frågan|bu soruyu yanıtla|回答此问题)/im
const SURROUNDING_QUOTES = /^["'“”„«»「『]+|["'“”„«»」』]+$/g

/** The customer's question in a Q&A notice. */
export function questionText(text: string): string | null {
  const label = QUESTION_LABEL.exec(text)
  if (!label) return null
  const inline = (label[1] ?? '').trim()
  let question = inline
  if (!question) {
    const rest = text.slice(label.index + label[0].length).replace(/^\s*\n/, '')
    const stop = ANSWER_LINK_LABEL.exec(rest)
    const block = stop ? rest.slice(0, stop.index) : rest
    question = block.split(/\n[ \t]*\n/)[0] ?? ''
  }
  return tidy(question.trim().replace(SURROUNDING_QUOTES, ''))
}

const COMMENT_HEADER = /comment|kommentar|opmerking|コメント|komentarz|yorum|评论|留言/i
const COMMENT_LINE =
  /^[ \t]*(?:customer comments?|comments? from (?:the )?customer|buyer comments?|kundenkommentar|kommentar des kunden|commentaire du client|commento del cliente|comentario del cliente|comentário do cliente|opmerking(?:en)? van de klant|お客様のコメント|購入者のコメント|komentarz klienta|kundkommentar|müşteri yorumu|买家留言)[ \t]*[:：][ \t]*(.+)$/im

/** The customer's comment in a return request (table column or labelled line). */
export function returnCommentText(text: string): string | null {
  const table = findItemTable(text)
  const cell = table ? cellUnder(table, COMMENT_HEADER) : null
  if (cell) return tidy(cell)
  return tidy(COMMENT_LINE.exec(text)?.[1] ?? '')
}

/** Trims lines, collapses runs of blank lines; '' becomes null. */
export function tidy(text: string): string | null {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return clean === '' ? null : clean
}
