import { DomainError } from '@mimamori/core';
import { builtinScales, retiredBuiltinScales, type ScaleDefinition } from '@mimamori/core/scales/index';
import { listImportedScaleDefinitions, type Db } from '@mimamori/storage';

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * Every definition the clinic can use: the built-ins, plus what it imported. An imported
 * definition with the same id and version as a built-in replaces it (a licensed text pack).
 */
export async function clinicScaleDefinitions(db: Db, clinicId: string): Promise<ScaleDefinition[]> {
  const imported = (await listImportedScaleDefinitions(db, clinicId)).map((r) => JSON.parse(r.definition_json) as ScaleDefinition);
  const all = [...builtinScales, ...retiredBuiltinScales];
  for (const d of imported) {
    const i = all.findIndex((x) => x.id === d.id && x.version === d.version);
    if (i >= 0) all[i] = d;
    else all.push(d);
  }
  return all;
}

/** The newest version of each scale the clinic can use, in built-in order then imported. */
export async function latestClinicScales(db: Db, clinicId: string): Promise<ScaleDefinition[]> {
  const out: ScaleDefinition[] = [];
  for (const d of await clinicScaleDefinitions(db, clinicId)) {
    const i = out.findIndex((x) => x.id === d.id);
    if (i < 0) out.push(d);
    else if (compareVersions(d.version, out[i]!.version) > 0) out[i] = d;
  }
  return out;
}

/**
 * One definition: the given version, or the newest. Throws `not_found` (key `scale_unknown`)
 * when the clinic has no such scale.
 */
export async function resolveScaleDefinition(db: Db, o: { clinicId: string; scaleId: string; version?: string | null }): Promise<ScaleDefinition> {
  const all = await clinicScaleDefinitions(db, o.clinicId);
  const candidates = all.filter((d) => d.id === o.scaleId && (!o.version || d.version === o.version));
  const best = candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!best) throw new DomainError('not_found', { key: 'scale_unknown', params: { scale: o.scaleId } });
  return best;
}
