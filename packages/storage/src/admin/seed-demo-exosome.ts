import { createHash } from 'node:crypto';
import { checkPatientInput, formatPatientNumber } from '@mimamori/core';
import { consentStateFrom } from '@mimamori/core/programs/consent-state';
import { evaluateConsent, validateConsentRecord } from '@mimamori/core/programs/consent-record';
import { evaluateEligibility } from '@mimamori/core/programs/eligibility';
import { startScreening, transition, type Enrolment, type EnrolmentTransition } from '@mimamori/core/programs/enrolment';
import { EXOSOME_PROGRAM_INPUT } from '@mimamori/core/programs/example-programs';
import { defineProgram } from '@mimamori/core/programs/program-definition';
import { proposeSchedule } from '@mimamori/core/programs/propose-schedule';
import { sha256Hex } from '@mimamori/core/programs/sha256';
import { clinicDay, seedClinicCalendar } from '@mimamori/core/scheduling/index';
import { addDays } from '@mimamori/core/time/index';
import { validateInfusionRecord } from '@mimamori/core/treatment/infusion-record';
import { validateProductLot } from '@mimamori/core/treatment/product-lot';
import { appendAudit } from '../repos/audit-repo.ts';
import { nextCounter } from '../repos/clinic-repo.ts';
import type { Db } from '../repos/db.ts';
import { insertPatient, insertPatientVersion } from '../repos/patient-repo.ts';
import { insertConsent, insertEnrolment, insertEnrolmentEvent, insertProgramDefinition, insertProgramSession, putConsentText } from '../repos/programs/program-repo.ts';
import { insertProductLot } from '../repos/programs/product-lot-repo.ts';
import { getSchedulingConfig } from '../repos/scheduling/scheduling-config-repo.ts';
import { newId } from '../security/tokens.ts';

const DEMO_TEXT = {
  ja: '【見本】架空のクリニック（デモ）の説明文書です。実際のプログラムでは、認定臨床研究審査委員会で承認された文書に置き換えます。',
  en: '[Sample] An information sheet of a fictitious (demo) clinic. A real program replaces it with the document its review board approved.',
} as const;

/**
 * A one-page PDF certificate of analysis, marked fictitious, with a correct cross-reference table
 * (so viewers open it without repair).
 */
export function demoCertificatePdf(lines: ReadonlyArray<string>): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = ['BT', '/F1 12 Tf', '56 780 Td', '16 TL', ...lines.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The demo exosome program's id (the example's id stays free). */
export const DEMO_EXOSOME_PROGRAM_ID = 'exosome-demo-records';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

/**
 * Seeds the demo clinic's exosome program: the example definition with its 【見本】 documents and
 * fictitious governance, one product lot with its certificate of analysis (a PDF marked as demo),
 * and one fictitious participant (見本) given two infusions from that lot with every field a
 * reviewer asks for (dose in particles and per kg, thaw, diluent, rate, premedication, vitals before,
 * during and after with the respiratory rate, observation and observer).
 */
export async function seedDemoExosome(db: Db, o: {
  readonly clinicId: string; readonly now: Date; readonly today: string; readonly zone: string;
  readonly staff: { readonly doctorId: string; readonly nurseId: string; readonly nurseName: string };
}): Promise<{ readonly programId: string; readonly lotId: string }> {
  const { clinicId, zone, staff } = o;
  const now = o.now.toISOString();
  const calendar = (await getSchedulingConfig(db, clinicId, zone))?.calendar ?? { ...seedClinicCalendar, zone };
  const isOpenDay = (d: string) => clinicDay(calendar, d).open;
  // The program was defined and approved ten weeks ago; the participant enrolled five weeks ago.
  const definedOn = addDays(o.today, -70);
  const docs = EXOSOME_PROGRAM_INPUT.consentDocuments ?? [];
  const texts = new Map<string, string>();
  // Its own id and title, so a clinic (or a test) can still create the example program beside it.
  const program = defineProgram({
    ...EXOSOME_PROGRAM_INPUT,
    id: DEMO_EXOSOME_PROGRAM_ID,
    title: { ja: 'エクソソーム点滴プログラム（デモ・記録の例）', en: 'Exosome infusion program (demo, example records)' },
    consentDocuments: docs.map((d) => {
      const text = `${d.title}\n\n${DEMO_TEXT[d.language === 'en' ? 'en' : 'ja']}`;
      texts.set(sha256Hex(text), text);
      return { ...d, contentHash: sha256Hex(text), effectiveFrom: definedOn, sample: true };
    }),
    governance: {
      reviewBoard: { name: '見守り臨床研究審査委員会（デモ・架空）', type: 'certified_review_board' },
      approval: { number: 'DEMO-CRB-2026-002', date: definedOn },
      registryId: 'jRCTs000000000',
      protocol: { version: '1.0', sha256: sha256Hex('demo exosome protocol (fictitious) v1.0') },
      sap: { version: '1.0', sha256: sha256Hex('demo exosome analysis plan (fictitious) v1.0') },
      approvedConsentDocuments: [...new Set(docs.map((d) => `${d.id}@${d.version}`))],
    },
  });
  const definedAt = at(definedOn, '09:00');
  for (const [contentHash, text] of texts) await putConsentText(db, { clinicId, contentHash, text, now: definedAt });
  await insertProgramDefinition(db, { id: newId(), clinic_id: clinicId, program_id: program.id, version: program.version, definition_json: JSON.stringify(program), created_by: staff.doctorId, created_at: definedAt });

  // The lot, received with its certificate of analysis.
  const lotId = newId();
  const receivedOn = addDays(o.today, -45);
  const lot = validateProductLot({
    id: lotId, programId: program.id, product: 'エクソソーム製剤（デモ・架空）', manufacturer: '架空バイオ株式会社（デモ）', cellSource: 'umbilical_cord', donorRelation: 'allogeneic',
    acquisitionRoute: 'domestic_supplier', acquisitionNote: 'デモ用の架空の入手経路です。', regulatoryStatus: 'unapproved_in_japan', lot: 'EXO-DEMO-2026-01',
    expiryDate: addDays(o.today, 180), receivedOn, particlesPerMl: 1e10, particleMethod: 'nta', volumePerVialMl: 2, storageTemperatureC: -80,
    coa: { testedOn: addDays(receivedOn, -10), laboratory: '架空検査センター（デモ）', sterility: 'pass', endotoxinEuPerMl: 0.05, endotoxin: 'pass', mycoplasma: 'pass' },
  });
  const pdf = demoCertificatePdf([
    'CERTIFICATE OF ANALYSIS - DEMO, FICTITIOUS', '', `Product: exosome preparation (demo)  Lot: ${lot.lot}`, `Tested on: ${lot.coa.testedOn}   Expiry: ${lot.expiryDate}`,
    'Particles: 1.0E10 /mL (NTA)', 'Sterility: pass', 'Endotoxin: 0.05 EU/mL - pass', 'Mycoplasma: negative - pass', '', 'Not a real product or laboratory.',
  ]);
  await insertProductLot(db, {
    id: lotId, clinic_id: clinicId, program_id: program.id, lot_key: lot.lotKey, record_json: JSON.stringify(lot), certificate_base64: pdf.toString('base64'),
    certificate_media_type: 'application/pdf', certificate_size: pdf.length, certificate_sha256: createHash('sha256').update(pdf).digest('hex'), certificate_file_name: 'COA-EXO-DEMO-2026-01.pdf',
    created_by: staff.nurseId, created_at: at(receivedOn, '15:00'), updated_at: at(receivedOn, '15:00'),
  });

  // One participant, enrolled and given two infusions from the lot.
  const patientId = createHash('sha256').update('mimamori demo exosome participant 1').digest('hex').slice(0, 32);
  const n = checkPatientInput({ nameKanji: '見本 澄子', nameKana: 'ミホン スミコ', birthDate: '1979-06-21', sex: 'female', phone: '090-0000-7101' }, { today: o.today });
  const screeningDate = addDays(o.today, -40);
  const screeningAt = at(screeningDate, '10:00');
  const notes = 'デモ用の架空の患者です（エクソソーム点滴プログラムの参加者）。 / Fictitious demo patient (exosome program participant).';
  await insertPatient(db, {
    id: patientId, clinic_id: clinicId, patient_number: formatPatientNumber(await nextCounter(db, clinicId, 'patient_number')), name_kanji: n.nameKanji, name_kana: n.nameKana,
    name_kana_norm: n.nameKanaNorm, birth_date: n.birthDate, sex: n.sex, phone: n.phone, phone_norm: n.phoneNorm, email: n.email, postal_code: n.postalCode, address: n.address,
    notes, guardians_json: JSON.stringify(n.guardians), is_demo: 1, version: 1, created_at: screeningAt, created_by: null, updated_at: screeningAt, updated_by: null,
  });
  await insertPatientVersion(db, {
    clinicId, patientId, version: 1, changedAt: screeningAt, changedBy: null,
    data: { nameKanji: n.nameKanji, nameKana: n.nameKana, birthDate: n.birthDate, sex: n.sex, phone: n.phone, email: n.email, postalCode: n.postalCode, address: n.address, notes, guardians: n.guardians },
  });
  const enrolmentId = newId();
  let enrolment: Enrolment = startScreening({ id: enrolmentId, patientId, program, at: screeningAt, by: staff.doctorId });
  const steps: EnrolmentTransition[] = [enrolment.history[0]!];
  await insertEnrolment(db, {
    id: enrolmentId, clinic_id: clinicId, patient_id: patientId, program_id: program.id, program_version: program.version, status: enrolment.status,
    history_json: JSON.stringify(enrolment.history), eligibility_json: null, consent_state_json: JSON.stringify({ status: 'not_given' }),
    enrolment_date: null, schedule_json: null, created_at: screeningAt, updated_at: screeningAt, row_version: 1,
  });
  const step = (opts: Parameters<typeof transition>[1]) => {
    const t = transition(enrolment, opts);
    enrolment = t.enrolment;
    steps.push(t.record);
  };
  const eligibility = evaluateEligibility(program, {
    screeningDate, birthDate: n.birthDate, diagnoses: ['F32.1'], scores: { phq9: 14, gad7: 11 },
    exclusions: Object.fromEntries(program.eligibility.exclusions.filter((x) => !x.icd10).map((x) => [x.id, false])),
  });
  if (eligibility.outcome !== 'eligible') throw new Error(`demo exosome participant: eligibility ${eligibility.outcome}`);
  step({ to: 'eligible', at: at(screeningDate, '10:30'), by: staff.doctorId, eligibility });
  const consentAt = at(screeningDate, '11:00');
  const doc = program.consentDocuments.find((d) => d.role === 'participant' && d.language === 'ja')!;
  const consentId = newId();
  const record = validateConsentRecord({
    id: consentId, enrolmentId, role: 'participant', signer: { kind: 'self', name: n.nameKanji }, signature: { method: 'typed', typedName: n.nameKanji }, signedAt: consentAt,
    document: { id: doc.id, version: doc.version, language: doc.language, contentHash: doc.contentHash }, questions: [],
    identity: { confirmedBy: staff.nurseId, method: 'health_insurance_card', at: consentAt }, scopes: ['secondary_research'],
  }, { program, zone });
  await insertConsent(db, { id: consentId, clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: patientId, role: record.role, record_json: JSON.stringify(record), signature_png: null, signed_at: consentAt, created_at: consentAt });
  const evaluation = evaluateConsent({ program, birthDate: n.birthDate, records: [record], zone, on: screeningDate });
  step({ to: 'consented', at: consentAt, by: staff.doctorId, consent: evaluation, evidence: { consentRecords: consentId } });
  const enrolmentDate = addDays(screeningDate, 2);
  step({ to: 'enrolled', at: at(enrolmentDate, '09:30'), by: staff.doctorId });
  const schedule = proposeSchedule({ program, enrolmentDate, isOpenDay, screeningDate });
  const sessions = schedule.items.filter((i) => i.kind === 'session' && i.date < o.today).slice(0, 2);
  const vitals = (hr: number, rr: number, time: string, date: string) => ({ systolicMmHg: 116, diastolicMmHg: 74, heartRateBpm: hr, temperatureC: 36.5, spo2Percent: 98, respiratoryRatePerMin: rr, measuredAt: at(date, time) });
  for (const s of sessions) {
    const id = newId();
    const rec = validateInfusionRecord({
      id, enrolmentId, sessionNumber: s.sessionNumber, lotId, product: lot.product, manufacturer: lot.manufacturer, lot: lot.lot, expiryDate: lot.expiryDate,
      dose: { value: 2e10, unit: 'particles' }, weightKg: 58.4, volumeMl: 102, route: 'intravenous', storageTemperatureC: -80, thawedAt: at(s.date, '09:40'),
      diluent: '生理食塩水', diluentVolumeMl: 100, rateMlPerHour: 150, premedication: 'なし',
      startedAt: at(s.date, '10:00'), endedAt: at(s.date, '10:45'),
      vitalsBefore: vitals(72, 14, '09:50', s.date), vitalsDuring: vitals(76, 16, '10:20', s.date), vitalsAfter: vitals(70, 14, '11:15', s.date),
      observation: { minutes: 30, observerId: staff.nurseId, observerName: staff.nurseName }, nurseId: staff.nurseId,
    }, { enrolmentStatus: enrolment.status, zone });
    await insertProgramSession(db, { id, clinic_id: clinicId, enrolment_id: enrolmentId, patient_id: patientId, kind: rec.kind, session_number: rec.sessionNumber, lot_key: rec.lotKey, started_at: rec.startedAt, record_json: JSON.stringify(rec), created_by: staff.nurseId, created_at: rec.endedAt });
    if (enrolment.status === 'enrolled') step({ to: 'active', at: rec.startedAt, by: staff.nurseId, evidence: { firstSession: id } });
  }
  const lastAt = steps[steps.length - 1]!.at;
  await db.updateTable('program_enrolments').set({
    status: enrolment.status, history_json: JSON.stringify(enrolment.history), eligibility_json: JSON.stringify(eligibility), consent_state_json: JSON.stringify(consentStateFrom(evaluation, [record])),
    enrolment_date: enrolmentDate, schedule_json: JSON.stringify(schedule), updated_at: lastAt, row_version: steps.length,
  }).where('clinic_id', '=', clinicId).where('id', '=', enrolmentId).execute();
  for (const r of steps) {
    await insertEnrolmentEvent(db, {
      id: newId(), clinic_id: clinicId, enrolment_id: enrolmentId, from_status: r.from, to_status: r.to, at: r.at, by_staff: r.by, reason: r.reason ?? null, evidence_json: r.evidence ? JSON.stringify(r.evidence) : null,
    });
  }
  await appendAudit(db, {
    at: now, clinicId, actorId: null, actorRole: 'demo-seed', action: 'program_enrolment.demo_seed', resource: 'program_enrolment', resourceId: enrolmentId, patientId, outcome: 'success',
    detail: `program=${program.id};status=${enrolment.status};sessions=${sessions.length};lot=${lot.lotKey}`,
  });
  return { programId: program.id, lotId };
}
