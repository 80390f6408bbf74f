import type { AnalysisPlan, OutcomeReport } from '@mimamori/core/outcome/index';

const rString = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const rVector = (xs: ReadonlyArray<string>): string => `c(${xs.map(rString).join(', ')})`;
const rNumber = (x: number | null): string => (x === null ? 'NA' : String(x));

/**
 * `analysis.R` for a data-cut bundle: reproduces the primary analysis (MMRM change ~ baseline +
 * visit, unstructured covariance, REML, with nlme::gls and emmeans) and the responder and remitter
 * table (Wilson intervals by prop.test) from the CSV files alone, run in the data-cut directory.
 * The plan's choices are written into the script as literals, so it needs no JSON package. The
 * last line printed is `primary_estimate <value>`.
 */
export function outcomeAnalysisR(input: { readonly plan: AnalysisPlan; readonly report: OutcomeReport }): string {
  const { plan, report } = input;
  const worse = report.scale.direction === 'higher-is-worse';
  const r = report.responders;
  const m = report.remitters;
  const pp = report.sensitivity.perProtocol?.population ?? null;
  return `# analysis.R — reproduces the primary analysis, the responder table and the per-protocol and
# tipping-point sensitivity analyses of the outcome report from this data cut (plan version ${plan.version}, plan SHA-256 ${report.plan.sha256}).
# Run in the data-cut directory: Rscript analysis.R   (needs the R packages nlme and emmeans)
# The mean change per visit is the estimated marginal mean of change ~ baseline + visit at the mean
# baseline; emmeans' df for gls are an approximate Satterthwaite (the report computes them from the
# REML likelihood, so df and p may differ in the last digits; the estimate and SE agree).
suppressMessages({ library(nlme); library(emmeans) })

scale <- ${rString(plan.primary.scale)}
primary <- ${rString(plan.primary.visit)}
visits <- ${rVector(report.visits)}
min_reduction <- ${rNumber(r.minReduction)}
min_baseline <- ${rNumber(r.minBaseline)}
remission_at_most <- ${rNumber(m.atMost)}
remission_at_least <- ${rNumber(m.atLeast)}
sustained <- ${m.sustained ? 'TRUE' : 'FALSE'}
higher_is_worse <- ${worse ? 'TRUE' : 'FALSE'}
# per protocol: ${pp ? (pp.source === 'plan' ? 'as the plan defines it' : 'not defined in the plan; derived by the report (the most doses received)') : 'not computed by the report'}
pp_doses <- ${rNumber(pp?.doses ?? null)}
pp_interval <- ${rNumber(pp?.intervalDays ?? null)}
pp_before <- ${rNumber(pp?.windowBeforeDays ?? 0)}
pp_after <- ${rNumber(pp?.windowAfterDays ?? 0)}

participants <- read.csv("participants.csv", stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
outcomes <- read.csv("outcomes.csv", stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
outcomes <- outcomes[outcomes$scale == scale, ]
# one row per participant and visit: the first informant's row
outcomes <- outcomes[!duplicated(outcomes[, c("study_id", "visit")]), ]
dosed <- participants$study_id[participants$dosed == 1]
completed <- participants$study_id[participants$completed == 1]
total_at <- function(ids, v) {
  r <- outcomes[outcomes$visit == v, ]
  r$total[match(ids, r$study_id)]
}
baseline <- setNames(total_at(dosed, "baseline"), dosed)

# The MMRM by REML at tight tolerances; where nlminb stops there with a "false convergence" (seen
# on 10,000-participant cuts) it is fitted again at nlme's default tolerances, and the script says
# so. emmeans' Satterthwaite df for gls need the variance parameters' covariance and can fail on
# large cuts: then df.error (N - p - variance parameters), said so. (Written out at the top level,
# not in a function: emmeans evaluates the fit's call again.)
tight <- glsControl(tolerance = 1e-10, msTol = 1e-10, msMaxIter = 1000, maxIter = 1000)
refit_note <- function(e) message("gls at tolerances of 1e-10 stopped (", conditionMessage(e), "); fitted again at nlme's default tolerances")
df_note <- function(e) message("Satterthwaite df not available (", conditionMessage(e), "); df.error instead")

# ---- primary: MMRM on every observed post-baseline total of the dosed with a baseline ----
d <- outcomes[outcomes$visit %in% visits & !is.na(outcomes$total) & outcomes$study_id %in% dosed, ]
d$baseline <- unname(baseline[d$study_id])
d <- d[!is.na(d$baseline), ]
d$change <- d$total - d$baseline
observed <- visits[visits %in% d$visit]
d$visit <- factor(d$visit, levels = observed)
d$vnum <- as.integer(d$visit)
fit <- tryCatch(gls(change ~ baseline + visit, data = d, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum), method = "REML", control = tight),
  error = function(e) { refit_note(e); gls(change ~ baseline + visit, data = d, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum), method = "REML", control = glsControl(apVar = FALSE)) })
em <- tryCatch(suppressMessages(summary(emmeans(fit, ~ visit))), error = function(e) { df_note(e); suppressMessages(summary(emmeans(fit, ~ visit, mode = "df.error"))) })
print(em)

# ---- responders and remitters: ITT (missing = non-responder) and completers, Wilson CIs ----
last <- setNames(total_at(dosed, primary), dosed)
eligible <- dosed[!is.na(baseline) & (is.na(min_baseline) | (if (higher_is_worse) baseline >= min_baseline else baseline <= min_baseline))]
improvement <- function(ids) { b <- baseline[ids]; t <- last[ids]; if (higher_is_worse) (b - t) / b else (t - b) / b }
responded <- function(ids) { x <- improvement(ids); !is.na(x) & baseline[ids] != 0 & x >= min_reduction - 1e-12 }
in_remission <- function(x) !is.na(x) & (is.na(remission_at_most) | x <= remission_at_most) & (is.na(remission_at_least) | x >= remission_at_least)
remitted <- function(ids) {
  ok <- in_remission(last[ids])
  if (sustained) { k <- match(primary, visits); if (k > 1) ok <- ok & in_remission(total_at(ids, visits[k - 1])) else ok <- FALSE }
  ok
}
completer_set <- eligible[eligible %in% completed & !is.na(last[eligible])]
row <- function(name, f, ids) {
  k <- sum(f(ids)); n <- length(ids)
  ci <- if (n > 0) prop.test(k, n, correct = FALSE)$conf.int else c(NA, NA)
  data.frame(outcome = name, k = k, n = n, estimate = if (n > 0) k / n else NA, wilson_lo = ci[1], wilson_hi = ci[2])
}
responder_table <- suppressWarnings(rbind(row("responders_itt", responded, eligible), row("responders_completers", responded, completer_set),
  row("remitters_itt", remitted, eligible), row("remitters_completers", remitted, completer_set)))
print(responder_table, row.names = FALSE)

# ---- sensitivity: tipping point for missing data (delta-adjusted, closed form) ----
# The analysed participants without the primary visit are assumed to score delta points higher than
# predicted under MAR; the estimate becomes estimate + delta * missing / n with the MMRM's SE and
# df, and the tipping point is the delta at which the 95 % CI reaches 0. (df here are emmeans'; the
# report's Satterthwaite df from the REML likelihood can differ in the 4th digit.)
pe <- em[em$visit == primary, ]
analysed <- dosed[!is.na(baseline)]
n_missing <- sum(is.na(total_at(analysed, primary)))
share <- n_missing / length(analysed)
half <- qt(0.975, pe$df) * pe$SE
lo <- pe$emmean - half; hi <- pe$emmean + half
tipping <- if (share == 0) NA else if (hi < 0) -hi / share else if (lo > 0) -lo / share else { a <- -lo / share; b <- -hi / share; if (abs(a) <= abs(b)) a else b }
cat(sprintf("tipping_point_missing %d of %d\\n", n_missing, length(analysed)))
cat(sprintf("tipping_point_delta %.12g\\n", tipping))

# ---- sensitivity: per protocol, the same MMRM on in-window observations ----
if (!is.na(pp_doses)) {
  exposures <- read.csv("exposures.csv", stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
  dose_days <- split(exposures$day, exposures$study_id)
  per_protocol <- vapply(dosed, function(id) {
    days <- sort(dose_days[[id]])
    received <- if (is.null(participants$doses)) NA else participants$doses[match(id, participants$study_id)]
    if (is.na(received)) received <- length(days)
    if (received < pp_doses) return(FALSE)
    if (!is.na(pp_interval)) {
      if (length(days) < pp_doses) return(FALSE)
      k <- seq_len(pp_doses) - 1; dd <- days[seq_len(pp_doses)]
      if (any(dd < k * pp_interval - pp_before | dd > k * pp_interval + pp_after)) return(FALSE)
    }
    r <- outcomes[outcomes$study_id == id & outcomes$visit == primary, ]
    nrow(r) > 0 && !is.na(r$total[1]) && (is.na(r$in_window[1]) || r$in_window[1] != 0)
  }, TRUE)
  dp <- d[d$study_id %in% dosed[per_protocol] & (is.na(d$in_window) | d$in_window != 0), ]
  dp$visit <- factor(as.character(dp$visit), levels = observed[observed %in% dp$visit])
  dp$vnum <- as.integer(dp$visit)
  fit_pp <- tryCatch(gls(change ~ baseline + visit, data = dp, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum), method = "REML", control = tight),
    error = function(e) { refit_note(e); gls(change ~ baseline + visit, data = dp, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum), method = "REML", control = glsControl(apVar = FALSE)) })
  em_pp <- tryCatch(suppressMessages(summary(emmeans(fit_pp, ~ visit))), error = function(e) { df_note(e); suppressMessages(summary(emmeans(fit_pp, ~ visit, mode = "df.error"))) })
  print(em_pp)
  cat(sprintf("per_protocol_participants %d\\n", length(unique(dp$study_id))))
  cat(sprintf("per_protocol_estimate %.12g\\n", em_pp$emmean[em_pp$visit == primary]))
}

cat(sprintf("primary_estimate %.12g\\n", em$emmean[em$visit == primary]))
`;
}
