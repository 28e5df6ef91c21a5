// Transactions that may be chosen as a deadlock victim (several rows locked in one go, e.g. bulk
// marks): run again from the start, a few times, before giving up.
import type { Db, Tx } from './kysely'
import { isDeadlock } from './errors'

const ATTEMPTS = 3

export async function transactionWithRetry<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work)
    } catch (error) {
      if (!isDeadlock(error) || attempt >= ATTEMPTS) throw error
    }
  }
}
