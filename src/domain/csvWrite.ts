import Papa from 'papaparse'

/**
 * A cell a spreadsheet would read as a formula (or a DDE command): PapaParse prefixes it with an
 * apostrophe, which spreadsheets show as plain text. Its own pattern for `escapeFormulae: true`
 * (`/^[=+\-@\t\r].*$/`) does not match a cell whose formula goes on over a line break, because `.`
 * stops at the break: ours looks at the first character only.
 */
const formulaStart = /^[=+\-@\t\r]/

/**
 * A CSV file as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads accents), CRLF
 * line ends, quotes where a cell needs them, every cell neutralised against formula injection.
 * Numbers are written as text first, so that a negative number is neutralised too.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, delimiter: ',' | ';'): string {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))
  const body = Papa.unparse(cells, { delimiter, newline: '\r\n', escapeFormulae: formulaStart, header: false })
  return `\uFEFF${body}\r\n`
}
