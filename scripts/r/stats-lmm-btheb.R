# Regenerates packages/core/src/stats/fixtures/btheb-long.csv and lmm-btheb.json (run from the
# repository root): Rscript scripts/r/stats-lmm-btheb.R
# HSAUR3's BtheB trial (Beat the Blues vs treatment as usual) in long form, fitted with lme4 +
# lmerTest at very tight optimiser tolerances (Satterthwaite df from lmerTest).
source("scripts/r/stats-json.R")
suppressMessages({ library(HSAUR3); library(lme4); library(lmerTest); library(numDeriv) })
data("BtheB", package = "HSAUR3")
BtheB$subject <- factor(seq_len(nrow(BtheB)))
long <- reshape(BtheB, idvar = "subject", varying = c("bdi.2m", "bdi.3m", "bdi.5m", "bdi.8m"),
                direction = "long", v.names = "bdi", timevar = "time", times = c(2, 3, 5, 8))
long <- long[order(as.integer(long$subject), long$time), c("subject", "time", "bdi", "bdi.pre", "treatment", "drug", "length")]
write.csv(long, "packages/core/src/stats/fixtures/btheb-long.csv", row.names = FALSE, na = "NA")

# Read back as the CLI does: text columns become factors with sorted levels; the trial's own
# reference arm (TAU) is chosen explicitly, as `--levels treatment=TAU` does.
d <- read.csv("packages/core/src/stats/fixtures/btheb-long.csv", stringsAsFactors = TRUE)
d$treatment <- relevel(d$treatment, ref = "TAU")
ctl <- lmerControl(optimizer = "nloptwrap", optCtrl = list(xtol_rel = 1e-14, ftol_rel = 1e-16, maxeval = 100000),
                   check.conv.grad = "ignore", check.conv.singular = "ignore", check.conv.hess = "ignore")

# A second bobyqa run from the first optimum with a tiny trust region: the REML surface of the
# random-slope model is flat along one direction and the first stop is ~1e-9 short of the minimum.
ctl2 <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 1e-3, rhoend = 1e-14, maxfun = 100000),
                    check.conv.grad = "ignore", check.conv.singular = "ignore", check.conv.hess = "ignore")

# lmerTest's Satterthwaite df, with its own devfun_vp/get_covbeta, but numerical derivatives taken
# with an absolute first step of 1e-3 (numDeriv on shifted arguments). lmerTest's default step is
# 1e-4 x |parameter|, far too small for a near-zero covariance parameter (theta[2] here is -5e-4),
# which makes its df noisy in the 5th digit; both are recorded.
satterthwaite_df <- function(fit, REML) {
  dd <- as.function(fit)
  vp <- c(getME(fit, "theta"), sigma(fit))
  p <- length(fixef(fit))
  h <- numDeriv::hessian(function(u) lmerTest:::devfun_vp(vp + u, dd, REML), 0 * vp, method.args = list(eps = 1e-3))
  A <- 2 * solve(h)
  J <- numDeriv::jacobian(function(u) lmerTest:::get_covbeta(vp + u, dd), 0 * vp, method.args = list(eps = 1e-3))
  C <- lmerTest:::get_covbeta(vp, dd)
  vapply(seq_len(p), function(j) {
    g <- vapply(seq_len(ncol(J)), function(k) matrix(J[, k], p)[j, j], 0)
    2 * C[j, j]^2 / sum(g * (A %*% g))
  }, 0)
}

summarise <- function(formula, REML) {
  fit0 <- lmer(as.formula(formula), data = d, REML = REML, control = ctl)
  fit <- lmer(as.formula(formula), data = d, REML = REML, control = ctl2, start = getME(fit0, "theta"))
  co <- summary(fit)$coefficients
  dfs <- satterthwaite_df(fit, REML)
  names(dfs) <- rownames(co)
  fixed <- lapply(rownames(co), function(nm) list(estimate = co[nm, "Estimate"], se = co[nm, "Std. Error"],
    t = co[nm, "t value"], df = unname(dfs[nm]), p = 2 * pt(-abs(co[nm, "t value"]), dfs[nm]),
    dfLmerTest = co[nm, "df"], pLmerTest = co[nm, "Pr(>|t|)"]))
  names(fixed) <- rownames(co)
  vc <- VarCorr(fit)[[1]]
  sds <- as.list(attr(vc, "stddev"))
  corr <- attr(vc, "correlation")
  ll <- logLik(fit)
  list(formula = formula, REML = REML, fixed = fixed,
       random = list(subject = list(sd = sds, corr = if (ncol(corr) > 1) lapply(seq_len(nrow(corr)), function(i) arr(corr[i, ])) else NULL)),
       sigma = sigma(fit), remlCriterion = if (REML) unname(lme4::REMLcrit(fit)) else NULL,
       deviance = if (!REML) unname(deviance(fit)) else NULL,
       logLik = as.numeric(ll), aic = AIC(fit), bic = BIC(fit), nobs = nobs(fit),
       ngroups = list(subject = unname(ngrps(fit))), theta = arr(unname(getME(fit, "theta"))),
       singular = isSingular(fit))
}

write_json17(list(
  source = "HSAUR3 1.0-13 BtheB (long form), lme4 1.1-31 + lmerTest 3.1-3, nloptwrap xtol_rel 1e-14 then bobyqa rhoend 1e-14; df = lmerTest Satterthwaite with absolute-step numDeriv (dfLmerTest = lmerTest default); scripts/r/stats-lmm-btheb.R",
  levels = list(treatment = "TAU"),
  models = list(
    intercept_reml = summarise("bdi ~ bdi.pre + time + treatment + drug + length + (1 | subject)", TRUE),
    intercept_ml = summarise("bdi ~ bdi.pre + time + treatment + drug + length + (1 | subject)", FALSE),
    slope_interaction_reml = summarise("bdi ~ bdi.pre + time * treatment + drug + length + (time | subject)", TRUE),
    factor_time_reml = summarise("bdi ~ bdi.pre + factor(time) + treatment + drug + length + (1 | subject)", TRUE)
  )), "packages/core/src/stats/fixtures/lmm-btheb.json")
