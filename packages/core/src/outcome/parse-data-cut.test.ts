import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDomainError } from '../errors/domain-error.ts';
import { sha256Hex } from '../programs/sha256.ts';
import { canonicalJson } from '../text/canonical-json.ts';
import { dataCutFiles, type DataCutFileName } from './data-cut.ts';
import { outcomeCheckText } from './outcome-check-issue.ts';
import { parseDataCut } from './parse-data-cut.ts';

const fixture = (): Record<DataCutFileName, string> =>
  Object.fromEntries(dataCutFiles.map((f) => [f, readFileSync(new URL(`./fixtures/cut-small/${f}`, import.meta.url), 'utf8')])) as Record<DataCutFileName, string>;

function problems(files: Partial<Record<DataCutFileName, string>>): ReadonlyArray<{ path: string; message: string }> {
  try {
    parseDataCut(files);
  } catch (e) {
    if (isDomainError(e)) {
      assert.equal(e.code, 'validation');
      return e.issues.map((i) => ({ path: i.path, message: outcomeCheckText(i) }));
    }
    throw e;
  }
  assert.fail('the data cut was accepted');
}

test('the fixture data cut reads with its plan, participants and observations', () => {
  const cut = parseDataCut(fixture());
  assert.equal(cut.participants.length, 30);
  assert.equal(cut.participants.filter((p) => p.dosed).length, 25);
  assert.deepEqual(cut.plan.primary, { scale: 'phq9', visit: 'w8' });
  assert.equal(cut.plan.version, 2);
  assert.equal(cut.manifest.excludedNoDataUse, 1);
  // doses come from exposures.csv when participants.csv has no doses column
  assert.equal(cut.participants.find((p) => p.studyId === 'S006')?.doses, 4);
  const missing = cut.outcomes.filter((o) => o.total === null);
  assert.ok(missing.length > 0, 'empty cells are missing values');
  assert.equal(cut.planSha256, sha256Hex(canonicalJson(JSON.parse(fixture()['plan.json']))));
});

test('a missing file, a missing column and a bad cell are each named with file, line and column', () => {
  const f = fixture();
  const { 'labs.csv': _labs, ...noLabs } = f;
  assert.deepEqual(problems(noLabs), [{ path: 'labs.csv', message: 'is missing' }]);

  const noTotal = { ...f, 'outcomes.csv': f['outcomes.csv'].replace('informant,total', 'informant,score') };
  assert.ok(problems(noTotal).some((p) => p.path === 'outcomes.csv' && p.message.includes('"total"')));

  const lines = f['participants.csv'].split('\n');
  lines[6] = lines[6].replace(',1,', ',yes,');
  const bad = problems({ ...f, 'participants.csv': lines.join('\n') });
  assert.ok(bad.some((p) => p.path === 'participants.csv:7:dosed' && p.message.includes('0 or 1')), JSON.stringify(bad));
});

test('rows for an unknown study id, duplicate observations and a bad status are refused', () => {
  const f = fixture();
  const stranger = problems({ ...f, 'adverse_events.csv': `${f['adverse_events.csv'].trimEnd()}\nX999,3,headache,1,0,possible\n` });
  assert.ok(stranger.some((p) => p.path.startsWith('adverse_events.csv:') && p.message.includes('not in participants.csv')));
  const lines = f['outcomes.csv'].trimEnd().split('\n');
  const dup = problems({ ...f, 'outcomes.csv': [...lines, lines[1]].join('\n') });
  assert.ok(dup.some((p) => p.message.startsWith('a second row')));
  const status = problems({ ...f, 'participants.csv': f['participants.csv'].replace('S001,screen_failed', 'S001,gone') });
  assert.ok(status.some((p) => p.path === 'participants.csv:2:status'));
});

test('the plan is checked field by field and must match the hash in the manifest', () => {
  const f = fixture();
  const plan = JSON.parse(f['plan.json']);
  const bad = problems({ ...f, 'plan.json': JSON.stringify({ ...plan, primary: { scale: 'phq9', visit: 'baseline' }, alpha: 2 }) });
  assert.ok(bad.some((p) => p.path === 'plan.json:primary.visit'));
  assert.ok(bad.some((p) => p.path === 'plan.json:alpha'));
  const manifest = JSON.parse(f['manifest.json']);
  const changed = problems({ ...f, 'manifest.json': JSON.stringify({ ...manifest, planSha256: '0'.repeat(64) }) });
  assert.deepEqual(changed.map((p) => p.path), ['manifest.json:planSha256']);
  const ok = parseDataCut({ ...f, 'manifest.json': JSON.stringify({ ...manifest, planSha256: sha256Hex(canonicalJson(plan)) }) });
  assert.equal(ok.manifest.planSha256, ok.planSha256);
  assert.ok(problems({ ...f, 'plan.json': '{ not json' }).some((p) => p.path === 'plan.json'));
});

test('a plan without rows for its primary scale cannot give a report', () => {
  const f = fixture();
  const plan = JSON.parse(f['plan.json']);
  const bad = problems({ ...f, 'plan.json': JSON.stringify({ ...plan, primary: { scale: 'gad7', visit: 'w8' } }) });
  assert.deepEqual(bad.map((p) => p.path), ['outcomes.csv']);
});
