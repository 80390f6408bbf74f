import { DomainError, isDomainError, type Issue } from '@mimamori/core';
import { normaliseRegistrationNumber } from '@mimamori/core/billing/index';
import { checkClinicFacts, type ClinicFacts } from '@mimamori/core/scheduling/index';
import { getClinic, saveClinicContact, updateClinicSettings, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { loadClinicScheduling, writeSchedulingTx } from '../scheduling/scheduling-context.ts';

/** The clinic's own facts as the clinic facts screen shows and edits them. */
export interface ClinicFactsView extends ClinicFacts {
  /** The 適格請求書発行事業者 registration number kept with the statement settings, or null. */
  readonly registrationNumber: string | null;
}

async function factsOf(ctx: RequestContext, db: Db, clinicId: string): Promise<ClinicFactsView> {
  const cfg = await loadClinicScheduling(ctx, db, clinicId);
  const clinic = await getClinic(db, clinicId);
  const billing = (clinic?.settings.billing ?? {}) as { registrationNumber?: string | null };
  return { name: cfg.clinicName, address: cfg.clinicAddress, phone: cfg.clinicPhone, registrationNumber: billing.registrationNumber ?? null };
}

/**
 * The clinic's name, address, phone and registration number: one source for booking mails and
 * messages, the public page and statements (name on the clinic row, phone and address with the
 * scheduling settings, the registration number with the statement settings).
 */
export async function readClinicFacts(ctx: RequestContext): Promise<ClinicFactsView> {
  return factsOf(ctx, ctx.db.db, requireStaff(ctx).clinicId);
}

/**
 * Saves the clinic's facts (administrator): every problem reported at once in the reader's
 * language (400 `clinic.facts_invalid`), nothing written unless all are right; audited.
 */
export async function saveClinicFacts(
  ctx: RequestContext,
  input: { readonly name: string; readonly address: string; readonly phone: string; readonly registrationNumber?: string },
): Promise<ClinicFactsView> {
  const actor = requireStaff(ctx);
  const issues: Issue[] = [];
  let facts: ClinicFacts | undefined;
  try {
    facts = checkClinicFacts(input);
  } catch (err) {
    if (!isDomainError(err) || err.code !== 'validation') throw err;
    issues.push(...err.issues);
  }
  const typed = input.registrationNumber?.trim();
  const registrationNumber = typed === undefined || typed === '' ? null : normaliseRegistrationNumber(typed);
  if (typed && registrationNumber === null) issues.push({ path: 'registrationNumber', key: 'clinic.registration_number' });
  if (issues.length > 0 || !facts) throw new DomainError('validation', { key: 'clinic.facts_invalid', issues });
  const checked = facts;
  await writeSchedulingTx(ctx, async (tx) => {
    await loadClinicScheduling(ctx, tx, actor.clinicId);
    await saveClinicContact(tx, { clinicId: actor.clinicId, name: checked.name, phone: checked.phone, address: checked.address });
    if (typed !== undefined) {
      const clinic = await getClinic(tx, actor.clinicId);
      await updateClinicSettings(tx, actor.clinicId, { billing: { ...((clinic?.settings.billing ?? {}) as object), registrationNumber } });
    }
    await audit(ctx, tx, {
      action: 'clinic.facts.update',
      resource: 'clinic',
      resourceId: actor.clinicId,
      clinicId: actor.clinicId,
      detail: `phone=${checked.phone ? 1 : 0};address=${checked.address ? 1 : 0};registered=${registrationNumber ? 1 : 0}`,
    });
  });
  return readClinicFacts(ctx);
}
