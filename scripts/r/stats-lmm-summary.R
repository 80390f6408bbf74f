# Shared by the LMM fixture scripts: an lme4 fit at very tight optimiser tolerances, summarised
# with Satterthwaite df, as a list for write_json17 (scripts/r/stats-json.R).
suppressMessages({ library(lme4); library(lmerTest); library(numDeriv) })

ctl <- lmerControl(optimizer = "nloptwrap", optCtrl = list(xtol_rel = 1e-14, ftol_rel = 1e-16, maxeval = 100000),
                   check.conv.grad = "ignore", check.conv.singular = "ignore", check.conv.hess = "ignore")

# A second bobyqa run from the first optimum with a tiny trust region: the REML surface of a
# random-slope model can be flat along one direction, and the first stop ~1e-9 short of the minimum.
ctl2 <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 1e-3, rhoend = 1e-14, maxfun = 100000),
                    check.conv.grad = "ignore", check.conv.singular = "ignore", check.conv.hess = "ignore")

# lmerTest's Satterthwaite df, with its own devfun_vp/get_covbeta, but numerical derivatives taken
# with an absolute first step of 1e-3 (numDeriv on shifted arguments). lmerTest's default step is
# 1e-4 x |parameter|, far too small for a near-zero covariance parameter, which makes its df noisy
# in the 5th digit; both are recorded.
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

# `group` names the grouping factor (one random-effects term) in the output.
summarise_lmm <- function(formula, REML, data, group) {
  fit0 <- lmer(as.formula(formula), data = data, REML = REML, control = ctl)
  fit <- lmer(as.formula(formula), data = data, REML = REML, control = ctl2, start = getME(fit0, "theta"))
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
  random <- list(list(sd = sds, corr = if (ncol(corr) > 1) lapply(seq_len(nrow(corr)), function(i) arr(corr[i, ])) else NULL))
  names(random) <- group
  ngroups <- list(unname(ngrps(fit)))
  names(ngroups) <- group
  list(formula = formula, REML = REML, fixed = fixed, random = random,
       sigma = sigma(fit), remlCriterion = if (REML) unname(lme4::REMLcrit(fit)) else NULL,
       deviance = if (!REML) unname(deviance(fit)) else NULL,
       logLik = as.numeric(ll), aic = AIC(fit), bic = BIC(fit), nobs = nobs(fit),
       ngroups = ngroups, theta = arr(unname(getME(fit, "theta"))),
       singular = isSingular(fit))
}
