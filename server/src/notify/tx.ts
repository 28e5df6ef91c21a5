// Transactions for the dispatcher: READ COMMITTED (no gap locks between planners and senders) and
// a retry when the database picked this transaction as a deadlock victim.
import type { Db, Tx } from '../db/kysely'

const RETRYABLE = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */])

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel('read committed').execute(work)
    } catch (error) {
      if (attempt >= tries || !RETRYABLE.has((error as { errno?: number }).errno ?? 0)) throw error
    }
  }
}
