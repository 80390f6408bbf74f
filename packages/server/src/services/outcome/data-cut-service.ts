import { createHash } from 'node:crypto';
import { DomainError } from '@mimamori/core';
import { cutUnderPlan, outcomeReport, parseDataCut, type DataCut, type DataCutFileName } from '@mimamori/core/outcome/index';
import { htmlToPdf, outcomeBundle, outcomeReportHtml, outcomeReportJson } from '@mimamori/reports';
import { exportProgramDataCut, firstEnrolmentDate, getDataCut, insertDataCut, listAnalysisPlans, listDataCuts, newId, type DataCutSummary } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { lockedBeforeFirstEnrolment, programFor } from './analysis-plan-service.ts';

const MIMAMORI_VERSION = '0.1.0';

function view(c: DataCutSummary) {
  return {
    id: c.id, cutAt: c.cut_at, sha256: c.sha256, participants: c.participants, excludedNoDataUse: c.excluded_no_data_use,
    plan: { version: c.plan_version, sha256: c.plan_sha256, lockedAt: c.plan_locked_at },
  };
}

export type DataCutView = ReturnType<typeof view>;

/** The program's data cuts, newest first (hash, time, counts; no files). The read is audited. */
export async function dataCuts(ctx: RequestContext, input: { readonly programId: string }): Promise<{ items: DataCutView[] }> {
  const staff = requireStaff(ctx);
  await programFor(ctx, input);
  const rows = await listDataCuts(ctx.db.db, staff.clinicId, input.programId);
  await auditAlone(ctx, { action: 'data_cut.list', resource: 'program', resourceId: input.programId });
  return { items: rows.map(view) };
}

/**
 * Freezes the program's data now: the pseudonymised files (docs/outcome-report.md) with the plan
 * version asked for (else the latest locked one), checked as a report would check them, stored
 * unchanged with the SHA-256 of their manifest. The cut and its audit row commit together.
 */
export async function createDataCut(ctx: RequestContext, input: { readonly programId: string; readonly planVersion?: number }): Promise<DataCutView> {
  const staff = requireStaff(ctx);
  const { programId } = input;
  await programFor(ctx, { programId });
  const now = ctx.clock();
  const cut = await exportProgramDataCut(ctx.db.db, {
    programId, clinicId: staff.clinicId, masterKey: ctx.db.secrets.key, now, mimamoriVersion: MIMAMORI_VERSION, audit: false, planVersion: input.planVersion,
  });
  // A cut no report could be made from (no participant with data yet) is refused, with its problems.
  const parsed = parseDataCut(cut.files);
  const sha256 = createHash('sha256').update(cut.files['manifest.json']).digest('hex');
  const row = {
    id: newId(), clinic_id: staff.clinicId, program_id: programId, plan_version: cut.planVersion, plan_sha256: parsed.planSha256,
    plan_locked_at: parsed.plan.lockedAt, files_json: JSON.stringify(cut.files), sha256, participants: cut.participants,
    excluded_no_data_use: cut.excludedNoDataUse, cut_at: now.toISOString(), created_by: staff.staffId,
  };
  await writeTx(ctx, async (tx) => {
    await insertDataCut(tx, row);
    await audit(ctx, tx, { action: 'program.data_cut', resource: 'data_cut', resourceId: row.id, detail: `program=${programId};participants=${cut.participants};excluded_no_data_use=${cut.excludedNoDataUse};sha256=${sha256}` });
  });
  return view(row);
}

/**
 * A stored cut, parsed, under the plan it carries — or, with `planVersion`, under that stored
 * version of the program's plan, which must be locked (a draft can change after the report).
 * The report then names the version, its lock time, whether it was locked before the cut (every
 * analysis is post hoc otherwise) and the version the cut was made under.
 */
async function loadCut(ctx: RequestContext, input: { readonly programId: string; readonly cutId: string; readonly planVersion?: number }) {
  const staff = requireStaff(ctx);
  const row = await getDataCut(ctx.db.db, { clinicId: staff.clinicId, programId: input.programId, id: input.cutId });
  if (!row) throw new DomainError('not_found', { key: 'data_cut.not_found', message: `no data cut "${input.cutId}"` });
  const files = JSON.parse(row.files_json) as Record<DataCutFileName, string>;
  let cut: DataCut = parseDataCut(files);
  if (input.planVersion !== undefined && input.planVersion !== cut.plan.version) {
    const version = input.planVersion;
    const stored = (await listAnalysisPlans(ctx.db.db, staff.clinicId, input.programId)).find((p) => p.version === version);
    if (!stored) throw new DomainError('not_found', { key: 'plan.version_not_found', params: { version } });
    if (stored.locked_at === null) {
      throw new DomainError('validation', { key: 'data_cut.plan_not_locked', params: { version }, issues: [{ path: 'planVersion', key: 'data_cut.plan_not_locked', params: { version } }] });
    }
    const first = await firstEnrolmentDate(ctx.db.db, staff.clinicId, input.programId);
    cut = cutUnderPlan(cut, { plan: JSON.parse(stored.plan_json), lockedBeforeFirstEnrolment: lockedBeforeFirstEnrolment(stored.locked_at, first) });
  }
  return { row, files, cut, report: outcomeReport(cut) };
}

/**
 * The report of a stored cut, under the plan it carries or another locked version of the plan
 * (`planVersion`): HTML, JSON or PDF, in the language asked for. Audited with the cut's hash and
 * the plan version used.
 */
export async function cutReport(ctx: RequestContext, input: { readonly programId: string; readonly cutId: string; readonly format: 'html' | 'json' | 'pdf'; readonly lang: 'ja' | 'en'; readonly planVersion?: number }) {
  const { row, report } = await loadCut(ctx, input);
  await auditAlone(ctx, { action: 'data_cut.report', resource: 'data_cut', resourceId: row.id, detail: `format=${input.format};sha256=${row.sha256};plan_version=${report.plan.version}` });
  if (input.format === 'json') return outcomeReportJson(report);
  const html = outcomeReportHtml(report, input.lang);
  return input.format === 'html' ? html : Buffer.from(await htmlToPdf(html));
}

/** The reproducible bundle (ZIP) of a stored cut. Audited: it carries the cut's row-level (pseudonymised) data. */
export async function cutBundle(ctx: RequestContext, input: { readonly programId: string; readonly cutId: string; readonly pdf: boolean }): Promise<Buffer> {
  const { row, files, cut, report } = await loadCut(ctx, input);
  const zip = await outcomeBundle({ files, cut, report, pdf: input.pdf });
  await auditAlone(ctx, { action: 'data_cut.bundle', resource: 'data_cut', resourceId: row.id, detail: `sha256=${row.sha256}` });
  return zip;
}
