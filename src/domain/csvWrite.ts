/** Characters that make a spreadsheet read a cell as a formula (or a DDE command). */
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r'])

/** Prefixes a formula-like cell with an apostrophe, which spreadsheets show as plain text. */
export function neutraliseCell(value: string): string {
  return value.length > 0 && formulaTriggers.has(value[0] as string) ? `'${value}` : value
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * A CSV file as spreadsheets open it: UTF-8 with a byte-order mark (so Excel reads accents),
 * CRLF line ends, every cell neutralised against formula injection.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, delimiter: ',' | ';'): string {
  const lines = rows.map((row) =>
    row.map((cell) => quote(neutraliseCell(cell === null ? '' : String(cell)), delimiter)).join(delimiter),
  )
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
