import { DomainError } from '@mimamori/core';
import { normaliseRegistrationNumber, type StatementIssuer, type TaxRounding } from '@mimamori/core/billing/index';
import { getClinic, updateClinicSettings, type Db } from '@mimamori/storage';
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

/** The clinic's time zone, name and statement settings. */
export async function billingClinic(db: Db, clinicId: string): Promise<{ readonly zone: string; readonly name: string; readonly settings: BillingSettings }> {
  const c = await getClinic(db, clinicId);
  if (!c) throw new DomainError('not_found');
  const s = (c.settings.billing ?? {}) as Partial<BillingSettings>;
  return { zone: c.timeZone, name: c.name, settings: { ...DEFAULTS, ...s } };
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
    await updateClinicSettings(tx, clinicId, { billing: settings });
    await audit(ctx, tx, { action: 'billing.settings', resource: 'clinic', resourceId: clinicId, detail: `registered=${registrationNumber ? 1 : 0};rounding=${settings.rounding}` });
  });
  return settings;
}
