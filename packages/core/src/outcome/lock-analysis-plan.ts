import { sha256Hex } from '../programs/sha256.ts';
import { canonicalJson } from '../text/canonical-json.ts';
import { parseAnalysisPlan } from './analysis-plan.ts';

/**
 * A plan object as stored for `version`: checked (`parseAnalysisPlan`), with its version set and,
 * when `lockedAt` is given, its lock time. The SHA-256 of its canonical JSON is the fingerprint a
 * data cut carries (`manifest.json` `planSha256`), so a report can show which plan it followed.
 *
 * @example
 * const { plan, sha256 } = preparePlan({ plan: draft, version: 2, lockedAt: '2026-04-01T03:00:00Z' });
 */
export function preparePlan(input: { readonly plan: unknown; readonly version: number; readonly lockedAt: string | null }): { readonly plan: Record<string, unknown>; readonly sha256: string } {
  const base = typeof input.plan === 'object' && input.plan !== null && !Array.isArray(input.plan) ? (input.plan as Record<string, unknown>) : {};
  const plan = { ...base, version: input.version, lockedAt: input.lockedAt };
  parseAnalysisPlan(plan);
  return { plan, sha256: sha256Hex(canonicalJson(plan)) };
}
