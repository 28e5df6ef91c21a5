// Picks org tags: several (a message's set, at most 2) or one (bulk add / remove). The server enforces
// the limit too (TAG_LIMIT); this only keeps the user from asking for what it would refuse.
import { Button, Text, View } from '@tarojs/components'
import type { Tag } from '@sellerinbox/shared'
import { useState } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { Sheet } from '../sheet'
import { TagChip } from '../tag-chip'
import { disabledIf } from '../../utils/button'
import './index.scss'

/** At most this many tags on one message (DESIGN §4). */
export const MAX_TAGS_PER_MESSAGE = 2

interface Props {
  title: string
  tags: Tag[]
  /** 'many': tick up to MAX_TAGS_PER_MESSAGE and confirm; 'one': a tap chooses. */
  mode: 'many' | 'one'
  initial?: number[]
  busy?: boolean
  onConfirm: (tagIds: number[]) => void
  onClose: () => void
  /** Main account: a link to create tags. */
  onManage?: () => void
}

export function TagPicker({ title, tags, mode, initial = [], busy, onConfirm, onClose, onManage }: Props) {
  const { t } = useI18n()
  const [selected, setSelected] = useState<number[]>(initial)
  const [warning, setWarning] = useState(false)

  const tap = (tag: Tag) => {
    if (mode === 'one') return onConfirm([tag.id])
    if (selected.includes(tag.id)) {
      setSelected(selected.filter((id) => id !== tag.id))
      setWarning(false)
    } else if (selected.length >= MAX_TAGS_PER_MESSAGE) {
      setWarning(true)
    } else {
      setSelected([...selected, tag.id])
    }
  }

  return (
    <Sheet
      title={title}
      className='tag-picker'
      onClose={onClose}
      footer={
        mode === 'many' && (
          <Button className='tag-picker-confirm' type='primary' loading={busy} disabled={disabledIf(!!busy)} onClick={() => onConfirm(selected)}>
            {t('common.confirm')}
          </Button>
        )
      }
    >
      {mode === 'many' && (
        <Text className={`tag-picker__hint ${warning ? 'tag-picker__hint--warning' : ''}`}>{t('tags.limitHint', { n: MAX_TAGS_PER_MESSAGE })}</Text>
      )}
      {tags.length === 0 && <Text className='tag-picker__empty'>{t('tags.empty')}</Text>}
      {tags.map((tag) => {
        const checked = selected.includes(tag.id)
        return (
          <View key={tag.id} className={`tag-option ${checked ? 'tag-option--checked' : ''}`} data-tag-id={String(tag.id)} onClick={() => tap(tag)}>
            <TagChip tag={tag} />
            {mode === 'many' && <Text className='tag-option__box'>{checked ? '✓' : ''}</Text>}
          </View>
        )
      })}
      {onManage && (
        <Text className='tag-picker__manage' onClick={onManage}>
          {t('tags.manage')}
        </Text>
      )}
    </Sheet>
  )
}
