// Web version: the browser's own time input and select (native pickers on phones, typing on desktops).
import { Text, View } from '@tarojs/components'
import type { ChoiceFieldProps, TimeFieldProps } from './fields.types'

export function TimeField({ className, label, value, onChange }: TimeFieldProps) {
  return (
    <View className={`notify-field ${className ?? ''}`}>
      <Text className='notify-field__label'>{label}</Text>
      <input className='notify-field__input' type='time' step={60} value={value} required onChange={(e) => e.target.value && onChange(e.target.value.slice(0, 5))} />
    </View>
  )
}

export function ChoiceField({ className, label, value, options, onChange }: ChoiceFieldProps) {
  return (
    <View className={`notify-field ${className ?? ''}`}>
      <Text className='notify-field__label'>{label}</Text>
      <select className='notify-field__input' value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </View>
  )
}
