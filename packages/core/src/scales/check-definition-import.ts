import type { ScaleDefinition } from './scale-definition.ts';
import type { Issue } from '../errors/domain-error.ts';
import { canonicalJson } from '../text/canonical-json.ts';

export type ImportDecision =
  /** No definition with this id yet. */
  | 'new-scale'
  /** A newer version of a known scale. */
  | 'new-version'
  /** The same id and version with the same content: nothing to store. */
  | 'unchanged'
  /** The same id and version with the same scoring; only wording differs (a licensed text pack). */
  | 'text-update';

export type ImportCheck =
  | { readonly ok: true; readonly decision: ImportDecision }
  | { readonly ok: false; readonly issues: ReadonlyArray<Issue> };

export interface CheckDefinitionImportOptions {
  /** A definition that already passed `validateScaleDefinition`. */
  readonly candidate: ScaleDefinition;
  /** Every stored definition (all ids and versions), built-ins included. */
  readonly existing: ReadonlyArray<ScaleDefinition>;
}

/** Everything that affects scores, bands, flags or change, i.e. the definition without wording. */
function scoringFingerprint(d: ScaleDefinition): string {
  const { instructions: _i, textSource: _t, licence, items, ...rest } = d;
  const { textIncluded: _x, ...licenceRest } = licence;
  return canonicalJson({
    ...rest,
    licence: licenceRest,
    items: items.map(({ text: _text, options, ...item }) => ({ ...item, options: options.map(({ label: _l, ...o }) => o) })),
  });
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * Whether a validated definition may be stored next to the existing ones. Stored scores name a
 * definition id and version, so a version's scoring must never change: re-importing the same
 * version with other bands, options or rules is refused (edit → new version), and a version older
 * than the newest stored one is refused. Wording-only changes (a licensed text pack) keep the
 * version.
 *
 * @example
 * checkDefinitionImport({ candidate: edited, existing: [...builtinScales, ...stored] });
 * // { ok: false, issues: [{ path: 'version', key: 'scale.version_conflict.already_exists_with', params: { id, version } }] }
 */
export function checkDefinitionImport(options: CheckDefinitionImportOptions): ImportCheck {
  const { candidate, existing } = options;
  const sameId = existing.filter((d) => d.id === candidate.id);
  if (sameId.length === 0) return { ok: true, decision: 'new-scale' };
  const same = sameId.find((d) => d.version === candidate.version);
  if (same) {
    if (canonicalJson(same) === canonicalJson(candidate)) return { ok: true, decision: 'unchanged' };
    if (scoringFingerprint(same) === scoringFingerprint(candidate)) return { ok: true, decision: 'text-update' };
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          key: 'scale.version_conflict.already_exists_with',
          params: { id: candidate.id, version: candidate.version },
        },
      ],
    };
  }
  const newest = sameId.map((d) => d.version).sort(compareVersions).at(-1) as string;
  if (compareVersions(candidate.version, newest) < 0) {
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          key: 'scale.version_not_newer.already_version_import',
          params: { id: candidate.id, newest, version: candidate.version },
        },
      ],
    };
  }
  return { ok: true, decision: 'new-version' };
}
