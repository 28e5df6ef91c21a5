// Text of the web sign-in QR code. Schema-free so the mini program can import it without pulling
// the schema runtime into its bundle.

/** Prefix of the QR text; anything else scanned is not ours. */
export const QR_TEXT_PREFIX = 'sellerinbox:qr-login:'

export function qrTextOf(ticket: string): string {
  return QR_TEXT_PREFIX + ticket
}

export function ticketFromQrText(text: string): string | null {
  if (!text.startsWith(QR_TEXT_PREFIX)) return null
  const ticket = text.slice(QR_TEXT_PREFIX.length)
  return /^[A-Za-z0-9_-]{16,64}$/.test(ticket) ? ticket : null
}
