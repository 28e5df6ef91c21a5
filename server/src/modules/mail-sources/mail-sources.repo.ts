// Reads and writes mail sources, always scoped by org, with the sync state of each source's
// configured mailbox. The sealed password is read only by `getSealedPassword`, never by listings.
import { sql } from 'kysely'
import type { Db } from '../../db/kysely'
import type { MailSourceRow } from '../../db/schema'
import { notFound } from '../../lib/errors'

export type SourceSettingsRow = Omit<MailSourceRow, 'orgId' | 'passwordEnc'>

/** mailbox_sync as the health view needs it; every field null when ingestion has not started. */
export interface SyncStateRow {
  syncSourceId: number | null
  connected: boolean | number | null
  /** Whether the worker's lease is still running (null: no lease recorded). */
  leaseLive: boolean | number | null
  lastSuccessAt: Date | null
  lastError: string | null
  lastErrorAt: Date | null
  lastUid: number | null
  serverUidNext: number | null
}

export type SourceWithSyncRow = SourceSettingsRow & SyncStateRow

function selectWithSync(db: Db, orgId: number) {
  return db
    .selectFrom('mailSources')
    .leftJoin('mailboxSync', (join) => join.onRef('mailboxSync.sourceId', '=', 'mailSources.id').onRef('mailboxSync.mailbox', '=', 'mailSources.mailbox'))
    .select([
      'mailSources.id',
      'mailSources.name',
      'mailSources.host',
      'mailSources.port',
      'mailSources.tlsMode',
      'mailSources.username',
      'mailSources.mailbox',
      'mailSources.enabled',
      'mailSources.createdAt',
      'mailSources.updatedAt',
      'mailboxSync.sourceId as syncSourceId',
      'mailboxSync.connected',
      // Compared on the database clock, the one the sync workers' leases are written with.
      sql<number | null>`${sql.ref('mailboxSync.leaseExpiresAt')} > NOW(3)`.as('leaseLive'),
      'mailboxSync.lastSuccessAt',
      'mailboxSync.lastError',
      'mailboxSync.lastErrorAt',
      'mailboxSync.lastUid',
      'mailboxSync.serverUidNext',
    ])
    .where('mailSources.orgId', '=', orgId)
}

export async function listSourceRows(db: Db, orgId: number): Promise<SourceWithSyncRow[]> {
  return selectWithSync(db, orgId).orderBy('mailSources.id').execute()
}

export async function getSourceRow(db: Db, orgId: number, id: number): Promise<SourceWithSyncRow> {
  const row = await selectWithSync(db, orgId).where('mailSources.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('mail source')
  return row
}

export async function getSealedPassword(db: Db, orgId: number, id: number): Promise<string> {
  const row = await db.selectFrom('mailSources').select('passwordEnc').where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('mail source')
  return row.passwordEnc
}

export interface SourceValues {
  name: string
  host: string
  port: number
  tlsMode: 'tls' | 'starttls' | 'none'
  username: string
  passwordEnc: string
  mailbox: string
  enabled: boolean
}

export async function insertSource(db: Db, orgId: number, values: Omit<SourceValues, 'enabled'>): Promise<number> {
  const result = await db.insertInto('mailSources').values({ orgId, ...values }).executeTakeFirstOrThrow()
  return Number(result.insertId)
}

export async function updateSource(db: Db, orgId: number, id: number, values: Partial<SourceValues>): Promise<void> {
  await db
    .updateTable('mailSources')
    .set({ ...values, updatedAt: new Date() })
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .execute()
}

/** Sync state and unrouted mail of the source go with it (ON DELETE CASCADE); routed messages stay. */
export async function deleteSource(db: Db, orgId: number, id: number): Promise<void> {
  await db.deleteFrom('mailSources').where('orgId', '=', orgId).where('id', '=', id).execute()
}
