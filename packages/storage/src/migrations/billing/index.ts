import type { Migration } from '../migration.ts';
import { billing0001 } from './billing-0001-billing.ts';
import { billing0002 } from './billing-0002-documents-issued.ts';

/** Migrations of self-pay billing, ids 'billing-NNNN-…'. Append only. */
export const billingMigrations: ReadonlyArray<Migration> = [billing0001, billing0002];
