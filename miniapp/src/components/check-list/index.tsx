// A list of tickable rows (stores a sub-account may see). Plain views instead of <Checkbox>, so the
// controlled state behaves the same in the mini program and on the web.
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface CheckItem {
  id: number
  label: string
  note?: string
}

interface Props {
  items: CheckItem[]
  selected: number[]
  onChange: (selected: number[]) => void
}

export function CheckList({ items, selected, onChange }: Props) {
  const toggle = (id: number) =>
    onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id])
  return (
    <View className='check-list'>
      {items.map((item) => {
        const checked = selected.includes(item.id)
        return (
          <View
            key={item.id}
            className={`check-list__row ${checked ? 'check-list__row--checked' : ''}`}
            data-id={String(item.id)}
            onClick={() => toggle(item.id)}
          >
            <Text className='check-list__box'>{checked ? '✓' : ''}</Text>
            <Text className='check-list__label'>{item.label}</Text>
            {item.note && <Text className='check-list__note'>{item.note}</Text>}
          </View>
        )
      })}
    </View>
  )
}
