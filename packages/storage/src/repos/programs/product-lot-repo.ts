import type { Selectable } from 'kysely';
import type { ProgramProductLotTable } from '../../schema/programs-tables.ts';
import type { Db } from '../db.ts';

export type ProductLotRow = Selectable<ProgramProductLotTable>;
/** A lot without its file: what lists and checks read. */
export type ProductLotSummaryRow = Omit<ProductLotRow, 'certificate_base64'>;

const SUMMARY = [
  'id', 'clinic_id', 'program_id', 'lot_key', 'record_json', 'certificate_media_type', 'certificate_size', 'certificate_sha256', 'certificate_file_name',
  'created_by', 'created_at', 'updated_at',
] as const;

export async function insertProductLot(db: Db, row: ProductLotRow): Promise<void> {
  await db.insertInto('program_product_lots').values(row).execute();
}

/** The lots of a program (or of every program), newest first, without their files. */
export async function listProductLots(db: Db, o: { readonly clinicId: string; readonly programId?: string }): Promise<ProductLotSummaryRow[]> {
  let q = db.selectFrom('program_product_lots').select(SUMMARY).where('clinic_id', '=', o.clinicId);
  if (o.programId) q = q.where('program_id', '=', o.programId);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function getProductLot(db: Db, clinicId: string, id: string): Promise<ProductLotSummaryRow | undefined> {
  return db.selectFrom('program_product_lots').select(SUMMARY).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** The certificate file of a lot (base64), with its type and name. */
export async function getProductLotCertificate(db: Db, clinicId: string, id: string) {
  return db.selectFrom('program_product_lots')
    .select(['id', 'program_id', 'lot_key', 'certificate_base64', 'certificate_media_type', 'certificate_file_name', 'certificate_sha256'])
    .where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** Attaches (or replaces) the certificate file of a lot. */
export async function setProductLotCertificate(db: Db, o: {
  readonly clinicId: string; readonly id: string; readonly base64: string; readonly mediaType: string; readonly size: number; readonly sha256: string; readonly fileName: string; readonly now: string;
}): Promise<number> {
  const r = await db.updateTable('program_product_lots')
    .set({ certificate_base64: o.base64, certificate_media_type: o.mediaType, certificate_size: o.size, certificate_sha256: o.sha256, certificate_file_name: o.fileName, updated_at: o.now })
    .where('clinic_id', '=', o.clinicId).where('id', '=', o.id).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
