// Inbox tab: category tabs with unread counts, filters, keyword search and the message list (pull-down
// refresh, infinite scroll, SLA badges), plus select mode for bulk actions. Deep links from notifications:
// `?messageId=` opens that message; `?category=&storeId=&marketplace=` opens the inbox pre-filtered.
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import type { BulkAction, MessageSummary } from '@sellerinbox/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { BULK_ACTION_LABELS, BulkBar } from '../../components/bulk-bar'
import { BulkFailures } from '../../components/bulk-failures'
import { CategoryTabs } from '../../components/category-tabs'
import { InboxFilterBar, InboxFilterSheet, type FilterPanel } from '../../components/inbox-filter-bar'
import { MessageItem } from '../../components/message-item'
import { EmptyState, ErrorState, Loading } from '../../components/status'
import { TagPicker } from '../../components/tag-picker'
import { useI18n } from '../../hooks/use-i18n'
import { useLoader } from '../../hooks/use-loader'
import { useNow } from '../../hooks/use-now'
import { usePagedList } from '../../hooks/use-paged-list'
import { usePageTitle } from '../../hooks/use-page-title'
import { useRequiredSession } from '../../hooks/use-session'
import { useTabLabels } from '../../hooks/use-tab-labels'
import { PAGES, pageUrl } from '../../routes'
import { describeError } from '../../services/api-error'
import { getInboxCounts, listMessages } from '../../services/messages'
import { listStores } from '../../services/stores'
import { listTags } from '../../services/tags'
import { toastError } from '../../utils/feedback'
import { DEFAULT_FILTER, activeFilterCount, countsQuery, filterFromParams, listQuery, type InboxFilter } from '../../utils/inbox-filter'
import { onMessagesChanged } from '../../utils/message-events'
import { applyBulkAction, applyPatch, stillMatches } from './apply-change'
import { useBulk } from './use-bulk'
import './index.scss'

const PAGE_SIZE = 20
// Coming back after this long (or from the background, where weapp requests stop) reloads the list.
const STALE_AFTER_MS = 30_000

type InboxParams = { messageId?: string; category?: string; storeId?: string; marketplace?: string }

export default function InboxPage() {
  const { t } = useI18n()
  usePageTitle('inbox.title')
  useTabLabels()
  const session = useRequiredSession()
  const signedIn = !!session
  const { params } = useRouter<InboxParams>()
  const [filter, setFilter] = useState<InboxFilter>(() => filterFromParams(params) ?? DEFAULT_FILTER)
  const [keyword, setKeyword] = useState('')
  const now = useNow()

  const stores = useLoader(() => listStores(), [], signedIn)
  const tags = useLoader(listTags, [], signedIn)
  const countsKey = JSON.stringify(countsQuery(filter))
  const counts = useLoader(() => getInboxCounts(countsQuery(filter)), [countsKey], signedIn)
  const listKey = JSON.stringify(listQuery(filter))
  const list = usePagedList((cursor) => listMessages({ ...listQuery(filter), cursor, limit: PAGE_SIZE }), [listKey], signedIn)

  const bulk = useBulk((ids, action: BulkAction) => {
    const changed = new Set(ids)
    list.setItems((items) =>
      items.map((m) => (changed.has(m.id) ? applyBulkAction(m, action, tags.data ?? []) : m)).filter((m) => !changed.has(m.id) || stillMatches(m, filter)),
    )
    void counts.reload()
  })
  const [tagAction, setTagAction] = useState<'add_tag' | 'remove_tag' | null>(null)
  const [filterPanel, setFilterPanel] = useState<FilterPanel | null>(null)

  // Deep links. A notification may open the tab again with other parameters.
  const openedFromLink = useRef<string>()
  useEffect(() => {
    if (params.messageId && openedFromLink.current !== params.messageId) {
      openedFromLink.current = params.messageId
      void Taro.navigateTo({ url: pageUrl(PAGES.messageDetail, { id: params.messageId }) })
    }
  }, [params.messageId])
  useEffect(() => {
    const linked = filterFromParams(params)
    if (linked) setFilter(linked)
  }, [params.category, params.storeId, params.marketplace])

  // Changes made on the detail page patch the rows in place (the scroll position stays).
  const reloadCounts = useRef(counts.reload)
  reloadCounts.current = counts.reload
  useEffect(
    () =>
      onMessagesChanged((patches) => {
        list.setItems((items) => items.map((m) => patches.reduce(applyPatch, m)))
        void reloadCounts.current()
      }),
    [list.setItems],
  )

  const hiddenAt = useRef(0)
  useDidHide(() => {
    hiddenAt.current = Date.now()
  })
  useDidShow(() => {
    if (hiddenAt.current && Date.now() - hiddenAt.current > STALE_AFTER_MS) void list.refresh()
    hiddenAt.current = 0
  })

  usePullDownRefresh(() => {
    void Promise.all([list.refresh(), counts.reload(), tags.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  // A failed refresh while rows are shown keeps the rows and says why.
  useEffect(() => {
    if (list.error !== undefined && list.items) toastError(list.error)
  }, [list.error])

  const changeFilter = (next: InboxFilter) => {
    bulk.stop()
    setFilter(next)
  }
  const search = (value: string) => changeFilter({ ...filter, q: value.trim() || undefined })
  const clearFilters = () => {
    setKeyword('')
    changeFilter({ ...DEFAULT_FILTER, category: filter.category })
  }
  const openMessage = useCallback((message: MessageSummary) => void Taro.navigateTo({ url: pageUrl(PAGES.messageDetail, { id: message.id }) }), [])
  const badge = filter.category === 'all' ? counts.data?.all : counts.data?.categories[filter.category]
  const items = list.items ?? []
  const filtered = activeFilterCount(filter) > 0 || !!filter.q

  if (!session) return <View className='inbox-page' />

  return (
    <View className={`inbox-page ${bulk.selecting ? 'inbox-page--selecting' : ''}`}>
      <View className='inbox-header'>
        <View className='inbox-search'>
          <Input
            className='inbox-search-input'
            value={keyword}
            confirmType='search'
            placeholder={t('inbox.searchPlaceholder')}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={(e) => search(e.detail.value)}
          />
          {(keyword || filter.q) && (
            <Text
              className='inbox-search-clear'
              onClick={() => {
                setKeyword('')
                search('')
              }}
            >
              ✕
            </Text>
          )}
          <Text className='inbox-search-btn' onClick={() => search(keyword)}>
            {t('inbox.search')}
          </Text>
          <Text className='inbox-select-toggle' onClick={() => (bulk.selecting ? bulk.stop() : bulk.start())}>
            {bulk.selecting ? t('common.cancel') : t('bulk.select')}
          </Text>
        </View>
        <CategoryTabs value={filter.category} counts={counts.data} onChange={(category) => changeFilter({ ...filter, category })} />
        <InboxFilterBar filter={filter} stores={stores.data ?? []} tags={tags.data ?? []} onChange={changeFilter} onOpen={setFilterPanel} />
      </View>
      {filterPanel && (
        <InboxFilterSheet
          panel={filterPanel}
          filter={filter}
          stores={stores.data ?? []}
          tags={tags.data ?? []}
          onChange={changeFilter}
          onClose={() => setFilterPanel(null)}
        />
      )}

      {badge && (
        <View className='inbox-summary' data-total={String(badge.total)} data-unread={String(badge.unread)} data-pending={String(badge.pending)}>
          <Text>{t('inbox.summary', { total: badge.total, unread: badge.unread, pending: badge.pending })}</Text>
          {counts.error !== undefined && <Text className='error-message'> · {t('inbox.countsFailed')}</Text>}
        </View>
      )}

      {list.items === undefined ? (
        list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={() => void list.refresh()} />
        ) : (
          <Loading />
        )
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('inbox.noMatchTitle')}
            text={t('inbox.noMatch')}
            action={
              <Button className='inbox-clear-filters' size='mini' onClick={clearFilters}>
                {t('filter.clear')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            title={t('inbox.emptyTitle')}
            text={stores.data?.length === 0 ? t('inbox.emptyNoStores') : t('inbox.empty')}
            action={
              stores.data?.length === 0 && (
                <Button className='inbox-stores-link' type='primary' size='mini' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.stores) })}>
                  {t('inbox.goStores')}
                </Button>
              )
            }
          />
        )
      ) : (
        <View className='inbox-list'>
          {items.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              now={now}
              selecting={bulk.selecting}
              selected={bulk.selected.includes(message.id)}
              onOpen={openMessage}
              onToggle={bulk.toggle}
            />
          ))}
          <ListFooter
            loadingMore={list.loadingMore}
            hasMore={list.hasMore}
            error={list.moreError}
            onMore={() => void list.loadMore()}
          />
        </View>
      )}

      {bulk.selecting && (
        <BulkBar
          selected={bulk.selected.length}
          loaded={Math.min(items.length, 500)}
          busy={bulk.busy}
          onSelectAll={() => bulk.selectAll(items)}
          onAction={(action) => (action === 'add_tag' || action === 'remove_tag' ? setTagAction(action) : void bulk.run(action))}
        />
      )}
      {tagAction && (
        <TagPicker
          title={t(BULK_ACTION_LABELS[tagAction])}
          tags={tags.data ?? []}
          mode='one'
          onClose={() => setTagAction(null)}
          onConfirm={([tagId]) => {
            setTagAction(null)
            void bulk.run(tagAction, tagId)
          }}
        />
      )}
      {bulk.rejection && (
        <BulkFailures
          action={t(BULK_ACTION_LABELS[bulk.rejection.action])}
          failures={bulk.rejection.failures}
          messages={items}
          onDeselect={bulk.deselectFailed}
          onClose={bulk.dismissRejection}
        />
      )}
    </View>
  )
}

function ListFooter(props: { loadingMore: boolean; hasMore: boolean; error: unknown; onMore: () => void }) {
  const { t } = useI18n()
  if (props.error !== undefined) {
    return (
      <View className='inbox-list-footer inbox-load-more-retry error-message' onClick={props.onMore}>
        {t('inbox.moreFailed', { message: describeError(props.error) })}
      </View>
    )
  }
  if (props.loadingMore) return <View className='inbox-list-footer'>{t('common.loading')}</View>
  if (props.hasMore) {
    return (
      <View className='inbox-list-footer inbox-load-more' onClick={props.onMore}>
        {t('inbox.loadMore')}
      </View>
    )
  }
  return <View className='inbox-list-footer inbox-list-end'>{t('inbox.end')}</View>
}
