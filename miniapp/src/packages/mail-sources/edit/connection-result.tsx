// The outcome of a connection test: what the server found, or which step failed, what that usually
// means and what to change — plus the server's own words for support.
import { Text, View } from '@tarojs/components'
import type { ConnectionTestResult } from '@sellerinbox/shared'
import { useI18n } from '../../../hooks/use-i18n'
import { tMaybe } from '../../../i18n'

export function ConnectionResult({ result, mailbox }: { result: ConnectionTestResult; mailbox: string }) {
  const { t } = useI18n()
  if (result.ok) {
    return (
      <View className='connection-result connection-result--ok' data-result='ok'>
        <Text className='connection-result__title'>{t('sources.testOk')}</Text>
        <Text className='connection-result__text'>{t('sources.testOkDetail', { mailbox, n: result.mailbox.exists })}</Text>
      </View>
    )
  }
  const { code, message } = result.error
  return (
    <View className='connection-result connection-result--failed' data-result='failed' data-code={code}>
      <Text className='connection-result__title'>{tMaybe(`imap.${code}.title`) ?? code}</Text>
      <Text className='connection-result__text'>{tMaybe(`imap.${code}.hint`, { mailbox }) ?? ''}</Text>
      {message && <Text className='connection-result__server'>{t('sources.serverSaid', { message })}</Text>}
    </View>
  )
}
