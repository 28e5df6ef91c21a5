// Runs a unit of work in one transaction and runs it again from the start when the database gave up
// on it for a lock conflict. Owns only the retry; what the work locks, and in what order, is the caller's.
import type { IsolationLevel } from 'kysely'
import type { Db, Tx } from './kysely'
import { isDeadlock, isLockWaitTimeout } from './errors'

export interface TransactionOptions {
  /**
   * Unset keeps the session default (REPEATABLE READ). 'read committed' is wanted where several
   * workers claim rows of one queue table (FOR UPDATE SKIP LOCKED, e.g. the notification planner and
   * sender): it takes no gap locks between planners and senders.
   */
  isolation?: IsolationLevel
  /**
   * Deadlock victims (1213) are always retried. Also retrying a lock wait timeout (1205) is wanted
   * for queue batches that can wait behind another instance's batch and are safe to start over (the
   * notification planner and sender). Off elsewhere, so a request stuck behind a lock fails once
   * instead of waiting out the timeout several times.
   */
  retryLockWaitTimeout?: boolean
  /** How many times the work runs at most, counting the first. */
  attempts?: number
}

/**
 * With no options: REPEATABLE READ, deadlocks retried, three runs at most — for work that locks several
 * rows in one go (bulk marks, recording a sent reply) and may be picked as the deadlock victim.
 */
export async function transactionWithRetry<T>(db: Db, work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { isolation, retryLockWaitTimeout = false, attempts = 3 } = options
  const retryable = (error: unknown) => isDeadlock(error) || (retryLockWaitTimeout && isLockWaitTimeout(error))
  for (let attempt = 1; ; attempt++) {
    try {
      const transaction = db.transaction()
      return await (isolation ? transaction.setIsolationLevel(isolation) : transaction).execute(work)
    } catch (error) {
      if (!retryable(error) || attempt >= attempts) throw error
    }
  }
}
