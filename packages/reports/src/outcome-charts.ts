import type { OutcomeReport } from '@mimamori/core/outcome/index';

import { escapeXml } from './escape-xml.ts';

// Re-exported: the outcome report's HTML takes it from this module.
export { escapeXml };

const n2 = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * Individual trajectories (thin lines, baseline then each visit) with the model's mean and 95 % CI
 * at each visit (mean baseline + estimated change), as an inline SVG.
 */
export function trajectorySvg(report: OutcomeReport, labels: { readonly title: string; readonly baseline: string; readonly mean: string }): string {
  const W = 640, H = 300, L = 44, R = 16, T = 28, B = 36;
  const xs = ['baseline', ...report.visits];
  const values = report.trajectories.flatMap((t) => [t.baseline, ...t.totals]).filter((v): v is number => v !== null);
  const means = report.model ? report.perVisit.map((v) => ({ visit: v.visit, lo: report.model!.meanBaseline + v.ci95[0], mid: report.model!.meanBaseline + v.estimate, hi: report.model!.meanBaseline + v.ci95[1] })) : [];
  const all = [...values, ...means.flatMap((m) => [m.lo, m.hi])];
  const ymin = Math.min(0, ...all);
  const ymax = Math.max(1, ...all);
  const x = (i: number) => L + (i * (W - L - R)) / Math.max(1, xs.length - 1);
  const y = (v: number) => T + ((ymax - v) * (H - T - B)) / (ymax - ymin || 1);
  const lines = report.trajectories.slice(0, 2000).map((t) => {
    const pts = [t.baseline, ...t.totals].map((v, i) => (v === null ? null : `${n2(x(i))},${n2(y(v))}`)).filter((p) => p !== null);
    return pts.length > 1 ? `<polyline points="${pts.join(' ')}" fill="none" stroke="#9aa5b1" stroke-width="1" opacity="0.5"/>` : '';
  }).join('');
  const meanPts = report.model ? [`${n2(x(0))},${n2(y(report.model.meanBaseline))}`, ...means.map((m) => `${n2(x(xs.indexOf(m.visit)))},${n2(y(m.mid))}`)] : [];
  const bars = means.map((m) => { const cx = n2(x(xs.indexOf(m.visit))); return `<line x1="${cx}" x2="${cx}" y1="${n2(y(m.lo))}" y2="${n2(y(m.hi))}" stroke="#0b4f8a" stroke-width="2"/><circle cx="${cx}" cy="${n2(y(m.mid))}" r="4" fill="#0b4f8a"/>`; }).join('');
  const ticks = [ymin, (ymin + ymax) / 2, ymax].map((v) => `<text x="${L - 6}" y="${n2(y(v) + 4)}" text-anchor="end" font-size="11">${n2(v)}</text><line x1="${L}" x2="${W - R}" y1="${n2(y(v))}" y2="${n2(y(v))}" stroke="#e4e7eb"/>`).join('');
  const xl = xs.map((v, i) => `<text x="${n2(x(i))}" y="${H - 14}" text-anchor="middle" font-size="11">${escapeXml(v === 'baseline' ? labels.baseline : v)}</text>`).join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeXml(labels.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(labels.title)}</title>${ticks}${lines}${meanPts.length > 1 ? `<polyline points="${meanPts.join(' ')}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>` : ''}${bars}${xl}<text x="${L}" y="16" font-size="12">${escapeXml(labels.mean)}</text></svg>`;
}

/** Change at the primary visit per participant, sorted, as bars (a waterfall plot). */
export function waterfallSvg(report: OutcomeReport, labels: { readonly title: string }): string {
  const k = report.visits.indexOf(report.primary?.visit ?? '');
  const changes = report.trajectories.map((t) => (t.baseline !== null && k >= 0 && t.totals[k] !== null ? t.totals[k]! - t.baseline : null)).filter((c): c is number => c !== null).sort((a, b) => b - a);
  const W = 640, H = 240, L = 40, R = 10, T = 16, B = 16;
  const lo = Math.min(0, ...changes), hi = Math.max(0, ...changes);
  const y = (v: number) => T + ((hi - v) * (H - T - B)) / (hi - lo || 1);
  const bw = (W - L - R) / Math.max(1, changes.length);
  const improved = report.scale.direction === 'higher-is-worse' ? (c: number) => c < 0 : (c: number) => c > 0;
  const bars = changes.map((c, i) => `<rect x="${n2(L + i * bw)}" y="${n2(Math.min(y(c), y(0)))}" width="${n2(Math.max(0.5, bw - 1))}" height="${n2(Math.max(0.5, Math.abs(y(c) - y(0))))}" fill="${improved(c) ? '#2f7d4f' : '#b54708'}"/>`).join('');
  const axis = [lo, 0, hi].map((v) => `<text x="${L - 6}" y="${n2(y(v) + 4)}" text-anchor="end" font-size="11">${n2(v)}</text>`).join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeXml(labels.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(labels.title)}</title><line x1="${L}" x2="${W - R}" y1="${n2(y(0))}" y2="${n2(y(0))}" stroke="#52606d"/>${bars}${axis}</svg>`;
}

/** The participant flow as boxes and arrows (TREND/CONSORT style), exclusions to the right. */
export function flowSvg(steps: ReadonlyArray<{ readonly label: string; readonly n: number; readonly aside?: string }>, title: string): string {
  const W = 640, bh = 40, gap = 22, bw = 300, x0 = 20;
  const H = steps.length * (bh + gap) + 10;
  const parts = steps.map((s, i) => {
    const y = 8 + i * (bh + gap);
    const box = `<rect x="${x0}" y="${y}" width="${bw}" height="${bh}" rx="4" fill="#f5f7fa" stroke="#52606d"/><text x="${x0 + 10}" y="${y + 25}" font-size="13">${escapeXml(s.label)}: n = ${s.n}</text>`;
    const arrow = i < steps.length - 1 ? `<line x1="${x0 + bw / 2}" x2="${x0 + bw / 2}" y1="${y + bh}" y2="${y + bh + gap - 3}" stroke="#52606d" marker-end="url(#arrow)"/>` : '';
    const aside = s.aside ? `<line x1="${x0 + bw / 2}" x2="${x0 + bw + 20}" y1="${y - gap / 2}" y2="${y - gap / 2}" stroke="#9aa5b1" stroke-dasharray="3 2"/><text x="${x0 + bw + 24}" y="${y - gap / 2 + 4}" font-size="11">${escapeXml(s.aside)}</text>` : '';
    return box + arrow + aside;
  }).join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeXml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(title)}</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#52606d"/></marker></defs>${parts}</svg>`;
}
