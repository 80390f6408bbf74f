import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { crisisContactsOf, saveCrisisContacts } from './crisis-contacts.ts';
import type { CrisisContact } from './default-crisis-contacts.ts';

/** The clinic's own list replaces the defaults (or its earlier list), audited; returns the list as now stored. */
export async function updateCrisisContacts(ctx: RequestContext, contacts: ReadonlyArray<CrisisContact>) {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    await saveCrisisContacts(tx, { clinicId: a.clinicId, contacts, staffId: a.staffId, now: ctx.clock().toISOString() });
    await audit(ctx, tx, { action: 'crisis_contacts.update', resource: 'crisis_contacts', detail: `n=${contacts.length}` });
  });
  return crisisContactsOf(ctx.db.db, a.clinicId);
}
