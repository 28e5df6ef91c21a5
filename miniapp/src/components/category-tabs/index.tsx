// Category tabs of the inbox (全部, 买家消息, Q&A …) with the unread count of each under the current filter.
import { ScrollView, Text, View } from '@tarojs/components'
import type { CountBadge, InboxCounts } from '@sellerinbox/shared'
import { CATEGORIES, type Category } from '@sellerinbox/shared/domain/taxonomy'
import { useI18n } from '../../hooks/use-i18n'
import { categoryName } from '../../utils/inbox-format'
import './index.scss'

const TABS: readonly (Category | 'all')[] = ['all', ...CATEGORIES]

interface Props {
  value: Category | 'all'
  counts: InboxCounts | undefined
  onChange: (category: Category | 'all') => void
}

export function CategoryTabs({ value, counts, onChange }: Props) {
  useI18n()
  const badgeOf = (tab: Category | 'all'): CountBadge | undefined => (tab === 'all' ? counts?.all : counts?.categories[tab])
  return (
    <ScrollView className='category-tabs' scrollX enhanced showScrollbar={false}>
      <View className='category-tabs__row'>
        {TABS.map((tab) => {
          const badge = badgeOf(tab)
          return (
            <View
              key={tab}
              className={`category-tab ${tab === value ? 'category-tab--active' : ''}`}
              data-category={tab}
              data-unread={badge ? String(badge.unread) : ''}
              data-pending={badge ? String(badge.pending) : ''}
              data-total={badge ? String(badge.total) : ''}
              onClick={() => onChange(tab)}
            >
              <Text className='category-tab__name'>{categoryName(tab)}</Text>
              {!!badge?.unread && <Text className='category-tab__badge'>{badge.unread > 99 ? '99+' : badge.unread}</Text>}
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
