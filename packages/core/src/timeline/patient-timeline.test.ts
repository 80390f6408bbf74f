import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPatientTimeline } from './patient-timeline.ts';
import { validateAdverseEvent } from '../safety/adverse-event.ts';
import { validateConcomitantMedication } from '../medication/concomitant-medication.ts';
import { validateLabResult } from '../labs/lab-result.ts';
import { validateInfusionRecord } from '../treatment/infusion-record.ts';

const zone = 'Asia/Tokyo';
const vitals = { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 };

test('scores, sessions, adverse events, medicines and labs share one clinic-dated axis', () => {
  const infusion = validateInfusionRecord(
    {
      id: 'inf-1',
      enrolmentId: 'enr-1',
      sessionNumber: 1,
      product: 'P',
      manufacturer: 'M',
      lot: 'L1',
      expiryDate: '2027-01-01',
      volumeMl: 100,
      route: 'intravenous',
      startedAt: '2026-04-08T01:00:00Z',
      endedAt: '2026-04-08T01:45:00Z',
      vitalsBefore: vitals,
      vitalsAfter: vitals,
      nurseId: 'ns',
    },
    { enrolmentStatus: 'enrolled', zone },
  );
  const ae = validateAdverseEvent(
    {
      id: 'ae-1',
      enrolmentId: 'enr-1',
      term: '発熱',
      onsetDate: '2026-04-08',
      endDate: '2026-04-09',
      grade: 1,
      seriousness: [],
      relatedness: 'possible',
      expectedness: 'expected',
      actionTaken: 'none',
      outcome: 'recovered',
      reportedBy: 'ns',
      reportedAt: '2026-04-08T15:00:00+09:00',
    },
    { zone },
  );
  const med = validateConcomitantMedication({
    id: 'm-1',
    patientId: 'p-1',
    genericName: 'セルトラリン塩酸塩',
    dose: 50,
    unit: 'mg',
    frequency: 'once_daily',
    startDate: '2025-10-01',
    changes: [{ date: '2026-04-20', dose: 75 }],
  });
  const lab = validateLabResult({
    patientId: 'p-1',
    analyte: 'il6',
    value: 3.2,
    unit: 'pg/mL',
    sampleType: 'serum',
    // 23:30 UTC on the 7th is the morning of the 8th in Tokyo.
    collectedAt: '2026-04-07T23:30:00Z',
    fasting: true,
    assay: 'Elecsys IL-6',
  });
  const t = buildPatientTimeline({
    zone,
    scores: [{ id: 's-1', scaleId: 'phq9', total: 14, completedAt: '2026-04-08T00:45:00Z' }],
    sessions: [infusion],
    adverseEvents: [ae],
    medications: [med],
    labs: [lab],
  });
  assert.deepEqual(
    t.map((e) => `${e.date} ${e.kind}:${e.event}`),
    [
      '2025-10-01 medication:started',
      '2026-04-08 lab:il6',
      '2026-04-08 score:phq9',
      '2026-04-08 session:infusion',
      '2026-04-08 adverse_event:onset',
      '2026-04-09 adverse_event:end',
      '2026-04-20 medication:changed',
    ],
  );
  assert.equal(t[2]!.values.total, 14);
});
