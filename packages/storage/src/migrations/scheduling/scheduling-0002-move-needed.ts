import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * `appointments.move_reason`: set when the clinic closed the appointment's time (a 臨時休診 saved with
 * "keep for reception to move"); reception sees it on the lists until the appointment is moved.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appointments').addColumn('move_reason', 'text').execute();
}

export const scheduling0002: Migration = { id: 'scheduling-0002-move-needed', up };
