// 邮箱收取 (main account): the IMAP accounts the server ingests, each with its health (connected, last
// successful sync, last error, backlog), the way to add one, and the mail that matched no dedicated address.
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MailSource } from '@sellerinbox/shared'
import { Section } from '../../../components/section'
import { EmptyState, Loadable } from '../../../components/status'
import { useI18n } from '../../../hooks/use-i18n'
import { useLoader } from '../../../hooks/use-loader'
import { usePageTitle } from '../../../hooks/use-page-title'
import { useRequiredSession } from '../../../hooks/use-session'
import { PAGES, pageUrl } from '../../../routes'
import { listMailSources } from '../../../services/mail-sources'
import { formatTime } from '../../../utils/format'
import './index.scss'

type Health = 'connected' | 'failing' | 'disabled' | 'idle'

function healthOf(source: MailSource): Health {
  if (!source.enabled) return 'disabled'
  if (source.health.connected) return 'connected'
  // An error newer than the last success means the source is failing now.
  const { lastErrorAt, lastSuccessAt } = source.health
  if (lastErrorAt && (!lastSuccessAt || lastErrorAt >= lastSuccessAt)) return 'failing'
  return 'idle'
}

export default function MailSourcesPage() {
  const { t } = useI18n()
  usePageTitle('sources.title')
  const session = useRequiredSession()
  const sources = useLoader(listMailSources, [], !!session)

  usePullDownRefresh(() => {
    void sources.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const edit = (source?: MailSource) => void Taro.navigateTo({ url: pageUrl(PAGES.mailSourceEdit, { id: source?.id }) })

  return (
    <View className='mail-sources-page'>
      <View className='mail-sources-page__bar'>
        <Button className='add-mail-source-btn' type='primary' size='mini' onClick={() => edit()}>
          + {t('sources.add')}
        </Button>
        <Text className='unrouted-link' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.unroutedMail) })}>
          {t('sources.unrouted')} ›
        </Text>
      </View>
      <Text className='mail-sources-page__intro'>{t('sources.intro')}</Text>
      <Loadable data={sources.data} error={sources.error} loading={sources.loading} onRetry={() => void sources.reload()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('sources.emptyTitle')} text={t('sources.empty')} />
          ) : (
            list.map((source) => <SourceCard key={source.id} source={source} onEdit={edit} />)
          )
        }
      </Loadable>
    </View>
  )
}

function SourceCard({ source, onEdit }: { source: MailSource; onEdit: (s: MailSource) => void }) {
  const { t } = useI18n()
  const health = healthOf(source)
  const { lastSuccessAt, lastError, lastErrorAt, backlog } = source.health
  return (
    <Section className='mail-source-card'>
      <View className='mail-source-card__body' data-source-id={String(source.id)} data-health={health} onClick={() => onEdit(source)}>
        <View className='mail-source-card__head'>
          <Text className='mail-source-card__name'>{source.name}</Text>
          <Text className={`source-health source-health--${health}`}>{t(`sources.health.${health}`)}</Text>
        </View>
        <Text className='mail-source-card__line'>
          {source.username} · {source.host}:{source.port} · {source.mailbox}
        </Text>
        <Text className='mail-source-card__line'>
          {t('sources.lastSuccess', { time: lastSuccessAt ? formatTime(lastSuccessAt) : t('sources.never') })}
        </Text>
        {backlog !== null && backlog > 0 && <Text className='mail-source-card__line'>{t('sources.backlog', { n: backlog })}</Text>}
        {lastError && health === 'failing' && (
          <Text className='mail-source-card__error error-message'>
            {t('sources.lastError', { time: lastErrorAt ? formatTime(lastErrorAt) : '', error: lastError })}
          </Text>
        )}
      </View>
    </Section>
  )
}
