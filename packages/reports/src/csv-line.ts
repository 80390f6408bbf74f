/**
 * One RFC 4180 CSV line. Cells that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or CR) are prefixed with an apostrophe (OWASP CSV injection guidance).
 */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return cells
    .map((c) => {
      if (c === null || c === undefined) return '';
      let s = String(c);
      if (typeof c === 'string' && /^[=+\-@\t\r\0]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
