// An org tag as a coloured chip (the tag's own colour, readable text on it).
import { Text } from '@tarojs/components'
import type { Tag } from '@sellerinbox/shared'
import { tagTextColor } from '../../utils/inbox-format'
import './index.scss'

export function TagChip({ tag, onClick }: { tag: Tag; onClick?: () => void }) {
  return (
    <Text
      className='tag-chip'
      data-tag-id={String(tag.id)}
      style={{ backgroundColor: tag.color, color: tagTextColor(tag.color) }}
      onClick={onClick}
    >
      {tag.name}
    </Text>
  )
}
