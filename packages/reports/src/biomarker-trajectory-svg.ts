import type { BiomarkerTrajectory } from '@mimamori/core/outcome/index';
import { escapeXml } from './outcome-charts.ts';

const n2 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** A round tick step giving about `count` intervals over `span`. */
function tickStep(span: number, count: number): number {
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  return ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
}

/**
 * One analyte's values over days from the first dose as an accessible inline SVG: each
 * participant's values as a faint line, the mean at each visit (drawn at the visit's median day)
 * with its 95 % CI as a bold line with bars. `id` makes the title and description ids unique in
 * the page (`aria-labelledby`); the text alternative is the table the caller puts beside it.
 */
export function biomarkerTrajectorySvg(b: BiomarkerTrajectory, labels: { readonly id: string; readonly title: string; readonly desc: string; readonly day: string }): string {
  const W = 640, H = 280, L = 52, R = 24, T = 30, B = 44;
  const points = b.participants.flatMap((p) => p.points);
  const means = b.visits.filter((v): v is typeof v & { day: number } => v.day !== null);
  const ys = [...points.map((p) => p.value), ...means.flatMap((m) => (m.ci95 ? [m.ci95[0], m.ci95[1]] : [m.mean]))];
  const xs = [...points.map((p) => p.day), ...means.map((m) => m.day)];
  const xmin = Math.min(0, ...xs), xmax = Math.max(1, ...xs);
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const ystep = tickStep(hi - lo || Math.abs(hi) || 1, 4);
  const ymin = Math.floor(lo / ystep) * ystep, ymax = Math.max(Math.ceil(hi / ystep) * ystep, ymin + ystep);
  const x = (d: number) => L + ((d - xmin) * (W - L - R)) / (xmax - xmin || 1);
  const y = (v: number) => T + ((ymax - v) * (H - T - B)) / (ymax - ymin || 1);
  const yTicks: number[] = [];
  for (let v = ymin; v <= ymax + ystep / 1e6; v += ystep) yTicks.push(v);
  const xstep = tickStep(xmax - xmin, 6);
  const xTicks: number[] = [];
  for (let d = Math.ceil(xmin / xstep) * xstep; d <= xmax + xstep / 1e6; d += xstep) xTicks.push(d);
  const grid = yTicks.map((v) => `<line x1="${L}" x2="${W - R}" y1="${n2(y(v))}" y2="${n2(y(v))}" stroke="#e4e7eb"/><text x="${L - 6}" y="${n2(y(v) + 4)}" text-anchor="end" font-size="11">${n2(v)}</text>`).join('')
    + xTicks.map((d) => `<text x="${n2(x(d))}" y="${H - 26}" text-anchor="middle" font-size="11">${n2(d)}</text>`).join('');
  const lines = b.participants.slice(0, 2000).map((p) => {
    const pts = p.points.map((q) => `${n2(x(q.day))},${n2(y(q.value))}`);
    return pts.length > 1 ? `<polyline points="${pts.join(' ')}" fill="none" stroke="#9aa5b1" stroke-width="1" opacity="0.45"/>` : `<circle cx="${pts[0]?.split(',')[0]}" cy="${pts[0]?.split(',')[1]}" r="1.5" fill="#9aa5b1" opacity="0.6"/>`;
  }).join('');
  const meanLine = means.length > 1 ? `<polyline points="${means.map((m) => `${n2(x(m.day))},${n2(y(m.mean))}`).join(' ')}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>` : '';
  const bars = means.map((m) => {
    const cx = n2(x(m.day));
    const ci = m.ci95 ? `<line x1="${cx}" x2="${cx}" y1="${n2(y(m.ci95[0]))}" y2="${n2(y(m.ci95[1]))}" stroke="#0b4f8a" stroke-width="2"/>` : '';
    return `${ci}<circle cx="${cx}" cy="${n2(y(m.mean))}" r="4" fill="#0b4f8a"/><text x="${cx}" y="${n2(T - 12)}" text-anchor="middle" font-size="10" fill="#52606d">${escapeXml(m.visit)}</text>`;
  }).join('');
  const unit = b.unit ? ` (${escapeXml(b.unit)})` : '';
  const axes = `<text x="${n2((L + W - R) / 2)}" y="${H - 8}" text-anchor="middle" font-size="11">${escapeXml(labels.day)}</text><text x="12" y="${n2((T + H - B) / 2)}" text-anchor="middle" font-size="11" transform="rotate(-90 12 ${n2((T + H - B) / 2)})">${escapeXml(b.analyte)}${unit}</text>`;
  const id = escapeXml(labels.id);
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${escapeXml(labels.title)}</title><desc id="${id}-desc">${escapeXml(labels.desc)}</desc>${grid}${lines}${meanLine}${bars}${axes}</svg>`;
}
