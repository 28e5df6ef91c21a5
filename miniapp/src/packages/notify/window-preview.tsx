// "Next notification windows": the shared window logic applied to a rule, shown in the rule's time zone.
import { Text, View } from '@tarojs/components'
import { upcomingWindows, validateSchedule, type Schedule, type TimeWindow } from '@sellerinbox/shared/domain/schedule-window'
import { formatWindow } from './format'
import { useNotifyText } from './text'

export function WindowPreview({ schedule, count = 3 }: { schedule: Schedule; count?: number }) {
  const tt = useNotifyText()
  let windows: TimeWindow[] | null
  try {
    windows = validateSchedule(schedule).length ? [] : upcomingWindows(schedule, new Date(), count)
  } catch {
    windows = null // an engine without time-zone support
  }
  const now = Date.now()
  return (
    <View className='window-preview'>
      <Text className='window-preview__title'>{tt('rule.preview')}</Text>
      {windows === null && <Text className='window-preview__empty'>{tt('rule.previewUnavailable')}</Text>}
      {windows?.length === 0 && <Text className='window-preview__empty'>{tt('rule.noWindow')}</Text>}
      {windows?.map((w) => (
        <View key={w.start.getTime()} className='window-preview__item'>
          <Text>{formatWindow(w, schedule.timeZone, tt)}</Text>
          {w.start.getTime() <= now && <Text className='window-preview__now'>{tt('rule.openNow')}</Text>}
        </View>
      ))}
    </View>
  )
}
