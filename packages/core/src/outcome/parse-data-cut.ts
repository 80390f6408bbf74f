import { DomainError } from '../errors/domain-error.ts';
import { outcomeCheckIssue, outcomeCheckText } from './outcome-check-issue.ts';
import { sha256Hex } from '../programs/sha256.ts';
import { canonicalJson } from '../text/canonical-json.ts';
import { parseCsv } from '../text/parse-csv.ts';
import { parseAnalysisPlan } from './analysis-plan.ts';
import type { CutRecruitment } from './recruitment-flow.ts';
import {
  dataCutFiles,
  participantStatuses,
  relatednessLevels,
  requiredColumns,
  type CutParticipant,
  type DataCut,
  type DataCutFileName,
  type DataCutManifest,
  type ParticipantStatus,
  type Relatedness,
} from './data-cut.ts';

type Issue = { path: string; message: string };
type CsvName = keyof typeof requiredColumns;

const MAX_ISSUES = 50;

class Collector {
  readonly issues: Issue[] = [];
  add(path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message });
  }
}

/** One CSV file as header-indexed rows, with typed cell readers that record problems. */
class Table {
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  private readonly index: Map<string, number>;
  readonly file: CsvName;
  private readonly c: Collector;
  constructor(file: CsvName, text: string, c: Collector) {
    this.file = file;
    this.c = c;
    const all = parseCsv(text);
    const header = (all[0] ?? []).map((h) => h.trim());
    this.index = new Map(header.map((h, i) => [h, i]));
    if (all.length === 0) c.add(file, 'is empty: the header row is required');
    else for (const col of requiredColumns[file]) if (!this.index.has(col)) c.add(file, `has no column "${col}" (the header must include ${requiredColumns[file].join(',')})`);
    this.rows = all.slice(1);
    this.rows.forEach((r, i) => {
      if (r.length !== header.length) c.add(`${file}:${i + 2}`, `has ${r.length} cells; the header has ${header.length}`);
    });
  }
  has(col: string): boolean { return this.index.has(col); }
  private where(row: number, col: string): string { return `${this.file}:${row + 2}:${col}`; }
  raw(row: number, col: string): string {
    const i = this.index.get(col);
    return i === undefined ? '' : (this.rows[row][i] ?? '').trim();
  }
  text(row: number, col: string, required = false): string | null {
    const v = this.raw(row, col);
    if (v === '') { if (required) this.c.add(this.where(row, col), 'is required'); return null; }
    return v;
  }
  number(row: number, col: string, opts: { integer?: boolean; required?: boolean } = {}): number | null {
    const v = this.raw(row, col);
    if (v === '' || v === 'NA') { if (opts.required) this.c.add(this.where(row, col), 'is required'); return null; }
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) || !Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
      this.c.add(this.where(row, col), `must be ${opts.integer ? 'a whole number' : 'a number'} (got "${v.slice(0, 20)}")`);
      return null;
    }
    return n;
  }
  flag(row: number, col: string, required = false): boolean | null {
    const v = this.raw(row, col);
    if (v === '') { if (required) this.c.add(this.where(row, col), 'is required (0 or 1)'); return null; }
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
    this.c.add(this.where(row, col), `must be 0 or 1 (got "${v.slice(0, 20)}")`);
    return null;
  }
  oneOf<T extends string>(row: number, col: string, allowed: ReadonlyArray<T>, required = false): T | null {
    const v = this.raw(row, col);
    if (v === '') { if (required) this.c.add(this.where(row, col), 'is required'); return null; }
    if (!allowed.includes(v as T)) { this.c.add(this.where(row, col), `must be one of ${allowed.join(', ')} (got "${v.slice(0, 20)}")`); return null; }
    return v as T;
  }
  studyId(row: number, known: ReadonlySet<string> | null): string {
    const v = this.raw(row, 'study_id');
    if (v === '') this.c.add(this.where(row, 'study_id'), 'is required');
    else if (known && !known.has(v)) this.c.add(this.where(row, 'study_id'), `"${v.slice(0, 40)}" is not in participants.csv`);
    return v;
  }
}

function readJson(file: 'plan.json' | 'manifest.json', text: string, c: Collector): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    c.add(file, 'is not valid JSON');
    return undefined;
  }
}

function fail(issues: ReadonlyArray<Issue>): never {
  const head = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new DomainError('validation', {
    key: 'data_cut',
    message: `the data cut is not valid: ${head}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`,
    issues: issues.map((i) => outcomeCheckIssue(i.path, i.message)),
  });
}

function parseManifest(raw: unknown, c: Collector): DataCutManifest {
  const o = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!o) { if (raw !== undefined) c.add('manifest.json', 'must be a JSON object'); return { files: {}, planSha256: null, program: { id: null, version: null }, scales: {}, mimamoriVersion: null, cutAt: null, excludedNoDataUse: 0, planLockedBeforeFirstEnrolment: null, recruitment: null }; }
  const strMap = (v: unknown, path: string): Record<string, string> => {
    if (v === undefined) return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) { c.add(`manifest.json:${path}`, 'must map names to strings'); return {}; }
    return v as Record<string, string>;
  };
  const prog = typeof o.program === 'object' && o.program !== null ? (o.program as Record<string, unknown>) : {};
  const excluded = o.excludedNoDataUse ?? 0;
  if (typeof excluded !== 'number' || !Number.isInteger(excluded) || excluded < 0) c.add('manifest.json:excludedNoDataUse', 'must be a whole number ≥ 0');
  return {
    files: strMap(o.files, 'files'),
    planSha256: typeof o.planSha256 === 'string' ? o.planSha256 : null,
    program: { id: typeof prog.id === 'string' ? prog.id : null, version: typeof prog.version === 'number' ? prog.version : null },
    scales: strMap(o.scales, 'scales'),
    mimamoriVersion: typeof o.mimamoriVersion === 'string' ? o.mimamoriVersion : null,
    cutAt: typeof o.cutAt === 'string' ? o.cutAt : null,
    excludedNoDataUse: typeof excluded === 'number' && Number.isInteger(excluded) && excluded >= 0 ? excluded : 0,
    planLockedBeforeFirstEnrolment: typeof o.planLockedBeforeFirstEnrolment === 'boolean' ? o.planLockedBeforeFirstEnrolment : null,
    recruitment: parseRecruitment(o.recruitment, c),
  };
}

/** The optional recruitment counts of a manifest: whole numbers ≥ 0, the stages in order. */
function parseRecruitment(raw: unknown, c: Collector): CutRecruitment | null {
  if (raw === undefined || raw === null) return null;
  const o = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const obj = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const open = obj(o?.open);
  const declined = obj(o?.declined);
  const values = [o?.applied, o?.contacted, o?.screeningBooked, open.new, open.contacted, declined.beforeVisit, declined.afterBooking];
  if (!o || !values.every(whole)) { c.add('manifest.json:recruitment', 'must hold whole numbers ≥ 0 (applied, contacted, screeningBooked, open, declined)'); return null; }
  const [applied, contacted, screeningBooked, openNew, openContacted, beforeVisit, afterBooking] = values as number[];
  if (!(applied! >= contacted! && contacted! >= screeningBooked!)) { c.add('manifest.json:recruitment', 'the stages must not grow: applied ≥ contacted ≥ screeningBooked'); return null; }
  return { applied: applied!, contacted: contacted!, screeningBooked: screeningBooked!, open: { new: openNew!, contacted: openContacted! }, declined: { beforeVisit: beforeVisit!, afterBooking: afterBooking! } };
}

/**
 * Reads a data cut from the texts of its files (the caller reads the directory) and checks it:
 * every file present, the fixed columns there, every cell of the right type, every study id known,
 * one row per participant, visit and scale. All problems found are reported together in one
 * `validation` error whose issues name file, line and column; nothing partial is returned.
 *
 * @example
 * const cut = parseDataCut({ 'participants.csv': '…', 'outcomes.csv': '…', … });
 * cut.plan.primary; // { scale: 'phq9', visit: 'w8' }
 */
export function parseDataCut(files: Readonly<Partial<Record<DataCutFileName, string>>>): DataCut {
  const c = new Collector();
  for (const f of dataCutFiles) if (files[f] === undefined) c.add(f, 'is missing');
  if (c.issues.length) fail(c.issues);
  const t = (name: CsvName) => new Table(name, files[name]!, c);

  const pt = t('participants.csv');
  const et = t('exposures.csv');
  if (c.issues.length) fail(c.issues);
  const seen = new Set<string>();
  const exposures = et.rows.map((_, i) => ({ studyId: et.studyId(i, null), day: et.number(i, 'day', { integer: true, required: true }) ?? 0, kind: et.text(i, 'kind', true) ?? '', doseNumber: et.has('dose_number') ? et.number(i, 'dose_number', { integer: true }) : null }));
  const exposureCount = new Map<string, number>();
  for (const e of exposures) exposureCount.set(e.studyId, (exposureCount.get(e.studyId) ?? 0) + 1);
  const participants: CutParticipant[] = pt.rows.map((_, i) => {
    const studyId = pt.studyId(i, null);
    if (studyId && seen.has(studyId)) c.add(`participants.csv:${i + 2}:study_id`, `"${studyId.slice(0, 40)}" appears twice`);
    seen.add(studyId);
    const dosed = pt.flag(i, 'dosed', true) ?? false;
    const completed = pt.flag(i, 'completed', true) ?? false;
    const status: ParticipantStatus = pt.oneOf(i, 'status', participantStatuses, true) ?? 'consented';
    if (completed && !dosed) c.add(`participants.csv:${i + 2}:completed`, 'is 1 but dosed is 0');
    if (dosed && (status === 'screen_failed' || status === 'declined' || status === 'screening')) c.add(`participants.csv:${i + 2}:dosed`, `is 1 but the status is ${status}`);
    const doses = pt.has('doses') ? pt.number(i, 'doses', { integer: true }) : (exposureCount.get(studyId) ?? (dosed ? null : 0));
    return { studyId, status, dosed, completed, reason: pt.text(i, 'reason'), ageBand: pt.text(i, 'age_band'), sex: pt.text(i, 'sex'), doses };
  });
  exposures.forEach((e, i) => { if (e.studyId && !seen.has(e.studyId)) c.add(`exposures.csv:${i + 2}:study_id`, `"${e.studyId.slice(0, 40)}" is not in participants.csv`); });

  const ot = t('outcomes.csv');
  const outcomeKeys = new Set<string>();
  const outcomes = ot.rows.map((_, i) => {
    const studyId = ot.studyId(i, seen);
    const visit = ot.text(i, 'visit', true) ?? '';
    const scale = ot.text(i, 'scale', true) ?? '';
    const informant = ot.text(i, 'informant');
    const key = `${studyId}\u0000${visit}\u0000${scale}\u0000${informant ?? ''}`;
    if (outcomeKeys.has(key)) c.add(`outcomes.csv:${i + 2}`, `a second row for ${studyId.slice(0, 40)} at ${visit} on ${scale}`);
    outcomeKeys.add(key);
    return {
      studyId, visit, scale, informant,
      day: ot.number(i, 'day', { integer: true }),
      nominalDay: ot.has('nominal_day') ? ot.number(i, 'nominal_day', { integer: true }) : null,
      inWindow: ot.flag(i, 'in_window'),
      total: ot.number(i, 'total'),
    };
  });

  const at = t('adverse_events.csv');
  const adverseEvents = at.rows.map((_, i) => {
    const grade = at.number(i, 'grade', { integer: true });
    if (grade !== null && (grade < 1 || grade > 5)) c.add(`adverse_events.csv:${i + 2}:grade`, 'must be 1 to 5');
    return { studyId: at.studyId(i, seen), day: at.number(i, 'day', { integer: true }), term: at.text(i, 'term', true) ?? '', grade, serious: at.flag(i, 'serious', true) ?? false, related: at.oneOf<Relatedness>(i, 'related', relatednessLevels) };
  });

  const mt = t('medications.csv');
  const medications = mt.rows.map((_, i) => ({
    studyId: mt.studyId(i, seen),
    genericName: mt.text(i, 'generic_name', true) ?? '',
    dosePerDay: mt.number(i, 'dose_per_day'),
    unit: mt.text(i, 'unit'),
    startDay: mt.number(i, 'start_day', { integer: true }),
    stopDay: mt.number(i, 'stop_day', { integer: true }),
    changedDuringProgram: mt.flag(i, 'changed_during_program', true) ?? false,
  }));

  const lt = t('labs.csv');
  const labs = lt.rows.map((_, i) => {
    const time = lt.text(i, 'time');
    if (time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) c.add(`labs.csv:${i + 2}:time`, 'must be HH:MM');
    return { studyId: lt.studyId(i, seen), analyte: lt.text(i, 'analyte', true) ?? '', sampleType: lt.text(i, 'sample_type', true) ?? '', value: lt.number(i, 'value'), unit: lt.text(i, 'unit'), day: lt.number(i, 'day', { integer: true }), visit: lt.text(i, 'visit'), time };
  });

  const ct = t('codebook.csv');
  const codebook = ct.rows.map((_, i) => ({ file: ct.text(i, 'file', true) ?? '', column: ct.text(i, 'column', true) ?? '', type: ct.text(i, 'type', true) ?? '', description: ct.text(i, 'description') ?? '' }));

  const planRaw = readJson('plan.json', files['plan.json']!, c);
  const manifest = parseManifest(readJson('manifest.json', files['manifest.json']!, c), c);
  let plan = null;
  if (planRaw !== undefined) {
    try {
      plan = parseAnalysisPlan(planRaw);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      for (const i of e.issues) c.add(i.path, outcomeCheckText(i));
    }
  }
  if (c.issues.length) fail(c.issues);
  const planSha256 = sha256Hex(canonicalJson(planRaw));
  if (manifest.planSha256 !== null && manifest.planSha256 !== planSha256) fail([{ path: 'manifest.json:planSha256', message: 'does not match the SHA-256 of plan.json (canonical JSON): the plan was changed after the cut' }]);
  if (!outcomes.some((o) => o.scale === plan!.primary.scale)) fail([{ path: 'outcomes.csv', message: `has no rows for the primary scale "${plan!.primary.scale}"` }]);
  return { participants, outcomes, adverseEvents, medications, labs, exposures, codebook, plan: plan!, planSha256, manifest };
}
