// The order panel: everything the channel's mail says about one order, each fact from the newest
// mail that states it (kept per order as mail is stored: order-facts.repo.ts). ASIN, title and
// quantity come from extraction at ingestion; the refund amount, return reason and claim state
// are read here from the notices' text, conservatively: a value is kept only when a known label
// or sentence carries it, otherwise null.
import type { OrderPanel } from '@sellerinbox/shared/api/messages'
import { marketplaceByCode } from '@sellerinbox/shared/domain/marketplaces'

/** What one mail brings to its order's panel: its extracted fields and, for notices, its text. */
export interface OrderMail {
  kind: string
  asin: string | null
  productTitle: string | null
  quantity: number | null
  /** The body text; read only for refund, return and claim notices. */
  bodyText: string | null
}

/** What the panel shows about an order, each fact from the newest mail that states it. */
export interface OrderFacts {
  asin: string | null
  productTitle: string | null
  quantity: number | null
  refundAmount: string | null
  returnReason: string | null
  claimState: string | null
}

const REFUND_WORDS = /refund|rimborso|erstattung|rückerstattung|rembours|reembolso|reembolso|terugbetaling|zwrot|iade|återbetal|返金|退款/i
const AMOUNT =
  /\b(?:USD|EUR|GBP|JPY|CAD|AUD|MXN|BRL|SEK|PLN|TRY|AED|SAR|INR|SGD)\s?\d[\d.,]*\d|[$€£¥￥]\s?\d[\d.,]*\d|\d[\d.,]*\d\s?(?:€|円|EUR\b)/
const REASON_LABEL =
  /^\s*(?:return reason|reason for return|refund reason|motivo del reso|motivo del rimborso|rücksendegrund|grund der rücksendung|erstattungsgrund|motif du retour|motif du remboursement|motivo de la devolución|motivo del reembolso|返品理由|退货原因)\s*[:：]\s*(.+?)\s*$/im
const REASON_COLUMN = /^(?:return reason|reason|motivo del reso|motivo del rimborso|motif du retour|motif|rücksendegrund|grund|motivo de la devolución|motivo|返品理由)$/i

/** "USD 27.49", "EUR 19,99", "$54.99" from the first sentence about a refund; null when none says. */
export function refundAmountOf(text: string): string | null {
  for (const line of text.split('\n')) {
    if (!REFUND_WORDS.test(line)) continue
    const amount = AMOUNT.exec(line)
    if (amount) return amount[0].replace(/\s+/g, ' ')
  }
  return null
}

/** The reason from a labelled line ("Return reason: Item defective") or a pipe table column. */
export function returnReasonOf(text: string): string | null {
  const labelled = REASON_LABEL.exec(text)
  if (labelled?.[1]) return labelled[1]
  const lines = text.split('\n')
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i]!.includes('|')) continue
    const header = lines[i]!.split('|').map((c) => c.trim())
    const column = header.findIndex((c) => REASON_COLUMN.test(c))
    if (column < 0) continue
    const value = lines[i + 1]!.split('|').map((c) => c.trim())[column]
    return value || null
  }
  return null
}

const CLAIM_STATE: Record<string, string> = { atoz_claim_opened: 'opened', atoz_claim_decision: 'decided', chargeback: 'chargeback' }

/** Amounts, reasons and states sit near the top of Amazon's notices. */
const NOTICE_TEXT_CHARS = 8000

/** Kinds whose body text the panel reads. */
export const NOTICE_KINDS = ['refund_issued', 'return_request', ...Object.keys(CLAIM_STATE)]

/** What one mail says about its order (null where it says nothing). */
export function orderFactsOf(mail: OrderMail): OrderFacts {
  const notice = NOTICE_KINDS.includes(mail.kind) && mail.bodyText ? mail.bodyText.slice(0, NOTICE_TEXT_CHARS) : null
  return {
    asin: mail.asin,
    productTitle: mail.productTitle,
    quantity: mail.quantity,
    refundAmount: mail.kind === 'refund_issued' && notice ? refundAmountOf(notice) : null,
    returnReason: (mail.kind === 'return_request' || mail.kind === 'refund_issued') && notice ? returnReasonOf(notice) : null,
    claimState: CLAIM_STATE[mail.kind] ?? null,
  }
}

const NO_FACTS: OrderFacts = { asin: null, productTitle: null, quantity: null, refundAmount: null, returnReason: null, claimState: null }

/** Null when the message names no order; `facts` is null when no mail of the order said anything yet. */
export function orderPanelOf(orderId: string | null, marketplace: string, facts: OrderFacts | null): OrderPanel | null {
  if (!orderId) return null
  const host = marketplaceByCode(marketplace)?.sellerCentral ?? 'sellercentral.amazon.com'
  return {
    orderId,
    marketplace,
    ...(facts ?? NO_FACTS),
    sellerCentralUrl: `https://${host}/orders-v3/order/${encodeURIComponent(orderId)}`,
  }
}
