import { DomainError } from '../errors/domain-error.ts';
import { outcomeCheckIssue } from './outcome-check-issue.ts';

/** A pre-specified biomarker hypothesis: the analyte should move in `direction` by `visit`. */
export interface BiomarkerHypothesis {
  readonly id: string;
  readonly analyte: string;
  readonly sampleType: string;
  readonly direction: 'increase' | 'decrease' | 'either';
  /** Visit of the follow-up sample; the change is from the `baseline` sample. */
  readonly visit: string;
}

export type SensitivityAnalysis = 'completers' | 'paired' | 'locf' | 'per_protocol' | 'tipping_point';
export const sensitivityAnalyses: ReadonlyArray<SensitivityAnalysis> = ['completers', 'paired', 'locf', 'per_protocol', 'tipping_point'];

/**
 * Who is per protocol: at least `doses` doses and, when `intervalDays` is given, dose k on day
 * (k − 1)·intervalDays within −windowBeforeDays…+windowAfterDays (dose 1 is day 0), and the primary
 * visit answered inside its window. Without `intervalDays` doses are not checked against windows.
 */
export interface PerProtocolDefinition {
  /** Required in a plan; null only where the report derives the definition itself. */
  readonly doses: number | null;
  readonly intervalDays: number | null;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
}

/** Severity band for splitting responders (baseline total in [min, max]). */
export interface SeverityBand {
  readonly id: string;
  readonly min: number;
  readonly max: number;
}

/**
 * The statistical analysis plan, as structured fields. The primary estimand is the change from the
 * pre-treatment baseline in all participants with at least one dose.
 */
export interface AnalysisPlan {
  readonly version: number;
  /** ISO instant the plan was locked; null for a draft (the report says so). */
  readonly lockedAt: string | null;
  readonly primary: { readonly scale: string; readonly visit: string };
  /** Post-baseline visit ids in their order; when absent, visits are ordered by their median day. */
  readonly visits: ReadonlyArray<string> | null;
  readonly alpha: number;
  readonly secondary: ReadonlyArray<{ readonly scale: string; readonly visit: string }>;
  /** Response: reduction of at least `minReduction` (0.5 = 50 %); default: the scale's rule. */
  readonly responder: {
    readonly minReduction: number | null;
    /** Only participants whose baseline is at least this are counted; default: the scale's rule. */
    readonly minBaseline: number | null;
  };
  readonly remission: { readonly atMost: number | null; readonly atLeast: number | null; readonly sustained: boolean };
  readonly reliableChange: { readonly sd: number | null; readonly reliability: number | null };
  readonly severityBands: ReadonlyArray<SeverityBand> | null;
  readonly sensitivity: ReadonlyArray<SensitivityAnalysis>;
  /** The per-protocol population; null when the plan does not define it. */
  readonly perProtocol: PerProtocolDefinition | null;
  readonly biomarkers: ReadonlyArray<BiomarkerHypothesis>;
  /** What the design is, for the limitations section. */
  readonly design: { readonly control: 'none'; readonly raterBlinded: boolean; readonly selfPay: boolean };
}

type Issue = { path: string; message: string };

function planError(issues: ReadonlyArray<Issue>): DomainError {
  const first = issues[0];
  return new DomainError('validation', {
    key: 'data_cut',
    message: `plan.json: ${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues: issues.map((i) => outcomeCheckIssue(`plan.json:${i.path}`, i.message)),
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const id = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/**
 * Reads and checks a plan object (parsed plan.json). Every problem is reported with its path; a
 * bad plan never yields a report.
 *
 * @example
 * parseAnalysisPlan({ version: 1, lockedAt: null, primary: { scale: 'phq9', visit: 'w8' } }).alpha; // 0.05
 */
export function parseAnalysisPlan(raw: unknown): AnalysisPlan {
  const issues: Issue[] = [];
  if (!isObj(raw)) throw planError([{ path: '$', message: 'must be a JSON object' }]);
  const num = (v: unknown, path: string, ok: (n: number) => boolean, what: string): number | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) { issues.push({ path, message: `must be ${what}` }); return null; }
    return v;
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v !== 'string' || !id.test(v)) { issues.push({ path, message: 'must be an id (lower-case letters, digits, _ . -)' }); return ''; }
    return v;
  };
  const version = num(raw.version, 'version', (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
  if (raw.version === undefined) issues.push({ path: 'version', message: 'is required' });
  let lockedAt: string | null = null;
  if (raw.lockedAt !== undefined && raw.lockedAt !== null) {
    if (typeof raw.lockedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(raw.lockedAt)) issues.push({ path: 'lockedAt', message: 'must be an ISO instant in UTC (…Z) or null' });
    else lockedAt = raw.lockedAt;
  }
  const primaryRaw = raw.primary;
  let primary = { scale: '', visit: '' };
  if (!isObj(primaryRaw)) issues.push({ path: 'primary', message: 'is required: {"scale","visit"}' });
  else primary = { scale: str(primaryRaw.scale, 'primary.scale'), visit: str(primaryRaw.visit, 'primary.visit') };
  if (primary.visit === 'screening' || primary.visit === 'baseline') issues.push({ path: 'primary.visit', message: 'must be a post-baseline visit' });

  let visits: string[] | null = null;
  if (raw.visits !== undefined && raw.visits !== null) {
    if (!Array.isArray(raw.visits) || raw.visits.length === 0) issues.push({ path: 'visits', message: 'must be a non-empty array of visit ids' });
    else {
      visits = raw.visits.map((v, i) => str(v, `visits[${i}]`));
      if (new Set(visits).size !== visits.length) issues.push({ path: 'visits', message: 'lists a visit twice' });
      if (primary.visit && !visits.includes(primary.visit)) issues.push({ path: 'visits', message: `must include the primary visit "${primary.visit}"` });
    }
  }
  const alpha = num(raw.alpha, 'alpha', (n) => n > 0 && n < 0.5, 'a number between 0 and 0.5') ?? 0.05;
  const secondary: Array<{ scale: string; visit: string }> = [];
  if (raw.secondary !== undefined) {
    if (!Array.isArray(raw.secondary)) issues.push({ path: 'secondary', message: 'must be an array' });
    else {raw.secondary.forEach((s, i) => {
      if (!isObj(s)) issues.push({ path: `secondary[${i}]`, message: 'must be {"scale","visit"}' });
      else secondary.push({ scale: str(s.scale, `secondary[${i}].scale`), visit: str(s.visit, `secondary[${i}].visit`) });
    });}
  }
  const resp = isObj(raw.responder) ? raw.responder : {};
  const responder = {
    minReduction: num(resp.minReduction, 'responder.minReduction', (n) => n > 0 && n <= 1, 'a fraction in (0, 1]'),
    minBaseline: num(resp.minBaseline, 'responder.minBaseline', () => true, 'a number'),
  };
  const rem = isObj(raw.remission) ? raw.remission : {};
  if (rem.sustained !== undefined && typeof rem.sustained !== 'boolean') issues.push({ path: 'remission.sustained', message: 'must be true or false' });
  const remission = {
    atMost: num(rem.atMost, 'remission.atMost', () => true, 'a number'),
    atLeast: num(rem.atLeast, 'remission.atLeast', () => true, 'a number'),
    sustained: rem.sustained === true,
  };
  const rc = isObj(raw.reliableChange) ? raw.reliableChange : {};
  const reliableChange = {
    sd: num(rc.sd, 'reliableChange.sd', (n) => n > 0, 'a positive number'),
    reliability: num(rc.reliability, 'reliableChange.reliability', (n) => n >= 0 && n < 1, 'a number in [0, 1)'),
  };
  let severityBands: SeverityBand[] | null = null;
  if (raw.severityBands !== undefined && raw.severityBands !== null) {
    if (!Array.isArray(raw.severityBands)) issues.push({ path: 'severityBands', message: 'must be an array of {"id","min","max"}' });
    else {severityBands = raw.severityBands.map((b, i) => {
      if (!isObj(b)) { issues.push({ path: `severityBands[${i}]`, message: 'must be {"id","min","max"}' }); return { id: '', min: 0, max: 0 }; }
      const min = num(b.min, `severityBands[${i}].min`, () => true, 'a number') ?? 0;
      const max = num(b.max, `severityBands[${i}].max`, (n) => n >= min, 'a number ≥ min') ?? 0;
      return { id: str(b.id, `severityBands[${i}].id`), min, max };
    });}
  }
  const sensitivity: SensitivityAnalysis[] = [];
  if (raw.sensitivity !== undefined) {
    if (!Array.isArray(raw.sensitivity)) issues.push({ path: 'sensitivity', message: `must be an array of: ${sensitivityAnalyses.join(', ')}` });
    else {raw.sensitivity.forEach((s, i) => {
      if (!sensitivityAnalyses.includes(s as SensitivityAnalysis)) issues.push({ path: `sensitivity[${i}]`, message: `must be one of: ${sensitivityAnalyses.join(', ')}` });
      else sensitivity.push(s as SensitivityAnalysis);
    });}
  }
  let perProtocol: PerProtocolDefinition | null = null;
  if (raw.perProtocol !== undefined && raw.perProtocol !== null) {
    if (!isObj(raw.perProtocol)) issues.push({ path: 'perProtocol', message: 'must be {"doses","intervalDays","windowBeforeDays","windowAfterDays"}' });
    else {
      const pp = raw.perProtocol;
      if (pp.doses === undefined || pp.doses === null) issues.push({ path: 'perProtocol.doses', message: 'is required: the planned number of doses' });
      perProtocol = {
        doses: num(pp.doses, 'perProtocol.doses', (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1'),
        intervalDays: num(pp.intervalDays, 'perProtocol.intervalDays', (n) => Number.isInteger(n) && n >= 1, 'a whole number of days ≥ 1'),
        windowBeforeDays: num(pp.windowBeforeDays, 'perProtocol.windowBeforeDays', (n) => Number.isInteger(n) && n >= 0, 'a whole number of days ≥ 0') ?? 0,
        windowAfterDays: num(pp.windowAfterDays, 'perProtocol.windowAfterDays', (n) => Number.isInteger(n) && n >= 0, 'a whole number of days ≥ 0') ?? 0,
      };
    }
  }
  const biomarkers: BiomarkerHypothesis[] = [];
  if (raw.biomarkers !== undefined) {
    if (!Array.isArray(raw.biomarkers)) issues.push({ path: 'biomarkers', message: 'must be an array' });
    else {raw.biomarkers.forEach((b, i) => {
      const p = `biomarkers[${i}]`;
      if (!isObj(b)) { issues.push({ path: p, message: 'must be {"id","analyte","sampleType","direction","visit"}' }); return; }
      const direction = b.direction === 'increase' || b.direction === 'decrease' || b.direction === 'either' ? b.direction : null;
      if (!direction) issues.push({ path: `${p}.direction`, message: 'must be increase, decrease or either' });
      biomarkers.push({ id: str(b.id, `${p}.id`), analyte: str(b.analyte, `${p}.analyte`), sampleType: str(b.sampleType, `${p}.sampleType`), direction: direction ?? 'either', visit: str(b.visit, `${p}.visit`) });
    });}
    if (new Set(biomarkers.map((b) => b.id)).size !== biomarkers.length) issues.push({ path: 'biomarkers', message: 'two hypotheses share an id' });
  }
  const d = isObj(raw.design) ? raw.design : {};
  if (d.control !== undefined && d.control !== 'none') issues.push({ path: 'design.control', message: 'only "none" (a single-arm series) is supported' });
  const design = { control: 'none' as const, raterBlinded: d.raterBlinded === true, selfPay: d.selfPay !== false };
  if (issues.length) throw planError(issues);
  return { version: version!, lockedAt, primary, visits, alpha, secondary, responder, remission, reliableChange, severityBands, sensitivity, perProtocol, biomarkers, design };
}
