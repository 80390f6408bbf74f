import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { formatMessage } from '../programs/messages.ts';
import { isOpenAdverseEvent, isSerious, isSusar, validateAdverseEvent, type AdverseEventInput } from './adverse-event.ts';
import { reviewSaeAlert, saeAlertFor } from './sae-alert.ts';

const zone = 'Asia/Tokyo';
const headache: AdverseEventInput = {
  id: 'ae-1',
  enrolmentId: 'enr-1',
  term: '頭痛',
  onsetDate: '2026-04-08',
  grade: 1,
  seriousness: [],
  relatedness: 'possible',
  expectedness: 'expected',
  actionTaken: 'none',
  outcome: 'recovering',
  sessionNumber: 1,
  reportedBy: 'ns-ito',
  reportedAt: '2026-04-08T15:00:00+09:00',
};

function details(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, 'validation');
    return e.issues.map((d) => ({ path: d.path, message: d.key }));
  }
  assert.fail('expected an error');
}

test('a mild headache is a valid, open, non-serious AE and raises no alert', () => {
  const ae = validateAdverseEvent(headache, { zone });
  assert.equal(isSerious(ae), false);
  assert.equal(isOpenAdverseEvent(ae), true);
  assert.equal(saeAlertFor(ae, { raisedAt: '2026-04-08T15:00:00+09:00' }), null);
});

test('an adverse event without an onset date is refused, naming the field', () => {
  const d = details(() => validateAdverseEvent({ ...headache, onsetDate: undefined }, { zone }));
  assert.deepEqual(d, [{ path: 'onsetDate', message: 'programs.field.required' }]);
  assert.equal(formatMessage(d[0]!.message, {}, 'ja'), '入力してください。');
});

test('dates must be coherent: end ≥ onset, onset not after the report, outcome matches the end date', () => {
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, outcome: 'recovered', endDate: '2026-04-07' }, { zone })),
    [{ path: 'endDate', message: 'safety.end_before_onset' }],
  );
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, onsetDate: '2026-04-09' }, { zone })),
    [{ path: 'onsetDate', message: 'safety.onset_after_report' }],
  );
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, outcome: 'recovered' }, { zone })),
    [{ path: 'endDate', message: 'safety.end_date_required_for_outcome' }],
  );
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, endDate: '2026-04-09' }, { zone })),
    [{ path: 'endDate', message: 'safety.end_date_with_ongoing_outcome' }],
  );
  const closed = validateAdverseEvent({ ...headache, outcome: 'recovered', endDate: '2026-04-08' }, { zone });
  assert.equal(isOpenAdverseEvent(closed), false);
});

test('grade must be 1–5 and grade 5, a fatal outcome and the death criterion go together', () => {
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, grade: 6 }, { zone })),
    [{ path: 'grade', message: 'programs.field.out_of_range' }],
  );
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, grade: 5 }, { zone })).map((d) => d.path),
    ['outcome', 'seriousness'],
  );
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, seriousness: ['death'] }, { zone })).map((d) => d.path),
    ['outcome'],
  );
  assert.deepEqual(
    details(() => validateAdverseEvent({ ...headache, seriousness: ['hospitalised'] }, { zone })).map((d) => d.path),
    ['seriousness[0]'],
  );
});

test('a serious adverse event raises an urgent alert that stays until reviewed', () => {
  const sae = validateAdverseEvent(
    {
      ...headache,
      id: 'ae-2',
      term: 'アナフィラキシー',
      grade: 4,
      seriousness: ['life_threatening', 'hospitalisation'],
      expectedness: 'unexpected',
      actionTaken: 'infusion_interrupted',
    },
    { zone },
  );
  assert.equal(isSerious(sae), true);
  assert.equal(isSusar(sae), true);
  const alert = saeAlertFor(sae, { raisedAt: '2026-04-08T15:05:00+09:00' })!;
  assert.equal(alert.kind, 'serious_adverse_event');
  assert.equal(alert.priority, 'urgent');
  assert.equal(alert.susar, true);
  assert.deepEqual(alert.criteria, ['life_threatening', 'hospitalisation']);
  assert.equal(alert.review, undefined);
  assert.match(formatMessage(alert.messageKey, alert.params, 'ja'), /アナフィラキシー/);
  assert.match(formatMessage(alert.messageKey, alert.params, 'en'), /grade 4/);
  const reviewed = reviewSaeAlert(alert, { by: 'dr-sato', at: '2026-04-08T16:00:00+09:00' });
  assert.equal(reviewed.review?.by, 'dr-sato');
  assert.throws(
    () => reviewSaeAlert(reviewed, { by: 'dr-kato', at: '2026-04-08T17:00:00+09:00' }),
    (e: unknown) => e instanceof DomainError && e.code === 'conflict',
  );
  // Expected or unrelated serious events are SAEs but not SUSARs.
  assert.equal(isSusar({ ...sae, relatedness: 'unlikely' }), false);
  assert.equal(
    saeAlertFor({ ...sae, expectedness: 'expected' }, { raisedAt: '2026-04-08T15:05:00+09:00' })?.messageKey,
    'safety.sae_alert',
  );
});
