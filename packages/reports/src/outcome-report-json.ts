import type { OutcomeReport } from '@mimamori/core/outcome/index';

/**
 * The report as one JSON-ready object (`mimamori report --format json`): every section of the
 * report model except the per-participant rows (score trajectories and the individual biomarker
 * values), which stay in the data cut. The keys
 * `flow`, `primary`, `perVisit`, `responders`, `remitters`, `rtm`, `adverseEvents`, `biomarkers`
 * and `plan` are the documented interface (docs/outcome-report.md).
 */
export function outcomeReportJson(report: OutcomeReport): Record<string, unknown> {
  const { trajectories: _omit, biomarkerTrajectories, ...rest } = report;
  return { ...rest, biomarkerTrajectories: biomarkerTrajectories.map(({ participants: _rows, ...b }) => b) };
}
