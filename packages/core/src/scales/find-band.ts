import { DomainError } from '../errors/domain-error.ts';
import type { Band, ScaleDefinition } from './scale-definition.ts';

/**
 * The band of a total in a band set (default: the definition's default set). Bands are inclusive
 * ranges checked on import to be contiguous, so every total in the scale's range has exactly one
 * band. Returns null for a total outside every band, or for triage scales (no numeric bands).
 *
 * @example
 * findBand(phq9, 14)?.id; // 'moderate'
 * findBand(epds, 10, 'uk')?.id; // 'below_threshold'
 */
export function findBand(definition: ScaleDefinition, total: number, bandSetId?: string): Band | null {
  const id = bandSetId ?? definition.defaultBandSet;
  if (id === undefined) return null;
  const set = definition.bandSets.find((s) => s.id === id);
  if (!set) {
    throw new DomainError('validation', {
      key: 'scale_band_set_unknown',
      params: { bandSet: id, scale: definition.id },
      message: `${definition.shortName} has no band set "${id}" / ${definition.shortName} に区分セット「${id}」はありません`,
    });
  }
  return set.bands.find((b) => b.min !== undefined && b.max !== undefined && total >= b.min && total <= b.max) ?? null;
}
