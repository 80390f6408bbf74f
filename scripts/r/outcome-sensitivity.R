# Reference values for the outcome report's sensitivity analyses, safety table and biomarker
# trajectories, computed by R from the fixture data cut that scripts/r/outcome-report.R writes
# (run that first; run this from the repository root):
#   Rscript scripts/r/outcome-sensitivity.R
# Writes packages/core/src/outcome/fixtures/cut-small-sensitivity.json:
#   - tipping point: the primary MMRM (nlme::gls, unstructured, REML; emmeans at the mean baseline;
#     Satterthwaite df from the REML likelihood by numDeriv), the share of analysed participants
#     without the primary visit, and the delta at which the 95 % CI of estimate + delta * share
#     reaches 0;
#   - per protocol: the plan's definition applied to participants.csv, exposures.csv and
#     outcomes.csv, and the same MMRM on the per-protocol participants' in-window observations;
#   - adverse events by relatedness x grade (participants and events), all and serious;
#   - biomarkers per analyte and visit: n, mean, t.test 95 % CI, median day.
source("scripts/r/stats-json.R")
suppressMessages({ library(nlme); library(emmeans); library(numDeriv) })

dir <- "packages/core/src/outcome/fixtures/cut-small"
rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
part <- rd("participants.csv"); o <- rd("outcomes.csv"); expo <- rd("exposures.csv"); ae <- rd("adverse_events.csv"); labs <- rd("labs.csv")
visits <- c("w2", "w4", "w8"); primary <- "w8"
pp_def <- list(doses = 4, intervalDays = 14, before = 2, after = 2)  # as in plan.json
o <- o[o$scale == "phq9", ]
dosed <- part$study_id[part$dosed == 1]
bl <- setNames(o$total[o$visit == "baseline"], o$study_id[o$visit == "baseline"])

# MMRM change ~ baseline + visit (unstructured, REML) on rows d; mean change per visit at the mean
# baseline (emmeans), with Satterthwaite df from the REML likelihood (as scripts/r/stats-mmrm.R)
mmrm <- function(d) {
  d$base <- unname(bl[d$study_id]); d$chg <- d$total - d$base
  obs <- visits[visits %in% d$visit]
  d$visit <- factor(d$visit, levels = obs); d$vnum <- as.integer(d$visit)
  d <- d[order(d$study_id, d$vnum), ]
  g <- gls(chg ~ base + visit, data = d, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum),
    method = "REML", control = glsControl(tolerance = 1e-10, msTol = 1e-10, msMaxIter = 1000, maxIter = 1000))
  em <- as.data.frame(summary(emmeans(g, ~ visit, data = d, mode = "df.error")))
  X <- model.matrix(~ base + visit, d); y <- d$chg; p <- ncol(X); T <- length(obs)
  subj <- split(seq_len(nrow(d)), d$study_id)
  sigma_of <- function(phi) { L <- matrix(0, T, T); L[lower.tri(L, diag = TRUE)] <- phi; diag(L) <- exp(diag(L)); L %*% t(L) }
  state <- function(S) {
    A <- matrix(0, p, p); b <- numeric(p); yy <- 0; ld <- 0
    for (idx in subj) {
      v <- d$vnum[idx]; Ci <- chol(S[v, v, drop = FALSE])
      Wx <- backsolve(Ci, X[idx, , drop = FALSE], transpose = TRUE); wy <- backsolve(Ci, y[idx], transpose = TRUE)
      A <- A + crossprod(Wx); b <- b + crossprod(Wx, wy); yy <- yy + sum(wy^2); ld <- ld + 2 * sum(log(diag(Ci)))
    }
    beta <- solve(A, b)
    list(beta = drop(beta), C = solve(A), dev = ld + (yy - sum(b * beta)) + as.numeric(determinant(A)$modulus) + (nrow(X) - p) * log(2 * pi))
  }
  dev <- function(phi) state(sigma_of(phi))$dev
  full <- names(subj)[lengths(subj) == T][1]
  S0 <- unclass(getVarCov(g, individual = full)); L0 <- t(chol(S0)); diag(L0) <- log(diag(L0))
  opt <- optim(L0[lower.tri(L0, diag = TRUE)], dev, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
  phi <- opt$par; st <- state(sigma_of(phi))
  H <- numDeriv::hessian(dev, phi, method.args = list(eps = 1e-3)); A <- 2 * solve(H)
  J <- numDeriv::jacobian(function(f) as.vector(state(sigma_of(f))$C), phi, method.args = list(eps = 1e-3))
  mb <- mean(d$base)
  lapply(seq_along(obs), function(k) {
    L <- c(1, mb, as.numeric(seq_len(T)[-1] == k))
    est <- sum(L * st$beta); v <- drop(t(L) %*% st$C %*% L)
    gr <- vapply(seq_len(ncol(J)), function(j) drop(t(L) %*% matrix(J[, j], p) %*% L), 0)
    df <- 2 * v^2 / sum(gr * (A %*% gr)); se <- sqrt(v); h <- qt(0.975, df) * se
    list(visit = obs[k], estimate = est, se = se, df = df, ci95 = c(est - h, est + h), p = 2 * pt(-abs(est / se), df),
         n = sum(d$visit == obs[k]), emmeansEstimate = em$emmean[k], emmeansSe = em$SE[k])
  })
}

# ---- tipping point ----
analysed <- dosed[!is.na(bl[dosed])]
post <- o[o$visit %in% visits & !is.na(o$total) & o$study_id %in% analysed, ]
pv <- mmrm(post)
pr <- pv[[which(visits == primary)]]
w8 <- o[o$visit == primary & !is.na(o$total), ]
missing <- sum(!analysed %in% w8$study_id)
share <- missing / length(analysed)
delta <- -pr$ci95[2] / share  # the upper bound reaches 0 (the primary estimate is a decrease)
shifted <- function(dl) { e <- pr$estimate + dl * share; h <- qt(0.975, pr$df) * pr$se; list(delta = dl, estimate = e, ci95 = c(e - h, e + h), p = 2 * pt(-abs(e / pr$se), pr$df)) }
tipping <- list(n = length(analysed), missing = missing, fraction = share, delta = delta, primary = pr, atDelta = shifted(delta), at5 = shifted(5))

# ---- per protocol ----
dose_days <- split(expo$day, expo$study_id)
pp_reason <- vapply(dosed, function(id) {
  days <- sort(dose_days[[id]])
  if (length(days) < pp_def$doses) return("fewer_doses")
  k <- seq_len(pp_def$doses) - 1; d <- days[seq_len(pp_def$doses)]
  if (any(d < k * pp_def$intervalDays - pp_def$before | d > k * pp_def$intervalDays + pp_def$after)) return("dose_out_of_window")
  r <- o[o$study_id == id & o$visit == primary, ]
  if (nrow(r) == 0 || is.na(r$total[1])) return("primary_visit_missing")
  if (!is.na(r$in_window[1]) && r$in_window[1] == 0) return("primary_visit_out_of_window")
  ""
}, "")
pp_ids <- dosed[pp_reason == ""]
pp_rows <- o[o$visit %in% visits & !is.na(o$total) & o$study_id %in% pp_ids & !is.na(bl[o$study_id]) & (is.na(o$in_window) | o$in_window != 0), ]
ppv <- mmrm(pp_rows)
excluded <- as.list(table(factor(pp_reason[pp_reason != ""], levels = c("fewer_doses", "dose_out_of_window", "primary_visit_missing", "primary_visit_out_of_window"))))
per_protocol <- list(ids = pp_ids, participants = length(unique(pp_rows$study_id)), perVisit = ppv, excluded = lapply(excluded, as.numeric))

# ---- adverse events by relatedness x grade (the dosed) ----
ae <- ae[ae$study_id %in% dosed, ]
ae_cells <- function(a) {
  out <- list()
  for (r in unique(a$related)) for (g in unique(a$grade)) {
    s <- a[a$related == r & a$grade == g, ]
    if (nrow(s)) out[[paste(r, g, sep = "|")]] <- list(participants = length(unique(s$study_id)), events = nrow(s))
  }
  out$total <- list(participants = length(unique(a$study_id)), events = nrow(a))
  out
}
aeTable <- list(all = ae_cells(ae), serious = ae_cells(ae[ae$serious == 1, ]))

# ---- biomarker means per visit (the dosed) ----
labs <- labs[labs$study_id %in% dosed & !is.na(labs$value), ]
bio <- list()
for (an in sort(unique(labs$analyte))) for (v in c("baseline", "w8")) {
  x <- labs[labs$analyte == an & labs$visit == v, ]
  t <- t.test(x$value)
  bio[[paste(an, v, sep = "|")]] <- list(n = nrow(x), mean = mean(x$value), ci95 = as.numeric(t$conf.int), day = median(x$day))
}

write_json17(list(tippingPoint = tipping, perProtocol = per_protocol, aeTable = aeTable, biomarkers = bio),
  "packages/core/src/outcome/fixtures/cut-small-sensitivity.json")
