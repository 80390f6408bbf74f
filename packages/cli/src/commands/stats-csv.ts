import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../command.ts';

/** A CSV table read as text: header row plus string cells; `NA` and empty cells are missing. */
export interface CsvTable {
  readonly path: string;
  readonly header: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
}

/** RFC 4180-style parser (quoted fields, doubled quotes, CRLF); small and dependency-free. */
export function parseCsv(text: string): string[][] {
  if (!text.includes('"')) {
    // Fast path for the common unquoted file.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return body.split(/\r?\n|\r/).filter((l) => l !== '').map((l) => l.split(','));
  }
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      out.push(row); row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); out.push(row); }
  return out.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function readCsv(path: string, cwd: string): CsvTable {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new UsageError(`cannot read CSV file "${path}"`);
  }
  const all = parseCsv(text);
  if (all.length === 0) throw new UsageError(`CSV file "${path}" is empty`);
  const [header, ...rows] = all;
  return { path, header: header.map((h) => h.trim()), rows };
}

export function isMissingCell(s: string | undefined): boolean {
  if (s === undefined) return true;
  const t = s.trim();
  return t === '' || t === 'NA';
}

export function columnIndex(t: CsvTable, name: string): number {
  const i = t.header.indexOf(name);
  if (i < 0) throw new UsageError(`unknown column "${name}" in ${t.path} (columns: ${t.header.join(', ')})`);
  return i;
}

/** A numeric column; missing cells are null; anything else that is not a number is an error. */
export function numericColumn(t: CsvTable, name: string): Array<number | null> {
  const j = columnIndex(t, name);
  return t.rows.map((r, i) => {
    const s = r[j];
    if (isMissingCell(s)) return null;
    const v = Number(s.trim());
    if (!Number.isFinite(v)) throw new UsageError(`column "${name}" has a non-numeric value "${s}" on data row ${i + 1}`);
    return v;
  });
}

/** A text column; missing cells are null. */
export function textColumn(t: CsvTable, name: string): Array<string | null> {
  const j = columnIndex(t, name);
  return t.rows.map((r) => (isMissingCell(r[j]) ? null : r[j].trim()));
}
