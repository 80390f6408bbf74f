import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mimamori/core';
import { outcomeReport, parseDataCut, type DataCutFileName } from '@mimamori/core/outcome/index';
import { htmlToPdf, outcomeBundle, outcomeReportHtml, outcomeReportJson } from '@mimamori/reports';
import { exportProgramDataCut, getDataCut, insertDataCut, listDataCuts, newId, type DataCutSummary } from '@mimamori/storage';
import { auditRequest, auditAloneRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { programFor } from './analysis-plan-service.ts';

const MIMAMORI_VERSION = '0.1.0';

function view(c: DataCutSummary) {
  return {
    id: c.id, cutAt: c.cut_at, sha256: c.sha256, participants: c.participants, excludedNoDataUse: c.excluded_no_data_use,
    plan: { version: c.plan_version, sha256: c.plan_sha256, lockedAt: c.plan_locked_at },
  };
}

export type DataCutView = ReturnType<typeof view>;

/** The program's data cuts, newest first (hash, time, counts; no files). The read is audited. */
export async function dataCuts(deps: AppDeps, req: FastifyRequest, programId: string): Promise<{ items: DataCutView[] }> {
  await programFor(deps, req, programId);
  const rows = await listDataCuts(deps.db.db, req.staff!.clinicId, programId);
  await auditAloneRequest(deps, req, { action: 'data_cut.list', resource: 'program', resourceId: programId });
  return { items: rows.map(view) };
}

/**
 * Freezes the program's data now: the pseudonymised files (docs/outcome-report.md) with the plan
 * version asked for (else the latest locked one), checked as a report would check them, stored
 * unchanged with the SHA-256 of their manifest. The cut and its audit row commit together.
 */
export async function createDataCut(deps: AppDeps, req: FastifyRequest, programId: string, o: { readonly planVersion?: number }): Promise<DataCutView> {
  const staff = req.staff!;
  await programFor(deps, req, programId);
  const now = deps.clock();
  const cut = await exportProgramDataCut(deps.db.db, {
    programId, clinicId: staff.clinicId, masterKey: deps.db.secrets.key, now, mimamoriVersion: MIMAMORI_VERSION, audit: false, planVersion: o.planVersion,
  });
  // A cut no report could be made from (no participant with data yet) is refused, with its problems.
  const parsed = parseDataCut(cut.files);
  const sha256 = createHash('sha256').update(cut.files['manifest.json']).digest('hex');
  const row = {
    id: newId(), clinic_id: staff.clinicId, program_id: programId, plan_version: cut.planVersion, plan_sha256: parsed.planSha256,
    plan_locked_at: parsed.plan.lockedAt, files_json: JSON.stringify(cut.files), sha256, participants: cut.participants,
    excluded_no_data_use: cut.excludedNoDataUse, cut_at: now.toISOString(), created_by: staff.staffId,
  };
  await deps.db.db.transaction().execute(async (tx) => {
    await insertDataCut(tx, row);
    await auditRequest(deps, tx, req, { action: 'program.data_cut', resource: 'data_cut', resourceId: row.id, detail: `program=${programId};participants=${cut.participants};excluded_no_data_use=${cut.excludedNoDataUse};sha256=${sha256}` });
  });
  return view(row);
}

async function loadCut(deps: AppDeps, req: FastifyRequest, programId: string, cutId: string) {
  const row = await getDataCut(deps.db.db, { clinicId: req.staff!.clinicId, programId, id: cutId });
  if (!row) throw new DomainError('not_found', { key: 'data_cut.not_found', message: `no data cut "${cutId}"` });
  const files = JSON.parse(row.files_json) as Record<DataCutFileName, string>;
  const cut = parseDataCut(files);
  return { row, files, cut, report: outcomeReport(cut) };
}

/** The report of a stored cut under the plan it carries: HTML, JSON or PDF. Audited with the cut's hash. */
export async function cutReport(deps: AppDeps, req: FastifyRequest, o: { readonly programId: string; readonly cutId: string; readonly format: 'html' | 'json' | 'pdf'; readonly lang: 'ja' | 'en' }) {
  const { row, report } = await loadCut(deps, req, o.programId, o.cutId);
  await auditAloneRequest(deps, req, { action: 'data_cut.report', resource: 'data_cut', resourceId: row.id, detail: `format=${o.format};sha256=${row.sha256}` });
  if (o.format === 'json') return outcomeReportJson(report);
  const html = outcomeReportHtml(report, o.lang);
  return o.format === 'html' ? html : Buffer.from(await htmlToPdf(html));
}

/** The reproducible bundle (ZIP) of a stored cut. Audited: it carries the cut's row-level (pseudonymised) data. */
export async function cutBundle(deps: AppDeps, req: FastifyRequest, o: { readonly programId: string; readonly cutId: string; readonly pdf: boolean }): Promise<Buffer> {
  const { row, files, cut, report } = await loadCut(deps, req, o.programId, o.cutId);
  const zip = await outcomeBundle({ files, cut, report, pdf: o.pdf });
  await auditAloneRequest(deps, req, { action: 'data_cut.bundle', resource: 'data_cut', resourceId: row.id, detail: `sha256=${row.sha256}` });
  return zip;
}
