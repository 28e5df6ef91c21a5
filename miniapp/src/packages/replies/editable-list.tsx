// The shape the blacklist and forbidden-words pages share: the org's entries (loading, error and empty
// states), and for the main account an add form above them and a delete, after a confirmation, on each
// row; sub-accounts get a read-only notice instead. Pages pass what differs: the row content, the
// add form's fields and check, the texts, and the class names their tests and styles use.
import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { Section } from '../../components/section'
import { Loadable } from '../../components/status'
import { useI18n } from '../../hooks/use-i18n'
import type { Loaded } from '../../hooks/use-loader'
import { disabledIf } from '../../utils/button'
import { confirm, toast, toastError } from '../../utils/feedback'

interface EditableListProps<Item extends { id: number }> {
  list: Loaded<Item[]>
  editable: boolean
  /** An AddEntryForm, shown above the list when `editable`. */
  form: ReactNode
  title: (count: number) => string
  emptyText: string
  rowClassName: string
  /** The data attribute that carries the item's id on its row, e.g. `data-entry-id`. */
  idAttribute: `data-${string}`
  deleteClassName: string
  deleteConfirm: (item: Item) => string
  remove: (item: Item) => Promise<unknown>
  children: (item: Item) => ReactNode
}

export function EditableList<Item extends { id: number }>(props: EditableListProps<Item>) {
  const { t } = useI18n()
  const { list } = props

  const remove = async (item: Item) => {
    if (!(await confirm(props.deleteConfirm(item)))) return
    try {
      await props.remove(item)
      toast(t('replies.deleted'), 'success')
      await list.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <>
      {!props.editable && <Text className='replies-readonly'>{t('replies.settingsReadOnly')}</Text>}
      {props.editable && props.form}
      <Loadable data={list.data} error={list.error} loading={list.loading} onRetry={() => void list.reload()}>
        {(items) => (
          <Section title={props.title(items.length)}>
            {items.length === 0 && <Text className='replies-hint'>{props.emptyText}</Text>}
            {items.map((item) => (
              <View key={item.id} className={`replies-row ${props.rowClassName}`} {...{ [props.idAttribute]: String(item.id) }}>
                {props.children(item)}
                {props.editable && (
                  <Text className={`replies-delete-btn ${props.deleteClassName}`} onClick={() => void remove(item)}>
                    {t('replies.delete')}
                  </Text>
                )}
              </View>
            ))}
          </Section>
        )}
      </Loadable>
    </>
  )
}

interface AddEntryFormProps {
  title: string
  buttonClassName: string
  /** The problem to toast instead of sending, or null when the fields are fine. */
  check: () => string | null
  /** Sends the new entry and clears the fields. */
  add: () => Promise<void>
  onAdded: () => void
  children: ReactNode
}

export function AddEntryForm({ title, buttonClassName, check, add, onAdded, children }: AddEntryFormProps) {
  const { t } = useI18n()
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const problem = check()
    if (problem) return toast(problem)
    setSaving(true)
    try {
      await add()
      toast(t('replies.added'), 'success')
      onAdded()
    } catch (error) {
      toastError(error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Section title={title}>
      {children}
      <Button className={buttonClassName} type='primary' size='mini' loading={disabledIf(saving)} disabled={disabledIf(saving)} onClick={() => void submit()}>
        {t('replies.add')}
      </Button>
    </Section>
  )
}
