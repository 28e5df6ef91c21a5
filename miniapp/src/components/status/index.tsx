// Loading, error and empty states shared by all pages. Errors never crash a page: they show here with a retry.
import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useI18n } from '../../hooks/use-i18n'
import { describeError } from '../../services/api-error'
import './index.scss'

export function Loading() {
  const { t } = useI18n()
  return <View className='status status--loading'>{t('common.loading')}</View>
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  return (
    <View className='status status--error'>
      <Text className='status__text error-message'>{describeError(error)}</Text>
      {onRetry && (
        <Button className='status__action' size='mini' onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </View>
  )
}

export function EmptyState({ title, text, action }: { title?: string; text: string; action?: ReactNode }) {
  return (
    <View className='status status--empty'>
      {title && <Text className='status__title'>{title}</Text>}
      <Text className='status__text'>{text}</Text>
      {action && <View className='status__action'>{action}</View>}
    </View>
  )
}

/** Renders `children(data)` once loaded, else the matching state. */
export function Loadable<T>(props: {
  data: T | undefined
  error: unknown
  loading: boolean
  onRetry: () => void
  children: (data: T) => ReactNode
}) {
  if (props.data !== undefined) return <>{props.children(props.data)}</>
  if (props.error !== undefined) return <ErrorState error={props.error} onRetry={props.onRetry} />
  return <Loading />
}
