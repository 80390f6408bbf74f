import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DomainError } from '../errors/domain-error.ts';
import { dataCutFiles, type DataCutFileName } from './data-cut.ts';
import { outcomeReport } from './outcome-report.ts';
import { parseDataCut } from './parse-data-cut.ts';
import { recruitmentFlow } from './recruitment-flow.ts';

const files = Object.fromEntries(dataCutFiles.map((f) => [f, readFileSync(new URL(`./fixtures/cut-small/${f}`, import.meta.url), 'utf8')])) as Record<DataCutFileName, string>;
const withManifest = (extra: Record<string, unknown>): Record<DataCutFileName, string> => ({ ...files, 'manifest.json': JSON.stringify({ ...JSON.parse(files['manifest.json']), ...extra }) });

test('recruitment stages: applied ≥ contacted ≥ booked; open and declined applications by the step the queue recorded', () => {
  const flow = recruitmentFlow([
    { status: 'new', appointmentBooked: false },
    { status: 'new', appointmentBooked: false },
    { status: 'contacted', appointmentBooked: false },
    { status: 'screening_booked', appointmentBooked: true },
    { status: 'screening_booked', appointmentBooked: false },
    { status: 'declined', appointmentBooked: false },
    { status: 'declined', appointmentBooked: true },
  ]);
  assert.deepEqual(flow, { applied: 7, contacted: 4, screeningBooked: 3, open: { new: 2, contacted: 1 }, declined: { beforeVisit: 1, afterBooking: 1 } });
  assert.deepEqual(recruitmentFlow([]), { applied: 0, contacted: 0, screeningBooked: 0, open: { new: 0, contacted: 0 }, declined: { beforeVisit: 0, afterBooking: 0 } });
});

test('a cut without recruitment counts reports none (older cuts and the R fixture read unchanged)', () => {
  const report = outcomeReport(parseDataCut(files));
  assert.equal(report.flow.recruitment, null);
});

test('the recruitment counts of the manifest open the report flow, before the screened', () => {
  const recruitment = { applied: 40, contacted: 31, screeningBooked: 24, open: { new: 5, contacted: 3 }, declined: { beforeVisit: 8, afterBooking: 2 } };
  const cut = parseDataCut(withManifest({ recruitment }));
  assert.deepEqual(cut.manifest.recruitment, recruitment);
  const report = outcomeReport(cut);
  assert.deepEqual(report.flow.recruitment, recruitment);
  assert.equal(report.flow.screened, outcomeReport(parseDataCut(files)).flow.screened);
});

test('recruitment counts that are not whole numbers, or that grow from one stage to the next, are refused with their path', () => {
  const bad = [
    { applied: 3, contacted: 1.5, screeningBooked: 0, open: { new: 0, contacted: 0 }, declined: { beforeVisit: 0, afterBooking: 0 } },
    { applied: 3, contacted: 2, screeningBooked: 1, open: { new: 0 }, declined: { beforeVisit: 0, afterBooking: 0 } },
    { applied: 2, contacted: 3, screeningBooked: 1, open: { new: 0, contacted: 0 }, declined: { beforeVisit: 0, afterBooking: 0 } },
    'many',
  ];
  for (const recruitment of bad) {
    assert.throws(() => parseDataCut(withManifest({ recruitment })), (e: unknown) => e instanceof DomainError && e.issues.some((i) => i.path === 'manifest.json:recruitment'), JSON.stringify(recruitment));
  }
});
