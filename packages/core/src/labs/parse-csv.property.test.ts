import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsv } from './parse-csv.ts';

const quote = (f: string): string => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);

test('any table written as RFC 4180 CSV parses back to the same fields', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\n', '\r\n', ' ', '1', 'μ'), maxLength: 6 });
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 5 })
        .chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
      fc.constantFrom('\n', '\r\n'),
      (rows, eol) => {
        const text = rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
        const parsed = parseCsv(text);
        assert.ok(parsed.ok);
        assert.deepEqual(
          parsed.records.map((r) => r.fields),
          rows,
        );
      },
    ),
    { numRuns: 500 },
  );
});
