/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote inside
 * quotes, CRLF or LF line ends, a UTF-8 BOM ignored (Excel writes one). Quoted fields may span
 * lines. Returns records with the 1-based line on which each starts, so errors can point at the
 * line a person sees in an editor.
 */
export type CsvRecord = { readonly line: number; readonly fields: ReadonlyArray<string> };

export type CsvParseResult =
  | { readonly ok: true; readonly records: ReadonlyArray<CsvRecord> }
  | { readonly ok: false; readonly line: number; readonly message: 'labs.csv_unclosed_quote' | 'labs.csv_stray_quote' };

/**
 * Splits CSV text into records (blank lines are skipped).
 *
 * @example
 * parseCsv('a,b\n"x, y",2\n'); // { ok: true, records: [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', '2'] }] }
 */
export function parseCsv(text: string): CsvParseResult {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !wasQuoted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const n = s[i];
        if (n !== undefined && n !== ',' && n !== '\n' && n !== '\r') return { ok: false, line, message: 'labs.csv_stray_quote' };
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') return { ok: false, line, message: 'labs.csv_stray_quote' };
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: 'labs.csv_unclosed_quote' };
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}
