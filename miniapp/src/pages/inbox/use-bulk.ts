// Select mode of the inbox: the ticked rows, running a bulk action on them (all or nothing on the
// server), and what to show when the server rejected it (per-message failures).
import type { BulkAction, BulkItemResult, MessageSummary } from '@sellerinbox/shared'
import { useCallback, useState } from 'react'
import type { BulkActionKey } from '../../components/bulk-bar'
import { t } from '../../i18n'
import { BULK_LIMIT, bulkFailures, bulkUpdate } from '../../services/messages'
import { confirm, toast, toastError } from '../../utils/feedback'

export interface BulkRejection {
  action: BulkActionKey
  failures: BulkItemResult[]
}

export function toBulkAction(key: BulkActionKey, tagId?: number): BulkAction {
  switch (key) {
    case 'pending':
    case 'follow_up':
    case 'processed':
      return { type: 'status', status: key }
    case 'replied_on_platform':
      return { type: 'replied_on_platform' }
    case 'read':
    case 'unread':
      return { type: 'read', isRead: key === 'read' }
    case 'add_tag':
    case 'remove_tag':
      return { type: key, tagId: tagId ?? 0 }
  }
}

export function useBulk(onApplied: (ids: number[], action: BulkAction) => void) {
  const [selecting, setSelecting] = useState(false)
  const [selected, setSelected] = useState<number[]>([])
  const [busy, setBusy] = useState(false)
  const [rejection, setRejection] = useState<BulkRejection | null>(null)

  // Stable, so memoised rows do not re-render when another row is ticked.
  const toggle = useCallback(
    (message: MessageSummary) =>
      setSelected((current) => (current.includes(message.id) ? current.filter((id) => id !== message.id) : [...current, message.id])),
    [],
  )

  const start = () => {
    setSelected([])
    setSelecting(true)
  }
  const stop = () => {
    setSelecting(false)
    setSelected([])
  }

  const selectAll = (loaded: MessageSummary[]) => {
    const ids = loaded.slice(0, BULK_LIMIT).map((m) => m.id)
    setSelected((current) => (current.length === ids.length ? [] : ids))
    if (loaded.length > BULK_LIMIT) toast(t('bulk.limit', { n: BULK_LIMIT }))
  }

  const run = async (key: BulkActionKey, tagId?: number) => {
    const ids = selected
    if (ids.length === 0 || busy) return
    if (key === 'replied_on_platform' && !(await confirm(t('bulk.repliedConfirm', { n: ids.length }), t('detail.repliedTitle')))) return
    const action = toBulkAction(key, tagId)
    setBusy(true)
    try {
      await bulkUpdate(ids, action)
      onApplied(ids, action)
      toast(t('bulk.done', { n: ids.length }), 'success')
      stop()
    } catch (error) {
      const failures = bulkFailures(error)
      if (failures.length > 0) setRejection({ action: key, failures })
      else toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const deselectFailed = () => {
    const failed = new Set(rejection?.failures.map((f) => f.id))
    setSelected((current) => current.filter((id) => !failed.has(id)))
    setRejection(null)
  }

  return { selecting, selected, busy, rejection, toggle, start, stop, selectAll, run, deselectFailed, dismissRejection: () => setRejection(null) }
}

export type Bulk = ReturnType<typeof useBulk>
