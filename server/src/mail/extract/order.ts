// Order id, ASIN, product title and quantity. The subject's "(Order: …)" and the body's order line
// beat other numbers the buyer mentions; labelled ASINs beat links, links beat bare B0… tokens.
import { cellUnder, findItemTable } from './pipe-table'

const ORDER_ID = /(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])/
const ORDER_ID_GLOBAL = new RegExp(ORDER_ID.source, 'g')
// An order line: "# 405-…:", "Order ID: …", "Bestellnummer: …", "Commande n° … :", "注文番号: …" —
// a short label, the id, at most a colon, then the end of the line (a buyer's sentence goes on).
const ORDER_LINE =
  /^[ \t]*(?:#|[^\n\d]{0,30}?(?:order|bestell|commande|ordine|pedido|注文|bestelling|zamówieni|beställning|sipariş|订单)[^\n\d]{0,20}?)[ \t]*(\d{3}-\d{7}-\d{7})[ \t]*(?:[:：][ \t]*)?$/im

const ASIN_LABELLED = /\bASIN\s*[:：#]?\s*([A-Z0-9]{10})(?![A-Za-z0-9])/
const ASIN_LINK = /\/(?:dp|gp\/product|product)\/([A-Z0-9]{10})(?![A-Za-z0-9])|[?&]asin=([A-Z0-9]{10})(?![A-Za-z0-9])/
const ASIN_BARE = /(?<![A-Za-z0-9])(B0[A-Z0-9]{8})(?![A-Za-z0-9])/
const ASIN_VALUE = /^[A-Z0-9]{10}$/

// Product lines are matched one trimmed line at a time (and only lines of sane length), so the
// lazy title groups below cannot backtrack across a whole body.
const MAX_PRODUCT_LINE = 1000
// "1 / Title | SKU [ASIN: B0…]" (new), "1 of Title [ASIN: …]" and localized "von/sur/di/x" (old),
// "Title [ASIN: …]" (pre-sale, no quantity).
const PRODUCT_LINE = /^(?:(\d{1,4}) ?(?:\/|x|×|of|von|sur|di|de|van|z|av|adet|个|点) )?(\S.*?) ?[[(]ASIN ?[:：] ?[A-Z0-9]{10}[\])]/
// "1 | B0… | Title" (copies of the seller's own replies).
const PIPE_PRODUCT_LINE = /^(\d{1,4}) ?\| ?[A-Z0-9]{10} ?\| ?([^|]+)$/
const LABELLED_TITLE =
  /^(?:item|product|articolo|artikel|article|artículo|artigo|produkt|produit|producto|prodotto|produto|ürün|商品|商品名) ?[:：] ?(.+?)(?: ?\(ASIN[^)]*\))?$/i
const LABELLED_QUANTITY = /^[ \t]*(?:quantity|qty|menge|anzahl|quantité|quantità|cantidad|quantidade|aantal|ilość|antal|adet|数量)[ \t]*[:：][ \t]*(\d{1,4})\b/im
const TITLE_LABEL = /^(?:item|product|articolo|artikel|article|artículo|artigo|produkt|produit|producto|prodotto|produto|ürün|商品名?)[ \t]*[:：][ \t]*/i
const TITLE_HEADER = /^(?:item|articolo|artikel|article|artículo|artigo|produkt|produit|producto|prodotto|produto|商品|ürün)/i
const QUANTITY_HEADER = /quantit|menge|anzahl|cantidad|aantal|数量|ilość|antal|adet/i

/** The order id in a subject ("… (Order: 111-…)", "… for order 111-…"), or null. */
export function orderIdFromSubject(subject: string): string | null {
  return ORDER_ID.exec(subject)?.[1] ?? null
}

/** The order line's id, else the first order id anywhere in the body, or null. */
export function orderIdFromBody(text: string): string | null {
  return ORDER_LINE.exec(text)?.[1] ?? ORDER_ID.exec(text)?.[1] ?? null
}

/** Every distinct order id in a text, in order of appearance. */
export function orderIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(ORDER_ID_GLOBAL)].map((m) => m[1] ?? ''))]
}

export function asinFrom(text: string, html: string): string | null {
  const labelled = ASIN_LABELLED.exec(text)?.[1]
  if (labelled) return labelled
  const table = text.includes('|') ? findItemTable(text) : null
  const cell = table ? cellUnder(table, /^asin$/i) : null
  if (cell && ASIN_VALUE.test(cell)) return cell
  const link = ASIN_LINK.exec(text) ?? (html ? ASIN_LINK.exec(html) : null)
  const linked = link?.[1] ?? link?.[2]
  if (linked) return linked
  return ASIN_BARE.exec(text)?.[1] ?? null
}

export interface ProductInfo {
  title: string | null
  quantity: number | null
}

export function productFrom(text: string): ProductInfo {
  const lines = productCandidateLines(text)
  const line = firstMatchIn(lines, PRODUCT_LINE)
  if (line) {
    const title = (line[2] ?? '').split(' | ')[0]?.replace(TITLE_LABEL, '').trim() ?? ''
    return { title: title || null, quantity: toQuantity(line[1]) }
  }
  const pipe = firstMatchIn(lines, PIPE_PRODUCT_LINE)
  if (pipe) return { title: pipe[2]?.trim() || null, quantity: toQuantity(pipe[1]) }
  const table = text.includes('ASIN') ? findItemTable(text) : null
  if (table) {
    return { title: cellUnder(table, TITLE_HEADER), quantity: toQuantity(cellUnder(table, QUANTITY_HEADER) ?? undefined) }
  }
  return {
    title: firstMatchIn(lines, LABELLED_TITLE)?.[1]?.trim() || null,
    quantity: toQuantity(LABELLED_QUANTITY.exec(text)?.[1]),
  }
}

/** Lines that may name a product (ASIN, a table row, a label), trimmed, blanks collapsed, sane length. */
function productCandidateLines(text: string): string[] {
  const lines: string[] = []
  for (const raw of text.split('\n')) {
    if (raw.length > MAX_PRODUCT_LINE || !(raw.includes('ASIN') || raw.includes('|') || raw.includes(':') || raw.includes('：'))) continue
    const line = raw.replace(/[ \t]+/g, ' ').trim()
    if (line !== '') lines.push(line)
  }
  return lines
}

function firstMatchIn(lines: readonly string[], pattern: RegExp): RegExpExecArray | null {
  for (const line of lines) {
    const match = pattern.exec(line)
    if (match) return match
  }
  return null
}

function toQuantity(value: string | undefined): number | null {
  if (!value) return null
  const n = Number.parseInt(value, 10)
  return Number.isFinite(n) && n > 0 ? n : null
}
