// The inbox filter bar: store · marketplace, time range (custom dates included), status, tag, and
// read / SLA under "more". Each chip opens a sheet of options; the chip shows the current choice.
import { Button, Picker, Text, View } from '@tarojs/components'
import type { Store, Tag } from '@sellerinbox/shared'
import { useState } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { t, type MessageKey } from '../../i18n'
import { RANGE_CHOICES, STATUS_CHOICES, activeFilterCount, today, type InboxFilter, type RangeChoice } from '../../utils/inbox-filter'
import { statusName } from '../../utils/inbox-format'
import { marketplaceName } from '../../utils/format'
import { disabledIf } from '../../utils/button'
import { Sheet } from '../sheet'
import { TagChip } from '../tag-chip'
import './index.scss'

interface Option {
  value: string
  label: string
  active: boolean
  apply: (filter: InboxFilter) => InboxFilter
  tag?: Tag
}

const RANGE_KEYS: Record<RangeChoice, MessageKey> = {
  all: 'filter.rangeAll',
  today: 'filter.today',
  '7d': 'filter.7d',
  '30d': 'filter.30d',
  custom: 'filter.custom',
}

export type FilterPanel = 'channel' | 'range' | 'status' | 'tag' | 'more'

interface BarProps {
  filter: InboxFilter
  stores: Store[]
  tags: Tag[]
  onChange: (filter: InboxFilter) => void
  onOpen: (panel: FilterPanel) => void
}

/** The chips. Their sheets render apart (InboxFilterSheet), outside the sticky header: a sticky element is
 * a stacking context, and a sheet inside it would stay under the H5 tab bar. */
export function InboxFilterBar({ filter, stores, tags, onChange, onOpen }: BarProps) {
  useI18n() // re-render on a language change

  const channelLabel = (): string | null => {
    if (!filter.storeId && !filter.marketplace) return null
    const store = stores.find((s) => s.id === filter.storeId)
    const storeName = store?.name ?? (filter.storeId ? `#${filter.storeId}` : t('filter.allStores'))
    return filter.marketplace ? `${storeName} · ${filter.marketplace}` : storeName
  }

  const rangeLabel = (): string | null => {
    if (filter.range === 'all') return null
    if (filter.range === 'custom') return filter.from && filter.to ? `${filter.from.slice(5)} ~ ${filter.to.slice(5)}` : t('filter.custom')
    return t(RANGE_KEYS[filter.range])
  }

  const tagLabel = () => (filter.tagId ? (tags.find((tag) => tag.id === filter.tagId)?.name ?? t('filter.tag')) : null)
  const moreCount = (filter.read ? 1 : 0) + (filter.sla ? 1 : 0)

  const chips: { panel: FilterPanel; label: string; value: string | null }[] = [
    { panel: 'channel', label: t('filter.store'), value: channelLabel() },
    { panel: 'range', label: t('filter.range'), value: rangeLabel() },
    { panel: 'status', label: t('filter.status'), value: filter.status ? statusName(filter.status) : null },
    { panel: 'tag', label: t('filter.tag'), value: tagLabel() },
    { panel: 'more', label: moreCount ? t('filter.moreCount', { n: moreCount }) : t('filter.more'), value: null },
  ]

  return (
    <View className='inbox-filter-bar'>
      {chips.map((chip) => (
        <View
          key={chip.panel}
          className={`filter-chip filter-chip--${chip.panel} ${chip.value || (chip.panel === 'more' && moreCount) ? 'filter-chip--active' : ''}`}
          onClick={() => onOpen(chip.panel)}
        >
          <Text className='filter-chip__text'>{chip.value ?? chip.label}</Text>
          <Text className='filter-chip__arrow'>▾</Text>
        </View>
      ))}
      {activeFilterCount(filter) > 0 && (
        <Text className='filter-clear' onClick={() => onChange({ category: filter.category, range: 'all', q: filter.q })}>
          {t('filter.clear')}
        </Text>
      )}
    </View>
  )
}

interface SheetProps {
  panel: FilterPanel
  filter: InboxFilter
  stores: Store[]
  tags: Tag[]
  onChange: (filter: InboxFilter) => void
  onClose: () => void
}

/** The options of one filter chip; choosing one applies it and closes the sheet. */
export function InboxFilterSheet({ panel, filter, stores, tags, onChange, onClose }: SheetProps) {
  useI18n() // re-render on a language change
  const apply = (next: InboxFilter) => {
    onChange(next)
    onClose()
  }
  const choose = (option: Option) => apply(option.apply(filter))

  switch (panel) {
    case 'channel':
      return <OptionSheet title={t('filter.store')} panel={panel} options={channelOptions(filter, stores)} onChoose={choose} onClose={onClose} />
    case 'range':
      return <RangeSheet filter={filter} onChange={apply} onClose={onClose} />
    case 'status':
      return (
        <OptionSheet
          title={t('filter.status')}
          panel={panel}
          onChoose={choose}
          onClose={onClose}
          options={[
            { value: 'all', label: t('filter.allStatuses'), active: !filter.status, apply: (f) => ({ ...f, status: undefined }) },
            ...STATUS_CHOICES.map((status) => ({ value: status, label: statusName(status), active: filter.status === status, apply: (f: InboxFilter) => ({ ...f, status }) })),
          ]}
        />
      )
    case 'tag':
      return (
        <OptionSheet
          title={t('filter.tag')}
          panel={panel}
          onChoose={choose}
          onClose={onClose}
          empty={tags.length === 0 ? t('filter.noTags') : undefined}
          options={[
            { value: 'all', label: t('filter.allTags'), active: !filter.tagId, apply: (f) => ({ ...f, tagId: undefined }) },
            ...tags.map((tag) => ({ value: String(tag.id), label: tag.name, tag, active: filter.tagId === tag.id, apply: (f: InboxFilter) => ({ ...f, tagId: tag.id }) })),
          ]}
        />
      )
    case 'more':
      return <MoreSheet filter={filter} onChange={onChange} onClose={onClose} />
  }
}

function channelOptions(filter: InboxFilter, stores: Store[]): Option[] {
  const options: Option[] = [
    { value: 'all', label: t('filter.allStores'), active: !filter.storeId && !filter.marketplace, apply: (f) => ({ ...f, storeId: undefined, marketplace: undefined }) },
  ]
  for (const store of stores) {
    options.push({
      value: `store-${store.id}`,
      label: `${store.name} · ${t('filter.allMarketplaces')}`,
      active: filter.storeId === store.id && !filter.marketplace,
      apply: (f) => ({ ...f, storeId: store.id, marketplace: undefined }),
    })
    for (const channel of store.channels) {
      const code = channel.marketplace as NonNullable<InboxFilter['marketplace']>
      options.push({
        value: `store-${store.id}-${code}`,
        label: `${store.name} · ${code} ${marketplaceName(code)}`,
        active: filter.storeId === store.id && filter.marketplace === code,
        apply: (f) => ({ ...f, storeId: store.id, marketplace: code }),
      })
    }
  }
  // With several stores, one marketplace across all of them is a useful view too.
  if (stores.length > 1) {
    const codes = [...new Set(stores.flatMap((s) => s.channels.map((c) => c.marketplace)))].sort() as NonNullable<InboxFilter['marketplace']>[]
    for (const code of codes) {
      options.push({
        value: `mp-${code}`,
        label: `${t('filter.allStores')} · ${code} ${marketplaceName(code)}`,
        active: !filter.storeId && filter.marketplace === code,
        apply: (f) => ({ ...f, storeId: undefined, marketplace: code }),
      })
    }
  }
  return options
}

function OptionSheet(props: { title: string; panel: FilterPanel; options: Option[]; empty?: string; onChoose: (o: Option) => void; onClose: () => void }) {
  return (
    <Sheet title={props.title} className={`filter-sheet filter-sheet--${props.panel}`} onClose={props.onClose}>
      {props.options.map((option) => (
        <View
          key={option.value}
          className={`filter-option ${option.active ? 'filter-option--active' : ''}`}
          data-value={option.value}
          onClick={() => props.onChoose(option)}
        >
          {option.tag ? <TagChip tag={option.tag} /> : <Text className='filter-option__label'>{option.label}</Text>}
          {option.active && <Text className='filter-option__tick'>✓</Text>}
        </View>
      ))}
      {props.empty && <Text className='filter-sheet__empty'>{props.empty}</Text>}
    </Sheet>
  )
}

function RangeSheet({ filter, onChange, onClose }: { filter: InboxFilter; onChange: (f: InboxFilter) => void; onClose: () => void }) {
  useI18n() // re-render on a language change
  const [from, setFrom] = useState(filter.from ?? today())
  const [to, setTo] = useState(filter.to ?? today())
  const [custom, setCustom] = useState(filter.range === 'custom')
  const valid = from <= to

  return (
    <Sheet
      title={t('filter.range')}
      className='filter-sheet filter-sheet--range'
      onClose={onClose}
      footer={
        custom && (
          <Button className='filter-range-apply' type='primary' disabled={disabledIf(!valid)} onClick={() => onChange({ ...filter, range: 'custom', from, to })}>
            {t('common.confirm')}
          </Button>
        )
      }
    >
      {RANGE_CHOICES.map((choice) => {
        const active = choice === 'custom' ? custom : !custom && filter.range === choice
        return (
          <View
            key={choice}
            className={`filter-option ${active ? 'filter-option--active' : ''}`}
            data-value={choice}
            onClick={() => (choice === 'custom' ? setCustom(true) : onChange({ ...filter, range: choice, from: undefined, to: undefined }))}
          >
            <Text className='filter-option__label'>{t(RANGE_KEYS[choice])}</Text>
            {active && <Text className='filter-option__tick'>✓</Text>}
          </View>
        )
      })}
      {custom && (
        <View className='filter-range'>
          <Picker mode='date' value={from} end={today()} onChange={(e) => setFrom(String(e.detail.value))}>
            <View className='filter-range__field filter-range-from'>
              <Text className='filter-range__label'>{t('filter.from')}</Text>
              <Text>{from}</Text>
            </View>
          </Picker>
          <Picker mode='date' value={to} end={today()} onChange={(e) => setTo(String(e.detail.value))}>
            <View className='filter-range__field filter-range-to'>
              <Text className='filter-range__label'>{t('filter.to')}</Text>
              <Text>{to}</Text>
            </View>
          </Picker>
          {!valid && <Text className='filter-range__error error-message'>{t('filter.rangeInvalid')}</Text>}
        </View>
      )}
    </Sheet>
  )
}

function MoreSheet({ filter, onChange, onClose }: { filter: InboxFilter; onChange: (f: InboxFilter) => void; onClose: () => void }) {
  useI18n() // re-render on a language change
  const groups: { title: string; name: 'read' | 'sla'; options: { value: string; label: string; active: boolean; apply: InboxFilter }[] }[] = [
    {
      title: t('filter.read'),
      name: 'read',
      options: [
        { value: 'all', label: t('filter.readAll'), active: !filter.read, apply: { ...filter, read: undefined } },
        { value: 'unread', label: t('filter.unread'), active: filter.read === 'unread', apply: { ...filter, read: 'unread' } },
        { value: 'read', label: t('filter.readOnly'), active: filter.read === 'read', apply: { ...filter, read: 'read' } },
      ],
    },
    {
      title: t('filter.sla'),
      name: 'sla',
      options: [
        { value: 'all', label: t('filter.slaAll'), active: !filter.sla, apply: { ...filter, sla: undefined } },
        { value: 'overdue', label: t('filter.overdue'), active: filter.sla === 'overdue', apply: { ...filter, sla: 'overdue' } },
        { value: 'due_soon', label: t('filter.dueSoon'), active: filter.sla === 'due_soon', apply: { ...filter, sla: 'due_soon' } },
      ],
    },
  ]
  return (
    <Sheet title={t('filter.more')} className='filter-sheet filter-sheet--more' onClose={onClose}>
      {groups.map((group) => (
        <View key={group.name} className={`filter-group filter-group--${group.name}`}>
          <Text className='filter-group__title'>{group.title}</Text>
          <View className='filter-group__options'>
            {group.options.map((option) => (
              <Text
                key={option.value}
                className={`filter-pill ${option.active ? 'filter-pill--active' : ''}`}
                data-value={option.value}
                onClick={() => onChange(option.apply)}
              >
                {option.label}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </Sheet>
  )
}
