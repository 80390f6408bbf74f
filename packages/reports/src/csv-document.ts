/**
 * A CSV file as the clinic opens it: a UTF-8 byte-order mark (so Excel in Japan reads the Japanese
 * text), the lines from `csvLine`, each ended by CRLF (RFC 4180).
 */
export function csvDocument(lines: ReadonlyArray<string>): string {
  return `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`;
}
