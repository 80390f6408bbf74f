import type { Selectable } from 'kysely';
import type { CredentialLinkTable } from '../schema.ts';
import type { Db } from './db.ts';

export type CredentialLinkRow = Selectable<CredentialLinkTable>;

export async function insertCredentialLink(db: Db, l: CredentialLinkRow): Promise<void> {
  await db.insertInto('credential_links').values(l).execute();
}

export async function getCredentialLink(db: Db, id: string): Promise<CredentialLinkRow | undefined> {
  return db.selectFrom('credential_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a link used; returns false when it was already used (a compare-and-swap). */
export async function useCredentialLink(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('credential_links').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Voids every open link of one staff member (a new invitation or reset replaces the old). */
export async function voidStaffLinks(db: Db, staffId: string, now: string): Promise<void> {
  await db.updateTable('credential_links').set({ used_at: now }).where('staff_id', '=', staffId).where('used_at', 'is', null).execute();
}
