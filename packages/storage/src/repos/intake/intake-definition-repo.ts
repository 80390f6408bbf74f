import type { Selectable } from 'kysely';
import type { IntakeDefinitionTable } from '../../schema/intake-tables.ts';
import type { Db } from '../db.ts';

export type IntakeDefinitionRow = Selectable<IntakeDefinitionTable>;

/** Stores a published version. The unique (clinic, form, version) key refuses a second publish of the same version. */
export async function insertIntakeDefinition(db: Db, row: IntakeDefinitionRow): Promise<void> {
  await db.insertInto('intake_definitions').values(row).execute();
}

/** The highest published version of a clinic's form, or undefined before the first is seeded. */
export async function getLatestIntakeDefinition(db: Db, clinicId: string, formId: string): Promise<IntakeDefinitionRow | undefined> {
  return db
    .selectFrom('intake_definitions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('form_id', '=', formId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function getIntakeDefinitionVersion(db: Db, clinicId: string, formId: string, version: number): Promise<IntakeDefinitionRow | undefined> {
  return db
    .selectFrom('intake_definitions')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Every published version of a form, oldest first (readers pick the version the answers name). */
export async function listIntakeDefinitionVersions(db: Db, clinicId: string, formId: string): Promise<IntakeDefinitionRow[]> {
  return db.selectFrom('intake_definitions').selectAll().where('clinic_id', '=', clinicId).where('form_id', '=', formId).orderBy('version', 'asc').execute();
}
