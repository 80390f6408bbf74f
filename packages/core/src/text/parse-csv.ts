/**
 * Splits RFC 4180 CSV text into rows of cells: quoted fields may hold commas, doubled quotes and
 * line breaks; CRLF, LF and CR all end a row; a leading byte-order mark is dropped; blank lines are
 * skipped. Cells are returned as written (no trimming, no type conversion).
 *
 * @example
 * parseCsv('a,b\n1,"x, y"\n'); // [['a', 'b'], ['1', 'x, y']]
 */
export function parseCsv(text: string): string[][] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  let touched = false;
  const endRow = () => {
    row.push(cell);
    if (!(row.length === 1 && row[0] === '' && !touched)) rows.push(row);
    row = [];
    cell = '';
    touched = false;
  };
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') { cell += '"'; i++; }
      else inQuotes = false;
      continue;
    }
    if (ch === '"') { inQuotes = true; touched = true; }
    else if (ch === ',') { row.push(cell); cell = ''; touched = true; }
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else { cell += ch; touched = true; }
  }
  if (cell !== '' || row.length > 0 || touched) endRow();
  return rows;
}
