import { enqueueMail, getClinic, getPatient, markMailFailed, newId, type Db, type OutboxRow } from '@mimamori/storage';

/**
 * Ends a LINE message that cannot be delivered (LINE refused it for good, the monthly quota is
 * used up, the patient blocked the account or the clinic turned LINE off) and sends its text by
 * mail instead — unless the patient gets the mail of the same event anyway (preference `both`), or
 * has no address (then the failure stays visible to staff with its reason). Returns whether a mail
 * was queued.
 */
export async function fallBackToMail(tx: Db, o: { row: OutboxRow; reason: string; now: string }): Promise<boolean> {
  const { row } = o;
  const mailed = await mailAddressFor(tx, row);
  const baseKey = row.dedupe_key && /:line:[0-9a-f]{32}$/.test(row.dedupe_key) ? row.dedupe_key.replace(/:line:[0-9a-f]{32}$/, '') : null;
  const twin = baseKey ? await tx.selectFrom('outbox').select('id').where('dedupe_key', '=', baseKey).executeTakeFirst() : undefined;
  let queued = false;
  let note = '';
  if (twin) note = ' → mail sent separately';
  else if (!mailed) note = ' → no mail address';
  else {
    const clinic = await getClinic(tx, row.clinic_id);
    queued = await enqueueMail(tx, {
      id: newId(), clinicId: row.clinic_id, patientId: row.patient_id, kind: row.kind, to: mailed,
      subject: `${clinic?.name ?? ''}からのお知らせ / A message from ${clinic?.name ?? ''}`, text: row.body_text,
      // One fallback mail per event, even when a patient's and a guardian's LINE both failed.
      dedupeKey: `line-fallback:${baseKey ?? row.id}`, notBefore: o.now, now: o.now, fallbackOf: row.id,
    });
    note = ' → sent by mail';
  }
  await markMailFailed(tx, row.id, { error: `${o.reason}${note}`, nextAttemptAt: o.now, giveUp: true });
  return queued;
}

async function mailAddressFor(tx: Db, row: OutboxRow): Promise<string | null> {
  if (!row.patient_id) return null;
  const patient = await getPatient(tx, row.clinic_id, row.patient_id);
  if (!patient) return null;
  const link = await tx.selectFrom('line_links').select('as_guardian').where('clinic_id', '=', row.clinic_id).where('line_user_id', '=', row.to_address).executeTakeFirst();
  const guardians = JSON.parse(patient.guardians_json) as ReadonlyArray<{ email?: string | null }>;
  const guardianMail = guardians.find((g) => g.email)?.email ?? null;
  return link?.as_guardian === 1 ? (guardianMail ?? patient.email) : (patient.email ?? guardianMail);
}
