import type { Session } from '@sellerinbox/shared'

/** Both platform variants of the sign-in panel take these props. */
export interface SignInProps {
  onSignedIn: (session: Session) => void
  /** From GET /api/meta; the web QR countdown uses it so a skewed local clock does not matter. */
  qrTicketTtlSeconds?: number
}
