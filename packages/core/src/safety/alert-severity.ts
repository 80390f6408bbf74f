import type { SafetyFlag } from '../scales/evaluate-safety.ts';
import type { SeriousnessCriterion } from './adverse-event.ts';

/**
 * How soon someone must look at a safety alert.
 * - `urgent`: now, whatever the hour — sent at once to whoever is on call, escalated when nobody acknowledges.
 * - `high`: the same clinic day — sent in the next open hour.
 * - `review`: read with the record (a phrase in free text); never sent outside the staff app.
 */
export type AlertSeverity = 'urgent' | 'high' | 'review';

export const ALERT_SEVERITIES: ReadonlyArray<AlertSeverity> = ['urgent', 'high', 'review'];

const RANK: Readonly<Record<AlertSeverity, number>> = { urgent: 3, high: 2, review: 1 };

/**
 * The more pressing of two severities.
 *
 * @example
 * higherSeverity('high', 'urgent'); // 'urgent'
 */
export function higherSeverity(a: AlertSeverity, b: AlertSeverity): AlertSeverity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** True when `a` is strictly more pressing than `b`. */
export function isMoreSevere(a: AlertSeverity, b: AlertSeverity): boolean {
  return RANK[a] > RANK[b];
}

/**
 * The severity of one scale flag: a rule marked `urgent` in the scale's definition is `urgent`
 * (PHQ-9 item 9 ≥ 2, QIDS-SR16 item 12 ≥ 2, HAM-D item 3 ≥ 3, …); any other safety rule
 * (`alert`, e.g. PHQ-9 item 9 = 1) is `high`. The thresholds live with each scale's definition.
 *
 * @example
 * scaleFlagSeverity({ id: 'suicidality', severity: 'alert', item: 'q9', score: 1 }); // 'high'
 */
export function scaleFlagSeverity(flag: Pick<SafetyFlag, 'severity'>): AlertSeverity {
  return flag.severity === 'urgent' ? 'urgent' : 'high';
}

/** One alert per kind: every suicidality flag of a response is one alert, at the highest severity. */
export interface ScaleAlert {
  readonly kind: string;
  readonly severity: AlertSeverity;
  readonly flags: ReadonlyArray<SafetyFlag>;
}

/**
 * Groups a response's safety flags into the alerts to raise: `suicidality` and `suicidality_urgent`
 * are one `suicidality` alert at the higher severity; other flag ids are their own kind. The flag
 * that decided the severity comes first.
 *
 * @example
 * scaleAlertsOf([{ id: 'suicidality', severity: 'alert', item: 'q9', score: 2 }, { id: 'suicidality_urgent', severity: 'urgent', item: 'q9', score: 2 }]);
 * // [{ kind: 'suicidality', severity: 'urgent', flags: [urgent flag, alert flag] }]
 */
export function scaleAlertsOf(flags: ReadonlyArray<SafetyFlag>): ReadonlyArray<ScaleAlert> {
  const byKind = new Map<string, SafetyFlag[]>();
  for (const f of flags) {
    const kind = f.id.startsWith('suicid') ? 'suicidality' : f.id;
    byKind.set(kind, [...(byKind.get(kind) ?? []), f]);
  }
  return [...byKind.entries()].map(([kind, fs]) => {
    const sorted = [...fs].sort((a, b) => RANK[scaleFlagSeverity(b)] - RANK[scaleFlagSeverity(a)]);
    return { kind, severity: scaleFlagSeverity(sorted[0]!), flags: sorted };
  });
}

/**
 * The severity of a serious adverse event's alert: death or a life-threatening event is `urgent`
 * (the events with the shortest expedited-reporting clock under 臨床研究法); every other serious
 * event is `high`.
 *
 * @example
 * saeSeverity(['hospitalisation']); // 'high'
 */
export function saeSeverity(criteria: ReadonlyArray<SeriousnessCriterion | string>): AlertSeverity {
  return criteria.includes('death') || criteria.includes('life_threatening') ? 'urgent' : 'high';
}

/**
 * The severity an alert stored before these levels existed gets: `critical` was urgent; a `high`
 * suicidality alert is urgent when its summary records a PHQ-9 item-9 score of 2 or more (the rule
 * of today); everything else stays `high`.
 *
 * @example
 * legacyAlertSeverity('high', { key: 'alert_scale_safety', params: { scale: 'PHQ-9', item: 'q9', score: 3 } }); // 'urgent'
 */
export function legacyAlertSeverity(severity: string, summary: { readonly key?: string; readonly params?: Readonly<Record<string, unknown>> } | null): AlertSeverity {
  if (severity === 'critical' || severity === 'urgent') return 'urgent';
  if (severity === 'review') return 'review';
  const p = summary?.params;
  if (p && p.scale === 'PHQ-9' && p.item === 'q9' && typeof p.score === 'number' && p.score >= 2) return 'urgent';
  return 'high';
}
