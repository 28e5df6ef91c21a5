// Small decisions of UID-incremental sync, kept pure so they are tested directly.

export interface StoredMailboxState {
  uidvalidity: number | null
  lastUid: number
}

/** True when the stored state belongs to another incarnation of the mailbox (or none yet). */
export function hasUidValidityChanged(stored: StoredMailboxState, serverUidValidity: number): boolean {
  return stored.uidvalidity !== serverUidValidity
}

/** The UID range still to fetch, or null when the server has nothing newer. */
export function nextUidRange(lastUid: number, serverUidNext: number | null): string | null {
  if (serverUidNext !== null && serverUidNext <= lastUid + 1) return null
  return `${lastUid + 1}:*`
}

/**
 * `N:*` with N above the highest UID still returns the highest message (RFC 3501 reads it as
 * `*:N`), so every fetched UID must be checked against the range start.
 */
export function isNewUid(uid: number, lastUid: number): boolean {
  return uid > lastUid
}
