# Regenerates packages/core/src/stats/fixtures/mmrm-btheb.json (run from the repository root):
#   Rscript scripts/r/stats-mmrm.R
# MMRM on HSAUR3's BtheB trial in long form (packages/core/src/stats/fixtures/btheb-long.csv, made by
# scripts/r/stats-lmm-btheb.R): bdi ~ bdi.pre + treatment * factor(time), visits 2, 3, 5, 8 months,
# dropouts left missing. Fitted by nlme::gls (REML) with an unstructured covariance
# (corSymm + varIdent), compound symmetry (corCompSymm) and AR(1) (corAR1 over the visit index).
#
# Satterthwaite df are not reported by gls (and emmeans' default for gls is not Satterthwaite), so
# they are computed here from the REML likelihood: a direct implementation of the REML
# log-likelihood over the covariance parameters (checked against gls's logLik at gls's optimum, and
# polished to the optimum), cov(beta) as a function of them, and numDeriv derivatives:
# df(L) = 2 (L C L')^2 / (g' A g), g_k = L dC/dphi_k L', A = 2 H^-1 (H = Hessian of -2 REML logLik).
source("scripts/r/stats-json.R")
suppressMessages({ library(nlme); library(numDeriv) })

d <- read.csv("packages/core/src/stats/fixtures/btheb-long.csv", stringsAsFactors = TRUE)
d$treatment <- relevel(d$treatment, ref = "TAU")
d <- d[!is.na(d$bdi), ]
visits <- sort(unique(d$time))
d$vnum <- match(d$time, visits)
fml <- bdi ~ bdi.pre + treatment * factor(time)
X <- model.matrix(fml, d)
y <- d$bdi
subj <- split(seq_len(nrow(d)), d$subject)
T <- length(visits)
p <- ncol(X)

# Covariance from parameters (same parameterisations as packages/core/src/stats/mmrm.ts, though
# Satterthwaite df do not depend on the parameterisation at the optimum).
sigma_of <- function(phi, type) {
  if (type == "us") {
    L <- matrix(0, T, T); L[lower.tri(L, diag = TRUE)] <- phi
    diag(L) <- exp(diag(L)); return(L %*% t(L))
  }
  s2 <- exp(2 * phi[1])
  if (type == "cs") { rho <- phi[2]; S <- matrix(rho, T, T); diag(S) <- 1; return(s2 * S) }
  rho <- tanh(phi[2]); s2 * rho^abs(outer(1:T, 1:T, "-"))
}
gls_state <- function(S) {
  A <- matrix(0, p, p); b <- numeric(p); yy <- 0; ld <- 0
  for (idx in subj) {
    v <- d$vnum[idx]; Si <- S[v, v, drop = FALSE]; Ci <- chol(Si)
    Wx <- backsolve(Ci, X[idx, , drop = FALSE], transpose = TRUE)
    wy <- backsolve(Ci, y[idx], transpose = TRUE)
    A <- A + crossprod(Wx); b <- b + crossprod(Wx, wy); yy <- yy + sum(wy^2); ld <- ld + 2 * sum(log(diag(Ci)))
  }
  beta <- solve(A, b)
  list(beta = drop(beta), C = solve(A), dev = ld + (yy - sum(b * beta)) + as.numeric(determinant(A)$modulus) + (nrow(X) - p) * log(2 * pi))
}
reml_dev <- function(phi, type) gls_state(sigma_of(phi, type))$dev

fit_case <- function(type) {
  cor <- switch(type, us = corSymm(form = ~ vnum | subject), cs = corCompSymm(form = ~ vnum | subject), ar1 = corAR1(form = ~ vnum | subject))
  w <- if (type == "us") varIdent(form = ~ 1 | vnum) else NULL
  g <- gls(fml, data = d, correlation = cor, weights = w, method = "REML", control = glsControl(tolerance = 1e-10, msTol = 1e-10, msMaxIter = 1000, maxIter = 1000))
  S_gls <- getVarCov(g, individual = names(subj)[which.max(lengths(subj))])
  if (any(dim(S_gls) != T)) stop("the subject used for getVarCov must have every visit")
  phi0 <- switch(type,
    us = { L <- t(chol(unclass(S_gls))); diag(L) <- log(diag(L)); L[lower.tri(L, diag = TRUE)] },
    cs = c(log(sqrt(S_gls[1, 1])), S_gls[1, 2] / S_gls[1, 1]),
    ar1 = c(log(sqrt(S_gls[1, 1])), atanh(S_gls[1, 2] / S_gls[1, 1])))
  # The REML constant of nlme is not (N - p) log(2 pi) + log|X'V^-1 X| alone; record both.
  check <- c(gls = -2 * as.numeric(logLik(g)), here = reml_dev(phi0, type))
  opt <- optim(phi0, reml_dev, type = type, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
  phi <- opt$par
  st <- gls_state(sigma_of(phi, type))
  h <- numDeriv::hessian(reml_dev, phi, type = type, method.args = list(eps = 1e-3))
  A <- 2 * solve(h)
  J <- numDeriv::jacobian(function(f) as.vector(gls_state(sigma_of(f, type))$C), phi, method.args = list(eps = 1e-3))
  sat <- function(L) {
    v <- drop(t(L) %*% st$C %*% L)
    gr <- vapply(seq_len(ncol(J)), function(k) drop(t(L) %*% matrix(J[, k], p) %*% L), 0)
    list(v = v, df = 2 * v^2 / sum(gr * (A %*% gr)))
  }
  fixed <- lapply(seq_len(p), function(j) {
    L <- numeric(p); L[j] <- 1; s <- sat(L); se <- sqrt(s$v); t <- st$beta[j] / se
    list(estimate = unname(st$beta[j]), se = se, t = unname(t), df = s$df, p = 2 * pt(-abs(t), s$df),
         glsEstimate = unname(coef(g)[j]), glsSe = unname(sqrt(diag(vcov(g)))[j]))
  })
  names(fixed) <- colnames(X)
  # Contrast BtheB - TAU at each visit (bdi.pre at its mean, as emmeans' reference grid).
  grid <- function(trt, tm) {
    nd <- data.frame(bdi.pre = mean(d$bdi.pre), treatment = factor(rep(trt, T), levels = levels(d$treatment)), time = visits, bdi = 0)
    model.matrix(fml, nd)[match(tm, visits), ]
  }
  contrasts <- lapply(visits, function(tm) {
    L <- drop(grid("BtheB", tm) - grid("TAU", tm)); s <- sat(L); est <- sum(L * st$beta); se <- sqrt(s$v)
    q <- qt(0.975, s$df)
    list(estimate = est, se = se, df = s$df, ci95 = arr(c(est - q * se, est + q * se)), p = 2 * pt(-abs(est / se), s$df))
  })
  names(contrasts) <- as.character(visits)
  S <- sigma_of(phi, type)
  list(covariance_type = type, nobs = nrow(X), fixed = fixed, covariance = lapply(1:T, function(i) arr(S[i, ])),
       minus2REML_here = st$dev, minus2REML_gls_at_gls_optimum = unname(check["gls"]), minus2REML_here_at_gls_optimum = unname(check["here"]),
       logLik_gls = as.numeric(logLik(g)), polishedImprovement = unname(check["here"] - st$dev), contrasts = contrasts)
}

write_json17(list(
  source = "HSAUR3 1.0-13 BtheB long form; nlme 3.1-162 gls (REML) + REML likelihood polished and differentiated with numDeriv; scripts/r/stats-mmrm.R",
  formula = "bdi ~ bdi.pre + treatment * factor(time)", subject = "subject", visit = "time", contrast = "treatment", levels = list(treatment = "TAU"),
  fits = list(us = fit_case("us"), cs = fit_case("cs"), ar1 = fit_case("ar1"))), "packages/core/src/stats/fixtures/mmrm-btheb.json")
