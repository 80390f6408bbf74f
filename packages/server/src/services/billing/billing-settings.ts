import { DomainError } from '@mimamori/core';
import { normaliseRegistrationNumber, type StatementIssuer, type TaxRounding } from '@mimamori/core/billing/index';
import { getClinic, getSchedulingConfig, saveClinicContact, updateClinicSettings, type Db } from '@mimamori/storage';
import { loadClinicScheduling } from '../scheduling/scheduling-context.ts';
import { appState } from '../../app-state.ts';
import { audit } from '../../audit/audit.ts';
import { actorClinicId, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';

/** A clinic's statement settings (kept in its settings under `billing`). */
export interface BillingSettings {
  readonly address: string;
  readonly phone: string;
  /** `T` + 13 digits, or null when the clinic is not a registered qualified-invoice issuer. */
  readonly registrationNumber: string | null;
  readonly rounding: TaxRounding;
}

const DEFAULTS: BillingSettings = { address: '', phone: '', registrationNumber: null, rounding: 'floor' };

/**
 * The clinic's time zone, name and statement settings. The address and phone are the clinic's
 * facts (kept with its scheduling settings, edited on the clinic facts screen), so a statement and a
 * booking mail never disagree; older statement settings that stored their own are read only when
 * the clinic has none.
 */
export async function billingClinic(db: Db, clinicId: string): Promise<{ readonly zone: string; readonly name: string; readonly settings: BillingSettings }> {
  const c = await getClinic(db, clinicId);
  if (!c) throw new DomainError('not_found');
  const s = { ...DEFAULTS, ...((c.settings.billing ?? {}) as Partial<BillingSettings>) };
  const facts = await getSchedulingConfig(db, clinicId, c.timeZone);
  const address = facts?.clinicAddress || s.address;
  const phone = facts?.clinicPhone || s.phone;
  return { zone: c.timeZone, name: c.name, settings: { ...s, address, phone } };
}

export function issuerOf(c: { readonly name: string; readonly settings: BillingSettings }): StatementIssuer {
  return { name: c.name, address: c.settings.address, phone: c.settings.phone, registrationNumber: c.settings.registrationNumber };
}

export async function getBillingSettings(ctx: RequestContext): Promise<BillingSettings> {
  return (await billingClinic(ctx.db.db, actorClinicId(ctx))).settings;
}

/**
 * Changes the statement settings (admin). The registration number must be `T` + 13 digits (typed
 * forms such as full-width digits are normalised); an empty one means "not registered".
 */
export async function saveBillingSettings(ctx: RequestContext, input: { readonly address: string; readonly phone: string; readonly registrationNumber: string; readonly rounding: TaxRounding }): Promise<BillingSettings> {
  const clinicId = actorClinicId(ctx);
  const typed = input.registrationNumber.trim();
  const registrationNumber = typed === '' ? null : normaliseRegistrationNumber(typed);
  if (typed !== '' && registrationNumber === null) {
    throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'registrationNumber', key: 'billing.registration_number' }] });
  }
  const settings: BillingSettings = { address: input.address.trim(), phone: input.phone.trim(), registrationNumber, rounding: input.rounding };
  await writeTx(ctx, async (tx) => {
    // The address and phone are the clinic's facts: saved where booking mails and the public page read them.
    await loadClinicScheduling(ctx, tx, clinicId);
    await saveClinicContact(tx, { clinicId, phone: settings.phone, address: settings.address === '' ? null : settings.address });
    await updateClinicSettings(tx, clinicId, { billing: settings });
    await audit(ctx, tx, { action: 'billing.settings', resource: 'clinic', resourceId: clinicId, detail: `registered=${registrationNumber ? 1 : 0};rounding=${settings.rounding}` });
  });
  appState(ctx).scheduling.invalidate();
  return settings;
}
