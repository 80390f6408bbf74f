import type { Migration } from '../migration.ts';
import { billing0001 } from './billing-0001-billing.ts';

/** Migrations of self-pay billing, ids 'billing-NNNN-…'. Append only. */
export const billingMigrations: ReadonlyArray<Migration> = [billing0001];
