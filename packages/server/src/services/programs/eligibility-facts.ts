import { intakeExclusionFindings } from '@mimamori/core/intake/program-intake-sections';
import { listAlerts, listPatientIntakes, type Db } from '@mimamori/storage';

/** Alert kinds about suicide or self-harm: PHQ-9 item 9 and the like, and marked intake answers. */
const RISK_ALERT_KINDS: ReadonlyArray<string> = ['suicidality', 'self_harm'];

/**
 * Facts for eligibility that the record decides, not a tick: how many suicide/self-harm alerts are
 * still open on the patient, and the exclusions the patient's latest submitted WEB問診 reports
 * (pregnancy, seizures, implants — only a reported condition counts).
 */
export async function eligibilityFacts(db: Db, o: { readonly clinicId: string; readonly patientId: string }) {
  const open = await listAlerts(db, { clinicId: o.clinicId, patientId: o.patientId, open: true, limit: 500 });
  const openRiskAlerts = open.filter((a) => RISK_ALERT_KINDS.includes(a.kind)).length;
  const intake = (await listPatientIntakes(db, o.clinicId, o.patientId)).find((i) => i.status === 'submitted');
  const intakeFindings = intake ? intakeExclusionFindings(JSON.parse(intake.values_json) as Record<string, unknown>) : {};
  return { openRiskAlerts, intakeFindings };
}
