// The retry around a transaction: which lock errors start the work over, how often, and under
// which isolation level. A stand-in for Kysely's transaction builder records each run.
import { describe, expect, it } from 'vitest'
import type { Db } from '@sellerinbox/server/db/kysely'
import { transactionWithRetry, type TransactionOptions } from '@sellerinbox/server/db/transactions'

// Shaped as mysql2 reports server errors: the name and the number.
const DEADLOCK = Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 })
const LOCK_WAIT_TIMEOUT = Object.assign(new Error('Lock wait timeout exceeded'), { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })
const DUPLICATE = Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY', errno: 1062 })

/** Runs the helper with work that throws `failures` in turn, then answers 'done'. */
async function run(failures: Error[], options?: TransactionOptions) {
  const isolations: (string | undefined)[] = []
  const db = {
    transaction: () => {
      let isolation: string | undefined
      const builder = {
        setIsolationLevel(level: string) {
          isolation = level
          return builder
        },
        async execute(work: (tx: unknown) => Promise<string>) {
          isolations.push(isolation)
          return work({})
        },
      }
      return builder
    },
  } as unknown as Db
  const pending = [...failures]
  const outcome = await transactionWithRetry(db, async () => {
    const failure = pending.shift()
    if (failure) throw failure
    return 'done'
  }, options).catch((error: unknown) => error)
  return { outcome, runs: isolations.length, isolations }
}

describe('transactionWithRetry', () => {
  it('runs again after a deadlock, three runs at most, at the session isolation level', async () => {
    expect(await run([DEADLOCK, DEADLOCK])).toEqual({ outcome: 'done', runs: 3, isolations: [undefined, undefined, undefined] })
    expect(await run([DEADLOCK, DEADLOCK, DEADLOCK])).toMatchObject({ outcome: DEADLOCK, runs: 3 })
  })

  it('gives up at once on a lock wait timeout or any other error unless told otherwise', async () => {
    expect(await run([LOCK_WAIT_TIMEOUT])).toMatchObject({ outcome: LOCK_WAIT_TIMEOUT, runs: 1 })
    expect(await run([DUPLICATE], { retryLockWaitTimeout: true })).toMatchObject({ outcome: DUPLICATE, runs: 1 })
  })

  it('retries lock wait timeouts and deadlocks under the requested isolation level', async () => {
    const options: TransactionOptions = { isolation: 'read committed', retryLockWaitTimeout: true }
    expect(await run([LOCK_WAIT_TIMEOUT, DEADLOCK], options)).toEqual({ outcome: 'done', runs: 3, isolations: Array(3).fill('read committed') })
    expect(await run([LOCK_WAIT_TIMEOUT, LOCK_WAIT_TIMEOUT, LOCK_WAIT_TIMEOUT], options)).toMatchObject({ outcome: LOCK_WAIT_TIMEOUT, runs: 3 })
  })

  it('honours a different number of attempts', async () => {
    expect(await run([DEADLOCK], { attempts: 1 })).toMatchObject({ outcome: DEADLOCK, runs: 1 })
    expect(await run([DEADLOCK, DEADLOCK, DEADLOCK, DEADLOCK], { attempts: 5 })).toMatchObject({ outcome: 'done', runs: 5 })
  })
})
