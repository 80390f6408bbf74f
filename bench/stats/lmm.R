# Benchmark counterpart of `mimamori stats lmm`: start, read the CSV, fit by REML with lme4,
# Satterthwaite df with lmerTest, print one JSON object. Used by bench/stats/run.mjs.
#   Rscript bench/stats/lmm.R data.csv [tight]
# With "tight", the fit uses very tight optimiser tolerances (nloptwrap, then a bobyqa restart) to
# serve as the accuracy reference; the timed runs use lme4's defaults.
args <- commandArgs(trailingOnly = TRUE)
tight <- length(args) > 1 && args[2] == "tight"
suppressMessages({ library(lme4); library(lmerTest) })
t0 <- proc.time()[["elapsed"]]
d <- read.csv(args[1])
t1 <- proc.time()[["elapsed"]]
if (tight) {
  fit0 <- lme4::lmer(y ~ time + (time | id), data = d, REML = TRUE,
    control = lmerControl(optimizer = "nloptwrap", optCtrl = list(xtol_rel = 1e-14, ftol_rel = 1e-16, maxeval = 100000), check.conv.grad = "ignore"))
  fit <- lme4::lmer(y ~ time + (time | id), data = d, REML = TRUE, start = getME(fit0, "theta"),
    control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 1e-3, rhoend = 1e-14, maxfun = 100000), check.conv.grad = "ignore"))
} else {
  fit <- lme4::lmer(y ~ time + (time | id), data = d, REML = TRUE)
}
t2 <- proc.time()[["elapsed"]]
fitT <- lmerTest::as_lmerModLmerTest(fit)
co <- summary(fitT)$coefficients
t3 <- proc.time()[["elapsed"]]
vc <- VarCorr(fit)$id
num <- function(x) sprintf("%.17g", x)
fe <- paste(vapply(rownames(co), function(nm) sprintf('"%s":{"estimate":%s,"se":%s,"df":%s}', nm, num(co[nm, 1]), num(co[nm, 2]), num(co[nm, "df"])), ""), collapse = ",")
cat(sprintf('{"fixed":{%s},"sd":{"(Intercept)":%s,"time":%s},"corr":%s,"sigma":%s,"remlCriterion":%s,"readSeconds":%s,"fitSeconds":%s,"satterthwaiteSeconds":%s}\n',
  fe, num(attr(vc, "stddev")[1]), num(attr(vc, "stddev")[2]), num(attr(vc, "correlation")[1, 2]), num(sigma(fit)), num(REMLcrit(fit)),
  num(t1 - t0), num(t2 - t1), num(t3 - t2)))
