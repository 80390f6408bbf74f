import { z } from 'zod';
import { FORBIDDEN_CONTROL, FORBIDDEN_SINGLE_LINE } from '../http/malformed-text.ts';

/**
 * A text field. Every string is already checked for control characters and ill-formed Unicode
 * before validation (`http/malformed-text.ts`); a single-line field also refuses tab and line breaks.
 */
export function text(max: number, options: { multiline?: boolean; min?: number } = {}) {
  const re = options.multiline ? FORBIDDEN_CONTROL : FORBIDDEN_SINGLE_LINE;
  return z
    .string()
    .min(options.min ?? 0)
    .max(max)
    .refine((s) => !re.test(s), { message: 'control_characters' });
}

export const loginIdSchema = z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, { message: 'invalid_login_id' });
export const passwordSchema = z.string().min(1).max(512);
export const totpCodeSchema = z.string().regex(/^\d{6}$/, { message: 'invalid_type' });
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'invalid_type' });
export const idSchema = z.string().regex(/^[a-f0-9]{32}$/, { message: 'invalid_type' });

/** A real calendar date written as YYYY-MM-DD. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, { message: 'invalid_date' });

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).passthrough(),
});

export const sessionResponse = z.object({
  user: z.object({ id: z.string(), loginId: z.string(), displayName: z.string(), role: z.string(), clinicId: z.string(), clinicName: z.string() }),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  idleExpiresAt: z.string(),
  absoluteExpiresAt: z.string(),
  breakGlass: z.object({ id: z.string(), reason: z.string(), startedAt: z.string(), expiresAt: z.string() }).nullable(),
});

export const enrolmentResponse = z.object({ enrolment: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }) });
