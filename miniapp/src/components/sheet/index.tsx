// A bottom sheet over a dimmed page (pickers, failure lists). Plain views, so it behaves the same in the
// mini program and on the web, and tests can drive it.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  title: string
  className?: string
  onClose: () => void
  footer?: ReactNode
  children?: ReactNode
}

export function Sheet({ title, className, onClose, footer, children }: Props) {
  return (
    <View className={`sheet ${className ?? ''}`} catchMove>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{title}</Text>
          <Text className='sheet__close' onClick={onClose}>
            ✕
          </Text>
        </View>
        <View className='sheet__body'>{children}</View>
        {footer && <View className='sheet__footer'>{footer}</View>}
      </View>
    </View>
  )
}
