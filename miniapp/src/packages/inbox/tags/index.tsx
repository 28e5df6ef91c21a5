// 标签管理 (main account): create, rename, recolour and delete the org's tags. Deleting a tag takes it off
// every message. Sub-accounts apply tags but do not edit the list.
import { Button, Input, Text, View } from '@tarojs/components'
import type { Tag } from '@sellerinbox/shared'
import { useState } from 'react'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { TagChip } from '../../../components/tag-chip'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { createTag, deleteTag, listTags, updateTag } from '../../../services/tags'
import { confirm, toast, toastError } from '../../../utils/feedback'
import { disabledIf } from '../../../utils/button'
import './index.scss'

const TAG_COLORS = ['#CF222E', '#E16F24', '#BF8700', '#2DA44E', '#0969DA', '#8250DF', '#BF3989', '#1B7C83', '#57606A', '#24292F'] as const
const MAX_NAME = 20

export default function TagsPage() {
  const { t } = useI18n()
  usePageTitle('tags.title')
  const session = useRequiredSession()
  const isMain = session?.user.role === 'main'
  const tags = useLoader(listTags, [], !!session)
  const [editing, setEditing] = useState<number | 'new' | null>(null)

  const remove = async (tag: Tag) => {
    if (!(await confirm(t('tags.deleteConfirm', { name: tag.name })))) return
    try {
      await deleteTag(tag.id)
      toast(t('tags.deleted'), 'success')
      await tags.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const saved = async () => {
    setEditing(null)
    await tags.reload()
  }

  return (
    <View className='tags-page'>
      {!isMain && <Text className='tags-page__readonly'>{t('tags.readOnly')}</Text>}
      {isMain && (
        <Section title={t('tags.create')}>
          {editing === 'new' ? (
            <TagForm onSaved={saved} onCancel={() => setEditing(null)} />
          ) : (
            <Button className='tag-new-btn' type='primary' size='mini' onClick={() => setEditing('new')}>
              + {t('tags.create')}
            </Button>
          )}
        </Section>
      )}
      <Loadable data={tags.data} error={tags.error} loading={tags.loading} onRetry={() => void tags.reload()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState text={t('tags.empty')} />
          ) : (
            <Section title={t('tags.list', { n: list.length })}>
              {list.map((tag) =>
                editing === tag.id ? (
                  <TagForm key={tag.id} tag={tag} onSaved={saved} onCancel={() => setEditing(null)} />
                ) : (
                  <View key={tag.id} className='tag-row' data-tag-id={String(tag.id)}>
                    <TagChip tag={tag} />
                    {isMain && (
                      <View className='tag-row__tools'>
                        <Text className='tag-edit-btn' onClick={() => setEditing(tag.id)}>
                          {t('tags.edit')}
                        </Text>
                        <Text className='tag-delete-btn' onClick={() => void remove(tag)}>
                          {t('tags.delete')}
                        </Text>
                      </View>
                    )}
                  </View>
                ),
              )}
            </Section>
          )
        }
      </Loadable>
    </View>
  )
}

function TagForm({ tag, onSaved, onCancel }: { tag?: Tag; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState(tag?.name ?? '')
  const [color, setColor] = useState(tag?.color.toUpperCase() ?? TAG_COLORS[0])
  const [saving, setSaving] = useState(false)

  const save = async () => {
    const trimmed = name.trim()
    if (!trimmed) return toast(t('tags.nameRequired'))
    setSaving(true)
    try {
      if (tag) await updateTag(tag.id, { name: trimmed, color })
      else await createTag({ name: trimmed, color })
      toast(t('common.saved'), 'success')
      onSaved()
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='tag-form'>
      <Input
        className='tag-form__input tag-name-input'
        value={name}
        maxlength={MAX_NAME}
        placeholder={t('tags.namePlaceholder')}
        onInput={(e) => setName(e.detail.value)}
      />
      <View className='tag-form__colors'>
        {TAG_COLORS.map((c) => (
          <View
            key={c}
            className={`tag-color-option ${c === color ? 'tag-color-option--active' : ''}`}
            data-color={c}
            style={{ backgroundColor: c }}
            onClick={() => setColor(c)}
          />
        ))}
      </View>
      <View className='tag-form__preview'>
        <TagChip tag={{ id: tag?.id ?? 0, name: name.trim() || t('tags.preview'), color }} />
      </View>
      <View className='tag-form__actions'>
        <Button className='tag-cancel-btn' size='mini' onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button className='tag-save-btn' type='primary' size='mini' loading={saving} disabled={disabledIf(saving)} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </View>
    </View>
  )
}
