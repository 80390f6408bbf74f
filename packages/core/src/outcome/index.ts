// Public surface of the outcome report: the data-cut format, the analysis plan and the report model.
export * from './analysis-plan.ts';
export * from './data-cut.ts';
export * from './parse-data-cut.ts';
export * from './benchmarks.ts';
export * from './outcome-report.ts';
export * from './visit-means.ts';
export * from './lock-analysis-plan.ts';
export * from './build-data-cut.ts';
export * from './per-protocol-set.ts';
export * from './tipping-point.ts';
export * from './adverse-event-table.ts';
export * from './biomarker-trajectories.ts';
export * from './check-plan-for-program.ts';
export * from './cut-under-plan.ts';
export * from './outcome-check-issue.ts';
export * from './recruitment-flow.ts';
