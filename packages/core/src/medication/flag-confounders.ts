import type { ConcomitantMedication, MedicationChange } from './concomitant-medication.ts';

/** An inclusive date range of the program (e.g. from the screening baseline to the week-24 visit). */
export type ProgramWindow = { readonly start: string; readonly end: string };

export type ConfounderEvent = 'started' | 'stopped' | 'dose_changed' | 'frequency_changed';

/** A medication event inside the program window that may explain part of a change in scores. */
export type ConfounderFlag = {
  readonly medicationId: string;
  readonly genericName: string;
  readonly event: ConfounderEvent;
  readonly date: string;
  readonly detail?: { readonly from?: string | number; readonly to?: string | number };
};

/**
 * Flags every start, stop, dose change or frequency change of a concomitant medicine that falls
 * inside the program window, as a possible confounder: attributing an improvement to the program
 * is weaker if, say, an antidepressant dose went up in week 3. Sorted by date.
 *
 * @example
 * flagConfounders(meds, { start: '2026-03-25', end: '2026-09-23' });
 * // [{ medicationId: 'm-1', genericName: 'セルトラリン塩酸塩', event: 'dose_changed', date: '2026-04-20', detail: { from: '50 mg', to: '75 mg' } }]
 */
export function flagConfounders(meds: ReadonlyArray<ConcomitantMedication>, window: ProgramWindow): ReadonlyArray<ConfounderFlag> {
  const inside = (d: string | undefined): d is string => d !== undefined && d >= window.start && d <= window.end;
  const flags: ConfounderFlag[] = [];
  for (const m of meds) {
    const base = { medicationId: m.id, genericName: m.genericName };
    if (inside(m.startDate)) flags.push({ ...base, event: 'started', date: m.startDate });
    if (inside(m.stopDate)) flags.push({ ...base, event: 'stopped', date: m.stopDate });
    let dose: number = m.dose;
    let unit: string = m.unit;
    let frequency: string = m.frequency;
    for (const c of m.changes as ReadonlyArray<MedicationChange>) {
      const newDose = c.dose ?? dose;
      const newUnit = c.unit ?? unit;
      const newFreq = c.frequency ?? frequency;
      if (inside(c.date)) {
        if (newDose !== dose || newUnit !== unit) {
          flags.push({ ...base, event: 'dose_changed', date: c.date, detail: { from: `${dose} ${unit}`, to: `${newDose} ${newUnit}` } });
        }
        if (newFreq !== frequency) {
          flags.push({ ...base, event: 'frequency_changed', date: c.date, detail: { from: frequency, to: newFreq } });
        }
      }
      dose = newDose;
      unit = newUnit;
      frequency = newFreq;
    }
  }
  return Object.freeze(flags.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}
