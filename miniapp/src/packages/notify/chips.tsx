// A row of toggle chips (categories, days, store scope): plain views so they behave the same in the
// mini program and on the web.
import { Text, View } from '@tarojs/components'

export interface Chip {
  key: string
  label: string
}

export function Chips({ className, items, selected, onToggle }: { className?: string; items: Chip[]; selected: readonly string[]; onToggle: (key: string) => void }) {
  return (
    <View className={`notify-chips ${className ?? ''}`}>
      {items.map((item) => (
        <Text
          key={item.key}
          className={`notify-chip ${selected.includes(item.key) ? 'notify-chip--on' : ''}`}
          data-key={item.key}
          onClick={() => onToggle(item.key)}
        >
          {item.label}
        </Text>
      ))}
    </View>
  )
}
