// Reconnect delays: capped exponential backoff with full jitter. The attempt counter resets only
// after a connection has stayed up for a while, so a flapping server does not get hammered.

export interface BackoffPolicy {
  baseMs: number
  capMs: number
  /** A connection that lived this long counts as stable and resets the attempt counter. */
  stableMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000, stableMs: 60_000 }

/** Delay before reconnect attempt `attempt` (0-based); `random` in [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random()): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  // Never less than a tenth of the ceiling: an immediate retry storm helps nobody.
  return Math.round(ceiling * (0.1 + 0.9 * random))
}

export function nextAttempt(attempt: number, connectedForMs: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return connectedForMs >= policy.stableMs ? 0 : attempt + 1
}
