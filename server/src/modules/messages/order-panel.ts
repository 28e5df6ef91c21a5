// The order panel: everything the channel's mail says about one order, newest mail first.
// Stored fields (ASIN, title, quantity) come from extraction at ingestion; the refund amount,
// return reason and claim state are read here from the notices' text, conservatively: a value
// is shown only when a known label or sentence carries it, otherwise null.
import type { OrderPanel } from '@sellerinbox/shared/api/messages'
import { marketplaceByCode } from '@sellerinbox/shared/domain/marketplaces'

export interface OrderMail {
  kind: string
  asin: string | null
  productTitle: string | null
  quantity: number | null
  /** Body text of refund, return and claim notices (null for other kinds). */
  noticeText: string | null
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

/** Kinds whose body text the panel reads. */
export const NOTICE_KINDS = ['refund_issued', 'return_request', ...Object.keys(CLAIM_STATE)]

/** Null when the message names no order. `mails` are newest first and include the message itself. */
export function orderPanelOf(orderId: string | null, marketplace: string, mails: OrderMail[]): OrderPanel | null {
  if (!orderId) return null
  const first = <T>(pick: (m: OrderMail) => T | null | undefined): T | null => {
    for (const m of mails) {
      const value = pick(m)
      if (value !== null && value !== undefined) return value
    }
    return null
  }
  const host = marketplaceByCode(marketplace)?.sellerCentral ?? 'sellercentral.amazon.com'
  return {
    orderId,
    marketplace,
    asin: first((m) => m.asin),
    productTitle: first((m) => m.productTitle),
    quantity: first((m) => m.quantity),
    refundAmount: first((m) => (m.kind === 'refund_issued' && m.noticeText ? refundAmountOf(m.noticeText) : null)),
    returnReason: first((m) => ((m.kind === 'return_request' || m.kind === 'refund_issued') && m.noticeText ? returnReasonOf(m.noticeText) : null)),
    claimState: first((m) => CLAIM_STATE[m.kind]),
    sellerCentralUrl: `https://${host}/orders-v3/order/${encodeURIComponent(orderId)}`,
  }
}
