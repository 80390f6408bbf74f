import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { EXOSOME_PROGRAM_INPUT } from './example-programs.ts';
import { defineProgram } from './program-definition.ts';
import { assertRetentionOver, retentionOf } from './retention.ts';

test('特定臨床研究: 5 years from the end (施行規則 第53条); kept while the end is not recorded', () => {
  assert.deepEqual(retentionOf({ pathway: 'specified_clinical_research', closure: { endedOn: '2027-03-31' } }), { rule: 'crr_53', until: '2032-03-31' });
  assert.deepEqual(retentionOf({ pathway: 'specified_clinical_research' }), { rule: 'crr_53', until: null, waitingFor: 'endedOn' });
});

test('guideline research: the later of 5 years after the end report and 3 years after the final publication', () => {
  assert.equal(retentionOf({ pathway: 'guideline_research', closure: { endedOn: '2027-03-31', endReportedOn: '2027-06-30' } }).until, '2032-06-30');
  assert.equal(retentionOf({ pathway: 'guideline_research', closure: { endReportedOn: '2027-06-30', finalPublicationOn: '2030-01-15' } }).until, '2033-01-15');
  assert.equal(retentionOf({ pathway: 'guideline_research', closure: { endReportedOn: '2027-06-30', finalPublicationOn: '2028-01-15' } }).until, '2032-06-30');
  assert.equal(retentionOf({ pathway: 'guideline_research', closure: { endedOn: '2027-03-31' } }).waitingFor, 'endReportedOn');
});

test('self-pay with research use: 5 years after the care ended (医師法 第24条) or the guideline rule, whichever is later', () => {
  assert.equal(retentionOf({ pathway: 'self_pay_with_data_consent', closure: { endedOn: '2027-03-31' } }).until, '2032-03-31');
  assert.equal(retentionOf({ pathway: 'self_pay_with_data_consent', closure: { endedOn: '2027-03-31', finalPublicationOn: '2031-01-01' } }).until, '2034-01-01');
});

test('deleting before the end of retention is refused with the date; the day after it is allowed; unknown retention is refused', () => {
  const r = retentionOf({ pathway: 'specified_clinical_research', closure: { endedOn: '2027-03-31' } });
  assert.throws(() => assertRetentionOver({ retention: r, today: '2032-03-31' }), (e: unknown) => e instanceof DomainError && e.key === 'programs.retention_not_over' && e.params.until === '2032-03-31');
  assertRetentionOver({ retention: r, today: '2032-04-01' });
  assert.throws(() => assertRetentionOver({ retention: retentionOf({ pathway: 'guideline_research' }), today: '2099-01-01' }), (e: unknown) => e instanceof DomainError && e.key === 'programs.retention_unknown');
});

test('a program definition keeps its closure dates, checked and in order', () => {
  assert.deepEqual(defineProgram({ ...EXOSOME_PROGRAM_INPUT, closure: { endedOn: '2027-03-31' } }).closure, { endedOn: '2027-03-31' });
  assert.throws(() => defineProgram({ ...EXOSOME_PROGRAM_INPUT, closure: { endedOn: '2027-03-31', endReportedOn: '2027-03-01' } }),
    (e: unknown) => e instanceof DomainError && e.issues.some((i) => i.path === 'closure.endReportedOn'));
});
