// The only place that shapes mail sources and their health as JSON. There is no password field
// to leave out: the rows given to it never carry one.
import type { MailSource, MailSourceHealth } from '@sellerinbox/shared/api/mail-sources'
import { flag } from '../messages/messages.presenter'
import type { SourceWithSyncRow, SyncStateRow } from './mail-sources.repo'

export function healthOf(sync: SyncStateRow): MailSourceHealth {
  if (sync.syncSourceId === null) return { connected: false, lastSuccessAt: null, lastError: null, lastErrorAt: null, backlog: null }
  // A worker that died keeps `connected` set; its lease running out is what tells.
  const connected = flag(sync.connected ?? false) && (sync.leaseLive === null || flag(sync.leaseLive))
  return {
    connected,
    lastSuccessAt: sync.lastSuccessAt?.toISOString() ?? null,
    lastError: sync.lastError,
    lastErrorAt: sync.lastErrorAt?.toISOString() ?? null,
    backlog: backlogOf(sync.lastUid ?? 0, sync.serverUidNext),
  }
}

/**
 * UIDs the server has handed out above the last one ingested. An upper bound, not a count: UIDs
 * may have gaps (deleted or expunged mail never gets its UID back), so fewer messages may wait.
 */
export function backlogOf(lastUid: number, serverUidNext: number | null): number | null {
  if (serverUidNext === null) return null
  return Math.max(0, serverUidNext - 1 - lastUid)
}

export function presentMailSource(row: SourceWithSyncRow): MailSource {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tlsMode: row.tlsMode,
    username: row.username,
    mailbox: row.mailbox,
    enabled: flag(row.enabled),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    health: healthOf(row),
  }
}
