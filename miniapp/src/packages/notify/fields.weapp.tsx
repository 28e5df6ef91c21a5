// Mini program: the native time picker and selector.
import { Picker, Text, View } from '@tarojs/components'
import type { ChoiceFieldProps, TimeFieldProps } from './fields.types'

export function TimeField({ className, label, value, onChange }: TimeFieldProps) {
  return (
    <Picker mode='time' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`notify-field ${className ?? ''}`}>
        <Text className='notify-field__label'>{label}</Text>
        <Text className='notify-field__value'>{value}</Text>
      </View>
    </Picker>
  )
}

export function ChoiceField({ className, label, value, options, onChange }: ChoiceFieldProps) {
  const index = Math.max(0, options.findIndex((o) => o.value === value))
  return (
    <Picker mode='selector' range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]?.value ?? value)}>
      <View className={`notify-field ${className ?? ''}`}>
        <Text className='notify-field__label'>{label}</Text>
        <Text className='notify-field__value'>{options[index]?.label ?? value}</Text>
      </View>
    </Picker>
  )
}
