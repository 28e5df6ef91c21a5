// Everything known about the message's order (gathered by the server from all its emails), each value
// copyable: Seller Central only runs in a desktop browser, so the seller copies ids and the order URL.
import { Text, View } from '@tarojs/components'
import type { OrderPanel as Order } from '@sellerinbox/shared'
import { Section } from '../../../components/section'
import { useI18n } from '../../../hooks/use-i18n'
import type { MessageKey } from '../../../i18n'
import { copyText } from '../../../utils/feedback'
import { marketplaceName } from '../../../utils/format'

const CLAIM_STATES: Record<string, MessageKey> = {
  opened: 'order.claimOpened',
  decided: 'order.claimDecided',
  chargeback: 'order.claimChargeback',
}

export function OrderPanel({ order }: { order: Order }) {
  const { t } = useI18n()
  const claim = order.claimState ? (CLAIM_STATES[order.claimState] ? t(CLAIM_STATES[order.claimState] as MessageKey) : order.claimState) : null
  return (
    <Section className='order-panel' title={t('order.title')}>
      <Row field='orderId' label={t('order.orderId')} value={order.orderId} copy />
      <Row field='marketplace' label={t('order.marketplace')} value={`${order.marketplace} ${marketplaceName(order.marketplace)}`} />
      {order.asin && <Row field='asin' label='ASIN' value={order.asin} copy />}
      {order.productTitle && <Row field='productTitle' label={t('order.product')} value={order.productTitle} />}
      {order.quantity !== null && <Row field='quantity' label={t('order.quantity')} value={String(order.quantity)} />}
      {order.refundAmount && <Row field='refundAmount' label={t('order.refundAmount')} value={order.refundAmount} />}
      {order.returnReason && <Row field='returnReason' label={t('order.returnReason')} value={order.returnReason} />}
      {claim && <Row field='claimState' label={t('order.claimState')} value={claim} />}
      <Row field='sellerCentralUrl' label={t('order.sellerCentral')} value={order.sellerCentralUrl} copy copyLabel={t('order.copyLink')} />
    </Section>
  )
}

function Row(props: { field: string; label: string; value: string; copy?: boolean; copyLabel?: string }) {
  const { t } = useI18n()
  return (
    <View className='order-row' data-field={props.field}>
      <Text className='order-row__label'>{props.label}</Text>
      <Text className='order-row__value' userSelect>
        {props.value}
      </Text>
      {props.copy && (
        <Text className='order-copy' data-field={props.field} onClick={() => void copyText(props.value)}>
          {props.copyLabel ?? t('common.copy')}
        </Text>
      )}
    </View>
  )
}
