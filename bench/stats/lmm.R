# Benchmark counterpart of `mimamori stats lmm`: start, read the CSV, fit by REML with lme4,
# Satterthwaite df with lmerTest, print one JSON object. Used by bench/stats/run.mjs.
#   Rscript bench/stats/lmm.R data.csv [lme4|tight]
# With "lme4", only lme4 is loaded and fitted (no df; "df" is null). With "tight", the fit uses very
# tight optimiser tolerances (nloptwrap, then a bobyqa restart) to serve as the accuracy reference;
# the timed runs use lme4's defaults.
args <- commandArgs(trailingOnly = TRUE)
mode <- if (length(args) > 1) args[2] else "lmerTest"
tight <- mode == "tight"
withDf <- mode != "lme4"
suppressMessages({ library(lme4); if (withDf) library(lmerTest) })
t0 <- proc.time()[["elapsed"]]
d <- read.csv(args[1])
t1 <- proc.time()[["elapsed"]]
c1 <- sum(proc.time()[c("user.self", "sys.self")])
if (tight) {
  fit0 <- lme4::lmer(y ~ time + (time | id), data = d, REML = TRUE,
    control = lmerControl(optimizer = "nloptwrap", optCtrl = list(xtol_rel = 1e-14, ftol_rel = 1e-16, maxeval = 100000), check.conv.grad = "ignore"))
  fit <- lme4::lmer(y ~ time + (time | id), data = d, REML = TRUE, start = getME(fit0, "theta"),
    control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 1e-3, rhoend = 1e-14, maxfun = 100000), check.conv.grad = "ignore"))
} else {
  fit <- lme4::lmer(y ~ time + (time | id), data = d, REML = TRUE)
}
t2 <- proc.time()[["elapsed"]]
c2 <- sum(proc.time()[c("user.self", "sys.self")])
if (withDf) {
  co <- summary(lmerTest::as_lmerModLmerTest(fit))$coefficients
} else {
  co <- cbind(summary(fit)$coefficients, df = NA)
}
t3 <- proc.time()[["elapsed"]]
vc <- VarCorr(fit)$id
num <- function(x) sprintf("%.17g", x)
fe <- paste(vapply(rownames(co), function(nm) sprintf('"%s":{"estimate":%s,"se":%s,"df":%s}', nm, num(co[nm, 1]), num(co[nm, 2]), if (withDf) num(co[nm, "df"]) else "null"), ""), collapse = ",")
cat(sprintf('{"fixed":{%s},"sd":{"(Intercept)":%s,"time":%s},"corr":%s,"sigma":%s,"remlCriterion":%s,"readSeconds":%s,"fitSeconds":%s,"satterthwaiteSeconds":%s,"fitCpuSeconds":%s}\n',
  fe, num(attr(vc, "stddev")[1]), num(attr(vc, "stddev")[2]), num(attr(vc, "correlation")[1, 2]), num(sigma(fit)), num(REMLcrit(fit)),
  num(t1 - t0), num(t2 - t1), num(t3 - t2), num(c2 - c1)))
