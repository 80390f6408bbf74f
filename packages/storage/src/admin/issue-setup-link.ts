import { insertCredentialLink } from '../repos/credential-link-repo.ts';
import type { Db } from '../repos/db.ts';
import { newToken, tokenId } from '../security/tokens.ts';

/** How long a one-time setup, invitation or reset link stays valid. */
export const CREDENTIAL_LINK_HOURS = 24;

/**
 * A one-time setup link for a clinic's first administrator (`clinicId` null: the first-run link of
 * an empty database, whose use also creates the clinic). Only the token's hash is stored.
 */
export async function issueSetupLink(db: Db, o: { readonly clinicId: string | null; readonly publicUrl: string; readonly now: Date }) {
  const token = newToken();
  const expiresAt = new Date(o.now.getTime() + CREDENTIAL_LINK_HOURS * 3600_000).toISOString();
  await insertCredentialLink(db, {
    id: tokenId(token), purpose: 'setup', clinic_id: o.clinicId, staff_id: null, created_by: null, created_at: o.now.toISOString(), expires_at: expiresAt, used_at: null,
  });
  return { url: `${o.publicUrl.replace(/\/$/, '')}/setup?token=${token}`, token, expiresAt };
}
