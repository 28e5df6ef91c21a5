// A white card with an optional title row; pages are stacks of these.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export function Section(props: { title?: ReactNode; extra?: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <View className={`section ${props.className ?? ''}`}>
      {(props.title || props.extra) && (
        <View className='section__head'>
          <Text className='section__title'>{props.title}</Text>
          {props.extra && <View className='section__extra'>{props.extra}</View>}
        </View>
      )}
      {props.children}
    </View>
  )
}
