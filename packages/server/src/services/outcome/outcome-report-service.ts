import type { FastifyRequest } from 'fastify';
import { outcomeReport, parseDataCut } from '@mimamori/core/outcome/index';
import { outcomeReportHtml, outcomeReportJson } from '@mimamori/reports';
import { exportProgramDataCut } from '@mimamori/storage';
import { auditAloneRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';

/**
 * The outcome report of a program, computed from a data cut made now from the database (the same
 * path as `mimamori program export` + `mimamori report`): pseudonymised, consent honoured, only
 * aggregate results and study ids leave. The read is audited with the counts.
 */
export async function programOutcomeReport(deps: AppDeps, req: FastifyRequest, programId: string, o: { readonly lang: 'ja' | 'en'; readonly format: 'html' | 'json' }) {
  const staff = req.staff!;
  const now = deps.clock();
  const cut = await exportProgramDataCut(deps.db.db, { programId, clinicId: staff.clinicId, masterKey: deps.db.secrets.key, now, mimamoriVersion: '0.1.0', audit: false });
  const report = outcomeReport(parseDataCut(cut.files));
  await auditAloneRequest(deps, req, { action: 'program.outcome_report', resource: 'program', resourceId: programId, detail: `participants=${cut.participants};excluded_no_data_use=${cut.excludedNoDataUse}` });
  return o.format === 'json' ? outcomeReportJson(report) : outcomeReportHtml(report, o.lang);
}
