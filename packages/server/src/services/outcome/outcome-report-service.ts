import { outcomeReport, parseDataCut } from '@mimamori/core/outcome/index';
import { outcomeReportHtml, outcomeReportJson } from '@mimamori/reports';
import { exportProgramDataCut } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';

/**
 * The outcome report of a program, computed from a data cut made now from the database (the same
 * path as `mimamori program export` + `mimamori report`): pseudonymised, consent honoured, only
 * aggregate results and study ids leave. The read is audited with the counts.
 */
export async function programOutcomeReport(ctx: RequestContext, input: { readonly programId: string; readonly lang: 'ja' | 'en'; readonly format: 'html' | 'json' }) {
  const staff = requireStaff(ctx);
  const cut = await exportProgramDataCut(ctx.db.db, { programId: input.programId, clinicId: staff.clinicId, masterKey: ctx.db.secrets.key, now: ctx.clock(), mimamoriVersion: '0.1.0', audit: false });
  const report = outcomeReport(parseDataCut(cut.files));
  await auditAlone(ctx, { action: 'program.outcome_report', resource: 'program', resourceId: input.programId, detail: `participants=${cut.participants};excluded_no_data_use=${cut.excludedNoDataUse}` });
  return input.format === 'json' ? outcomeReportJson(report) : outcomeReportHtml(report, input.lang);
}
