import { z } from 'zod';

/** Item id → answer. Values are checked by the core (so a wrong type gets the scale's own message). */
export const answersSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'invalid_type' }), z.union([z.number(), z.string().max(100), z.boolean(), z.null()]))
  .refine((o) => Object.keys(o).length <= 300, { message: 'too_big' });

export const scaleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'invalid_type' });

export const crisisContactSchema = z.strictObject({
  nameJa: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  phone: z.string().regex(/^[0-9#+\-() ]{2,30}$/, { message: 'invalid_phone' }).nullable(),
  url: z.string().url().max(500).refine((u) => u.startsWith('https://'), { message: 'invalid_type' }).nullable(),
  hoursJa: z.string().max(300).nullable(),
  hoursEn: z.string().max(300).nullable(),
  source: z.string().max(500).nullable(),
  uncertain: z.boolean(),
  audience: z.enum(['all', 'adult', 'child']).default('all'),
  checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' }).nullable().default(null),
});
