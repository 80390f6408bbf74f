import type { Insertable, Selectable } from 'kysely';
import type { ScaleDefinitionTable } from '../../schema/scales-tables.ts';
import type { Db } from '../db.ts';

export type ScaleDefinitionRow = Selectable<ScaleDefinitionTable>;

/** Every definition the clinic imported (all ids and versions), oldest first. */
export async function listImportedScaleDefinitions(db: Db, clinicId: string): Promise<ScaleDefinitionRow[]> {
  return db.selectFrom('scale_definitions').selectAll().where('clinic_id', '=', clinicId).orderBy('imported_at').orderBy('id').execute();
}

export async function insertScaleDefinition(db: Db, row: Insertable<ScaleDefinitionTable>): Promise<void> {
  await db.insertInto('scale_definitions').values(row).execute();
}

/** Replaces the stored JSON of one id and version (a licensed text pack: the scoring is unchanged). */
export async function replaceScaleDefinitionText(db: Db, o: { clinicId: string; scaleId: string; version: string; definitionJson: string; importedBy: string | null; now: string }): Promise<boolean> {
  const r = await db
    .updateTable('scale_definitions')
    .set({ definition_json: o.definitionJson, imported_by: o.importedBy, imported_at: o.now })
    .where('clinic_id', '=', o.clinicId)
    .where('scale_id', '=', o.scaleId)
    .where('version', '=', o.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
