import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { importLabCsv, labCsvError, analyteFromLabel } from './import-lab-csv.ts';
import { parseCsv } from './parse-csv.ts';

const zone = 'Asia/Tokyo';
const HEADER = 'patient_id,analyte,value,unit,sample_type,collected_at,fasting,assay,assay_lot';

test('CSV parsing: quotes, escaped quotes, CRLF, BOM, multi-line fields, blank lines', () => {
  const r = parseCsv('\ufeffa,b\r\n"x, ""y""",2\r\n\r\n"multi\nline",3\n');
  assert.ok(r.ok);
  assert.deepEqual(r.records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x, "y"', '2'] },
    { line: 4, fields: ['multi\nline', '3'] },
  ]);
  assert.deepEqual(parseCsv('a,"b\n'), { ok: false, line: 1, message: 'labs.csv_unclosed_quote' });
  assert.deepEqual(parseCsv('a,"b"c\n'), { ok: false, line: 1, message: 'labs.csv_stray_quote' });
});

test('a good file imports every row, with labels, local times and units normalised', () => {
  const csv = [
    HEADER,
    'p-1,IL-6,3.2,pg/mL,serum,2026-04-08T09:10:00+09:00,yes,Elecsys IL-6,L1',
    'p-1,TNF-α,<1.5,pg/ml,血清,2026-04-08 09:10,はい,Kit T,L2',
    'p-2,hs-CRP,0.8,mg/L,plasma,2026/04/08 10:00,no,Latex,',
    'p-2,コルチゾール,331,nmol/L,saliva,2026-04-08 08:00,0,Salivary kit,',
  ].join('\n');
  const r = importLabCsv(csv, { zone });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.rowCount, 4);
  assert.deepEqual(
    r.results.map((x) => [x.row, x.analyte, x.comparator ?? '', x.collectedAt]),
    [
      [2, 'il6', '', '2026-04-08T09:10:00+09:00'],
      [3, 'tnf_alpha', '<', '2026-04-08T00:10:00.000Z'],
      [4, 'crp', '', '2026-04-08T01:00:00.000Z'],
      [5, 'cortisol', '', '2026-04-07T23:00:00.000Z'],
    ],
  );
  assert.deepEqual(
    r.results.slice(0, 3).map((x) => x.canonicalValue),
    [3.2, 1.5, 0.08],
  );
  assert.ok(Math.abs(r.results[3]!.canonicalValue - 11.997) < 0.001);
  assert.equal(r.results[1]!.sampleType, 'serum');
  assert.equal(r.results[1]!.fasting, true);
  assert.equal(analyteFromLabel('TGF-β1'), 'tgf_beta');
});

test('all or nothing: one bad row rejects the file, with row, column and message for each problem', () => {
  const csv = [
    HEADER,
    'p-1,IL-6,3.2,pg/mL,serum,2026-04-08T09:10:00+09:00,yes,Elecsys IL-6,L1',
    'p-1,IL-6,3.2,mg/dL,serum,2026-04-09T09:10:00+09:00,yes,Elecsys IL-6,L1',
    'p-1,CRP,abc,mg/dL,serum,2026-04-10 25:00,maybe,Latex,',
    'p-1,IL-17,3,pg/mL,serum,2026-04-10 09:00,yes,Kit,',
  ].join('\n');
  const r = importLabCsv(csv, { zone });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => [e.row, e.column, e.key]),
    [
      [3, 'unit', 'labs.unknown_unit'],
      [4, 'value', 'programs.field.not_number'],
      [4, 'collected_at', 'labs.collected_at_invalid'],
      [4, 'fasting', 'labs.fasting_invalid'],
      [5, 'analyte', 'labs.unknown_analyte'],
    ],
  );
  const e = labCsvError(r);
  assert.ok(e instanceof DomainError);
  assert.equal(e.code, 'validation');
  assert.deepEqual(e.issues[0], { path: 'rows[3].unit', key: 'labs.unknown_unit', params: r.errors[0]!.params });
});

test('duplicate rows (same patient, analyte and collection time) are refused, in the file and against stored data', () => {
  const csv = [
    HEADER,
    'p-1,IL-6,3.2,pg/mL,serum,2026-04-08T09:10:00+09:00,yes,Elecsys IL-6,L1',
    'p-1,IL-10,5,pg/mL,serum,2026-04-08T09:10:00+09:00,yes,Kit,L1',
    // The same instant written in local time: still the same sample.
    'p-1,il6,3.3,pg/mL,serum,2026-04-08 09:10,yes,Elecsys IL-6,L1',
    'p-2,IL-6,4.0,pg/mL,serum,2026-04-08T09:10:00+09:00,yes,Elecsys IL-6,L1',
  ].join('\n');
  const r = importLabCsv(csv, { zone, existing: [{ patientId: 'p-2', analyte: 'il6', collectedAt: '2026-04-08T00:10:00Z' }] });
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => [e.row, e.column, e.key, e.params]),
    [
      [4, 'collected_at', 'labs.duplicate_row', { firstRow: 2 }],
      [5, 'collected_at', 'labs.duplicate_existing', undefined],
    ],
  );
});

test('file-level problems: missing or unknown columns, empty file, unknown patients, ragged rows', () => {
  const noUnit = importLabCsv(
    'patient_id,analyte,value,sample_type,collected_at,fasting,assay,colour\np-1,IL-6,1,serum,2026-04-08 09:00,yes,K,red',
    { zone },
  );
  assert.ok(!noUnit.ok);
  assert.deepEqual(
    noUnit.errors.map((e) => [e.key, e.params?.column]),
    [
      ['labs.csv_unknown_column', 'colour'],
      ['labs.csv_missing_column', 'unit'],
    ],
  );
  const empty = importLabCsv(HEADER + '\n', { zone });
  assert.ok(!empty.ok);
  assert.deepEqual(
    empty.errors.map((e) => e.key),
    ['labs.csv_empty'],
  );
  const who = importLabCsv(`${HEADER}\np-404,IL-6,1,pg/mL,serum,2026-04-08 09:00,yes,K,\np-1,IL-6,1,pg/mL,serum`, {
    zone,
    patientExists: (id) => id === 'p-1',
  });
  assert.ok(!who.ok);
  assert.deepEqual(who.errors.map((e) => [e.row, e.column ?? '', e.key]).slice(0, 2), [
    [2, 'patient_id', 'labs.unknown_patient'],
    [3, '', 'labs.csv_field_count'],
  ]);
});
