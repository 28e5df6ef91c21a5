// Reads the "a | b | c" item tables of Amazon's text notices (returns, refunds): a header row that
// names an ASIN column, then data rows. Column counts vary by template (5 to 7 and more), so
// columns are found by their header words, never by position.

export interface PipeTable {
  header: string[]
  rows: string[][]
}

const ASIN_HEADER = /^asin$/i

/** The first table whose header row has an ASIN column, or null. */
export function findItemTable(text: string): PipeTable | null {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (!line.includes('|')) continue
    const header = splitRow(line)
    if (header.length < 3 || !header.some((cell) => ASIN_HEADER.test(cell))) continue
    const rows: string[][] = []
    for (let j = i + 1; j < lines.length; j++) {
      const row = lines[j] ?? ''
      if (!row.includes('|')) break
      rows.push(splitRow(row))
    }
    if (rows.length > 0) return { header, rows }
  }
  return null
}

/** The cell of the first data row under the first header cell matching `pattern`, or null. */
export function cellUnder(table: PipeTable, pattern: RegExp): string | null {
  const index = table.header.findIndex((cell) => pattern.test(cell))
  if (index < 0) return null
  const cell = table.rows[0]?.[index]?.trim()
  return cell ? cell : null
}

function splitRow(line: string): string[] {
  return line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((cell) => cell.trim())
}
