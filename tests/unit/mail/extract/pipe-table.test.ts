import { describe, expect, it } from 'vitest'
import { cellUnder, findItemTable } from '@sellerinbox/server/mail/extract/pipe-table'

describe('findItemTable', () => {
  it('finds the table by its ASIN column, whatever its width', () => {
    const table = findItemTable('intro | not a table\nItem | ASIN | Sku | Qty | A | B | Reason\nSet | B0MQ4FKT2U | LC | 1 | 5 | 6 | Return\n\nafter')
    expect(table?.header).toHaveLength(7)
    expect(table && cellUnder(table, /^reason$/i)).toBe('Return')
    expect(table && cellUnder(table, /^missing$/i)).toBeNull()
  })

  it('is null without an ASIN header or data rows', () => {
    expect(findItemTable('a | b | c\n1 | 2 | 3')).toBeNull()
    expect(findItemTable('Item | ASIN | Sku\n')).toBeNull()
  })
})
