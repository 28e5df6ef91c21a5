// Recognises MySQL/MariaDB error conditions the app handles on purpose.

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ER_DUP_ENTRY'
}

/** InnoDB chose this transaction as a deadlock victim; running it again usually succeeds. */
export function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ER_LOCK_DEADLOCK'
}

/** A lock was not granted within innodb_lock_wait_timeout. */
export function isLockWaitTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'ER_LOCK_WAIT_TIMEOUT'
}
