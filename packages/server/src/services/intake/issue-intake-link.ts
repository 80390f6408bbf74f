import { insertIntake, newId, type Db, type IntakeRow } from '@mimamori/storage';
import { queuePatientMessage, type LineNoticeParts } from '../line/enqueue-patient-message.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { issuePatientLink, type IssuedPatientLink } from '../patient-link-service.ts';
import { newIntakeRow } from './new-intake-row.ts';

/** Patient-link purpose of intake links; the session's resource id is the intake id. */
export const INTAKE_LINK_PURPOSE = 'intake';
/** A link may be reopened (resume on another device) this many times until it expires. */
export const INTAKE_LINK_MAX_USES = 50;

export interface IntakeLinkRequest {
  readonly clinicId: string;
  readonly patientId: string;
  /** The patient's unfinished intake of this kind, reused so that nothing already typed is lost. */
  readonly open: IntakeRow | undefined;
  /** What a new intake is (when there is no open one to reuse). */
  readonly fresh: Omit<Parameters<typeof newIntakeRow>[0], 'clinicId' | 'patientId' | 'createdBy'>;
  /** The reused intake's new columns (its expiry, the visit it is for). */
  readonly reopen: Partial<Pick<IntakeRow, 'expires_at' | 'appointment_id'>>;
  /** When the link stops working. */
  readonly linkExpiresAt: string;
  /** Where the link is mailed; null: no address (LINE may still carry it). */
  readonly to: string | null;
  /**
   * Whether the link is sent to the patient at all (false: staff hand it over). When it is and
   * neither mail nor LINE can carry it, the outbox records it as undeliverable for staff to see.
   */
  readonly send: boolean;
  /** The mail's subject and text for the issued link. */
  readonly mail: (link: IssuedPatientLink) => { readonly subject: string; readonly text: string };
  /**
   * Also by LINE, as the patient prefers (`services/line/enqueue-patient-message.ts`), to the holder
   * named (the adolescent's own link only to the patient's own LINE, never a guardian's); absent: mail only.
   */
  readonly line?: Pick<LineNoticeParts, 'for'>;
  /** Words for the audit row, e.g. `adolescent; message queued`. */
  readonly auditDetail: (delivery: IssuedIntakeLink['delivery']) => string;
}

/** The audit row's words for what became of the link's message. */
export function deliveryWords(delivery: IssuedIntakeLink['delivery']): string {
  return delivery === 'queued' ? 'mail queued' : delivery === 'no_channel' ? 'no address and no LINE' : 'no mail';
}

export interface IssuedIntakeLink {
  readonly intakeId: string;
  /** True when an unfinished intake of this patient was reused (its answers are kept). */
  readonly reused: boolean;
  /** True when the reused intake already held answers (then, and only then, staff are told they were kept). */
  readonly answersKept: boolean;
  readonly link: IssuedPatientLink;
  /** False when nothing was queued (no address and no LINE, or no message asked for). */
  readonly mailQueued: boolean;
  /** `no_channel`: a message was asked for but the patient has neither an address nor an active LINE link. */
  readonly delivery: 'queued' | 'duplicate' | 'no_channel' | 'not_sent';
  readonly status: string;
}

/**
 * The one way an intake link goes out (the guardian's or patient's intake, and the adolescent's
 * own): reuse the open intake or store a new one, issue a reusable patient link (purpose `intake`,
 * resource = the intake), queue the mail with a discreet subject, and audit — all in the caller's
 * transaction `tx`.
 */
export async function issueIntakeLink(ctx: RequestContext, tx: Db, o: IntakeLinkRequest): Promise<IssuedIntakeLink> {
  const now = ctx.clock().toISOString();
  const createdBy = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
  let intake: IntakeRow;
  if (o.open) {
    intake = o.open;
    await tx.updateTable('intakes').set({ ...o.reopen, updated_at: now }).where('clinic_id', '=', o.clinicId).where('id', '=', o.open.id).execute();
  } else {
    intake = newIntakeRow({ ...o.fresh, clinicId: o.clinicId, patientId: o.patientId, createdBy });
    await insertIntake(tx, intake);
  }
  const link = await issuePatientLink(ctx, tx, {
    clinicId: o.clinicId, patientId: o.patientId, purpose: INTAKE_LINK_PURPOSE, resourceId: intake.id, expiresAt: o.linkExpiresAt,
    maxUses: INTAKE_LINK_MAX_USES, createdBy,
  });
  let delivery: IssuedIntakeLink['delivery'] = 'not_sent';
  if (o.send) {
    const m = o.mail(link);
    delivery = await queuePatientMessage(tx, {
      id: newId(), clinicId: o.clinicId, patientId: o.patientId, kind: 'intake_link', to: o.to ?? '', subject: m.subject, text: m.text,
      ...(o.line ? { line: { url: link.url, ...o.line } } : {}),
      // One mail per issued link: re-sending issues a new link, so a retried request never mails twice.
      dedupeKey: `intake:${intake.id}:${link.token.slice(0, 16)}`, notBefore: now, now,
    });
  }
  const mailQueued = delivery === 'queued';
  await audit(ctx, tx, {
    action: o.open ? 'intake.resend' : 'intake.send', resource: 'intake', resourceId: intake.id, patientId: o.patientId, clinicId: o.clinicId,
    // A patient booking a first visit online: this row has named no role so far (kept as it was).
    ...(ctx.actor.kind === 'patient' ? { actorRole: null } : {}),
    detail: o.auditDetail(delivery),
  });
  const answersKept = Boolean(o.open) && Object.keys(JSON.parse(intake.values_json) as Record<string, unknown>).length > 0;
  return { intakeId: intake.id, reused: Boolean(o.open), answersKept, link, mailQueued, delivery, status: intake.status };
}
