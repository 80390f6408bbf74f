# Regenerates the outcome-report fixture and its R reference values (run from the repository root):
#   Rscript scripts/r/outcome-report.R
# Writes a small fictitious data cut to packages/core/src/outcome/fixtures/cut-small/ (30 screened,
# 25 dosed, PHQ-9 at screening, baseline and weeks 2, 4 and 8, dropouts left missing, adverse events,
# labs) and packages/core/src/outcome/fixtures/cut-small-expected.json with what R computes:
#   - MMRM: nlme::gls(chg ~ base + visit, corSymm + varIdent, REML) and emmeans(~ visit) for the mean
#     change per visit at the mean baseline; Satterthwaite df from the REML likelihood by numDeriv
#     (as in scripts/r/stats-mmrm.R, since emmeans' default df for gls are not Satterthwaite);
#   - paired t and Wilcoxon at the primary visit (completers), LOCF one-sample t;
#   - responders / remitters with Wilson intervals (prop.test without correction), ITT and completers;
#   - screening -> baseline paired change; adverse events with Clopper-Pearson (binom.test);
#   - biomarker paired t tests with Holm (pre-specified) and BH (exploratory) adjustment.
source("scripts/r/stats-json.R")
suppressMessages({ library(nlme); library(emmeans); library(numDeriv) })

dir <- "packages/core/src/outcome/fixtures/cut-small"
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
set.seed(20261207)
N <- 30
ids <- sprintf("S%03d", 1:N)
status <- c(rep("screen_failed", 3), rep("declined", 2), rep("completed", 19), rep("withdrawn", 3), rep("lost", 2), "ongoing")
reason <- c(rep("ineligible_severity", 2), "ineligible_medication", "cost", "no_reason_given", rep("", 19), "adverse_event", "lack_of_efficacy", "moved", "", "", "")
dosed <- as.integer(!status %in% c("screen_failed", "declined"))
completed <- as.integer(status == "completed")
# last visit attended (index into visits) for the dosed who left early
visits <- c("w2", "w4", "w8"); vday <- c(14, 28, 56)
last <- ifelse(status == "completed", 3, ifelse(status %in% c("withdrawn", "lost"), c(0, 1, 2, 1, 0)[cumsum(status %in% c("withdrawn", "lost"))], ifelse(status == "ongoing", 2, 0)))
age_band <- sample(c("20-29", "30-39", "40-49", "50-59"), N, replace = TRUE)
sex <- sample(c("female", "male"), N, replace = TRUE, prob = c(0.6, 0.4))
screen <- pmin(27, pmax(0, round(rnorm(N, 15, 4))))
base <- pmin(27, pmax(0, round(screen - 1.5 + rnorm(N, 0, 2))))
base[6] <- 3  # a mild participant: excluded from response and remission
part <- data.frame(study_id = ids, status = status, dosed = dosed, completed = completed, reason = reason, age_band = age_band, sex = sex)
out <- list()
for (i in 1:N) {
  out[[length(out) + 1]] <- data.frame(study_id = ids[i], visit = "screening", day = -14 + sample(-2:2, 1), nominal_day = -14, in_window = 1, scale = "phq9", informant = "self", total = screen[i])
  if (!dosed[i]) next
  out[[length(out) + 1]] <- data.frame(study_id = ids[i], visit = "baseline", day = 0, nominal_day = 0, in_window = 1, scale = "phq9", informant = "self", total = base[i])
  eff <- rnorm(1, 0, 2)
  for (v in seq_along(visits)) {
    total <- if (v <= last[i]) pmin(27, pmax(0, round(base[i] - c(2.5, 4.5, 6.5)[v] + eff + rnorm(1, 0, 2.5)))) else NA
    if (v <= last[i] && i %% 11 == 0 && v == 2) total <- NA  # an unanswered questionnaire mid-course
    day <- if (is.na(total)) NA else vday[v] + sample(-3:3, 1)
    out[[length(out) + 1]] <- data.frame(study_id = ids[i], visit = visits[v], day = day, nominal_day = vday[v], in_window = if (is.na(day)) NA else as.integer(abs(day - vday[v]) <= 3), scale = "phq9", informant = "self", total = total)
  }
}
outc <- do.call(rbind, out)
# protocol deviations for the per-protocol sensitivity analysis: S017 answered week 8 late (out of
# window)
outc[outc$study_id == "S017" & outc$visit == "w8", c("day", "in_window")] <- list(62, 0)
# ... and S019 week 4 (S019 stays per protocol; that one answer is left out of the per-protocol model)
outc[outc$study_id == "S019" & outc$visit == "w4", c("day", "in_window")] <- list(35, 0)
exp_rows <- list()
for (i in which(dosed == 1)) {
  nd <- if (status[i] == "completed") 4 else max(1, last[i] + 1)
  for (k in 1:nd) exp_rows[[length(exp_rows) + 1]] <- data.frame(study_id = ids[i], day = (k - 1) * 14, kind = "infusion", dose_number = k)
}
expo <- do.call(rbind, exp_rows)
# S013's third infusion five days late (outside 14 ± 2 days); S022 missed the fourth
expo$day[expo$study_id == "S013" & expo$dose_number == 3] <- 33
expo <- expo[!(expo$study_id == "S022" & expo$dose_number == 4), ]
ae <- data.frame(
  study_id = ids[c(6, 6, 9, 12, 15, 20, 26, 28)],
  day = c(1, 15, 0, 29, 2, 43, 14, 1),
  term = c("headache", "fatigue", "headache", "fever", "injection_site_reaction", "nausea", "syncope", "headache"),
  grade = c(1, 1, 2, 1, 1, 1, 3, 1),
  serious = c(0, 0, 0, 0, 0, 0, 1, 0),
  related = c("probable", "possible", "probable", "possible", "definite", "unlikely", "possible", "probable"))
meds <- data.frame(study_id = ids[c(7, 10, 10, 21)], generic_name = c("sertraline", "zolpidem", "sertraline", "mirtazapine"),
  dose_per_day = c(50, 5, 100, 15), unit = "mg", start_day = c(-300, -40, 20, -200), stop_day = c(NA, 10, NA, NA), changed_during_program = c(0, 1, 1, 0))
lab_rows <- list()
for (i in which(dosed == 1)) for (an in c("bdnf", "crp", "il6")) for (v in c("baseline", "w8")) {
  if (v == "w8" && last[i] < 3) next
  mu <- switch(an, bdnf = 20, crp = 1.2, il6 = 3)
  shift <- if (v == "w8") switch(an, bdnf = 2.5, crp = -0.1, il6 = 0) else 0
  val <- round(mu + shift + rnorm(1, 0, mu * 0.2), 2)
  lab_rows[[length(lab_rows) + 1]] <- data.frame(study_id = ids[i], analyte = an, sample_type = "serum", value = val,
    unit = switch(an, bdnf = "ng/mL", crp = "mg/L", il6 = "pg/mL"), day = if (v == "w8") 56 else 0, visit = v, time = "10:30")
}
labs <- do.call(rbind, lab_rows)
codebook <- data.frame(file = "outcomes.csv", column = c("study_id", "visit", "day", "in_window", "scale", "informant", "total"),
  type = c("text", "text", "integer", "0/1", "text", "text", "number"),
  description = c("pseudonymous study id", "screening, baseline or visit id", "days from the first dose", "within the visit window", "scale id", "informant", "total score"))
wcsv <- function(d, f, quote = FALSE) write.csv(d, file.path(dir, f), row.names = FALSE, na = "", quote = quote)
wcsv(part, "participants.csv"); wcsv(outc, "outcomes.csv"); wcsv(ae, "adverse_events.csv"); wcsv(meds, "medications.csv")
wcsv(labs, "labs.csv"); wcsv(expo, "exposures.csv"); wcsv(codebook, "codebook.csv", quote = TRUE)
plan <- '{
  "version": 2,
  "lockedAt": "2026-04-01T03:00:00Z",
  "primary": { "scale": "phq9", "visit": "w8" },
  "visits": ["w2", "w4", "w8"],
  "alpha": 0.05,
  "responder": { "minReduction": 0.5, "minBaseline": 5 },
  "remission": { "atMost": 4 },
  "reliableChange": { "sd": 5.5, "reliability": 0.84 },
  "severityBands": [ { "id": "mild", "min": 5, "max": 9 }, { "id": "moderate", "min": 10, "max": 14 }, { "id": "severe", "min": 15, "max": 27 } ],
  "sensitivity": ["completers", "paired", "locf", "per_protocol", "tipping_point"],
  "perProtocol": { "doses": 4, "intervalDays": 14, "windowBeforeDays": 2, "windowAfterDays": 2 },
  "biomarkers": [
    { "id": "bdnf_up", "analyte": "bdnf", "sampleType": "serum", "direction": "increase", "visit": "w8" },
    { "id": "crp_down", "analyte": "crp", "sampleType": "serum", "direction": "decrease", "visit": "w8" }
  ],
  "design": { "control": "none", "raterBlinded": false, "selfPay": true }
}
'
writeLines(plan, file.path(dir, "plan.json"))
writeLines('{
  "files": {},
  "program": { "id": "fixture", "version": 1 },
  "scales": { "phq9": "1.0.0" },
  "mimamoriVersion": "0.1.0",
  "cutAt": "2026-06-01T00:00:00Z",
  "excludedNoDataUse": 1
}', file.path(dir, "manifest.json"))

# ---- reference values ----
o <- outc
bl <- setNames(o$total[o$visit == "baseline"], o$study_id[o$visit == "baseline"])
sc <- setNames(o$total[o$visit == "screening"], o$study_id[o$visit == "screening"])
post <- o[o$visit %in% visits & !is.na(o$total) & o$study_id %in% names(bl)[!is.na(bl)], ]
post$base <- unname(bl[post$study_id]); post$chg <- post$total - post$base
post$visit <- factor(post$visit, levels = visits); post$vnum <- as.integer(post$visit)
post <- post[order(post$study_id, post$vnum), ]
g <- gls(chg ~ base + visit, data = post, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum),
  method = "REML", control = glsControl(tolerance = 1e-10, msTol = 1e-10, msMaxIter = 1000, maxIter = 1000))
em <- as.data.frame(summary(emmeans(g, ~ visit, mode = "df.error")))
# Satterthwaite df by the REML likelihood (see scripts/r/stats-mmrm.R)
X <- model.matrix(~ base + visit, post); y <- post$chg; p <- ncol(X); T <- 3
subj <- split(seq_len(nrow(post)), post$study_id)
sigma_of <- function(phi) { L <- matrix(0, T, T); L[lower.tri(L, diag = TRUE)] <- phi; diag(L) <- exp(diag(L)); L %*% t(L) }
gls_state <- function(S) {
  A <- matrix(0, p, p); b <- numeric(p); yy <- 0; ld <- 0
  for (idx in subj) {
    v <- post$vnum[idx]; Ci <- chol(S[v, v, drop = FALSE])
    Wx <- backsolve(Ci, X[idx, , drop = FALSE], transpose = TRUE); wy <- backsolve(Ci, y[idx], transpose = TRUE)
    A <- A + crossprod(Wx); b <- b + crossprod(Wx, wy); yy <- yy + sum(wy^2); ld <- ld + 2 * sum(log(diag(Ci)))
  }
  beta <- solve(A, b)
  list(beta = drop(beta), C = solve(A), dev = ld + (yy - sum(b * beta)) + as.numeric(determinant(A)$modulus) + (nrow(X) - p) * log(2 * pi))
}
dev <- function(phi) gls_state(sigma_of(phi))$dev
full <- names(subj)[lengths(subj) == T][1]
S0 <- unclass(getVarCov(g, individual = full)); L0 <- t(chol(S0)); diag(L0) <- log(diag(L0))
opt <- optim(L0[lower.tri(L0, diag = TRUE)], dev, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
phi <- opt$par; st <- gls_state(sigma_of(phi))
H <- numDeriv::hessian(dev, phi, method.args = list(eps = 1e-3)); A <- 2 * solve(H)
J <- numDeriv::jacobian(function(f) as.vector(gls_state(sigma_of(f))$C), phi, method.args = list(eps = 1e-3))
mb <- mean(post$base)
perVisit <- lapply(seq_along(visits), function(k) {
  L <- c(1, mb, as.numeric(k == 2), as.numeric(k == 3))
  est <- sum(L * st$beta); v <- drop(t(L) %*% st$C %*% L)
  gr <- vapply(seq_len(ncol(J)), function(j) drop(t(L) %*% matrix(J[, j], p) %*% L), 0)
  df <- 2 * v^2 / sum(gr * (A %*% gr)); se <- sqrt(v); h <- qt(0.975, df) * se
  list(visit = visits[k], estimate = est, se = se, df = df, ci95 = c(est - h, est + h), p = 2 * pt(-abs(est / se), df),
       n = sum(post$visit == visits[k]), emmeansEstimate = em$emmean[k], emmeansSe = em$SE[k])
})

w8 <- setNames(o$total[o$visit == "w8"], o$study_id[o$visit == "w8"])
dosedIds <- ids[dosed == 1]
compIds <- ids[completed == 1]
pairIds <- compIds[!is.na(w8[compIds]) & !is.na(bl[compIds])]
tt <- t.test(w8[pairIds], bl[pairIds], paired = TRUE)
wx <- suppressWarnings(wilcox.test(w8[pairIds], bl[pairIds], paired = TRUE))
# LOCF: the last observed total (baseline when nothing later), all dosed with a baseline
locf <- sapply(dosedIds, function(id) { r <- o[o$study_id == id & o$visit %in% visits & !is.na(o$total), ]; if (nrow(r)) r$total[which.max(match(r$visit, visits))] else bl[[id]] })
lt <- t.test(locf - bl[dosedIds])
# completers-only MMRM is checked through the same engine in the unit tests; here only its n
wil <- function(k, n) { if (n == 0) return(c(NA, NA)); as.numeric(prop.test(k, n, correct = FALSE)$conf.int) }
elig <- dosedIds[bl[dosedIds] >= 5]
resp <- function(id) !is.na(w8[id]) && (bl[[id]] - w8[[id]]) / bl[[id]] >= 0.5
remit <- function(id) !is.na(w8[id]) && w8[[id]] <= 4
cohort <- function(f, set) { k <- sum(vapply(set, f, TRUE)); n <- length(set); list(k = k, n = n, estimate = k / n, wilson = wil(k, n)) }
compElig <- elig[elig %in% compIds & !is.na(w8[elig])]
bands <- list(mild = c(5, 9), moderate = c(10, 14), severe = c(15, 27))
byBand <- lapply(bands, function(b) cohort(resp, elig[bl[elig] >= b[1] & bl[elig] <= b[2]]))
rci <- 1.96 * sqrt(2) * 5.5 * sqrt(1 - 0.84)
rcIds <- dosedIds[!is.na(w8[dosedIds])]
chg8 <- w8[rcIds] - bl[rcIds]
rtmIds <- dosedIds[!is.na(sc[dosedIds]) & !is.na(bl[dosedIds])]
rt <- t.test(bl[rtmIds], sc[rtmIds], paired = TRUE)
aeIds <- unique(ae$study_id)
kAe <- sum(dosedIds %in% aeIds); nD <- length(dosedIds)
# per dose: a dose is followed by an event when an event falls on or after its day and before the next dose
doseHit <- sapply(seq_len(nrow(expo)), function(r) {
  id <- expo$study_id[r]; d0 <- expo$day[r]; nxt <- expo$day[expo$study_id == id & expo$day > d0]; d1 <- if (length(nxt)) min(nxt) else Inf
  any(ae$study_id == id & ae$day >= d0 & ae$day < d1)
})
bio <- function(an) {
  b <- labs[labs$analyte == an & labs$visit == "baseline", ]; f <- labs[labs$analyte == an & labs$visit == "w8", ]
  idsB <- intersect(b$study_id, f$study_id)
  x0 <- b$value[match(idsB, b$study_id)]; x1 <- f$value[match(idsB, f$study_id)]
  t <- t.test(x1, x0, paired = TRUE)
  sc8 <- idsB[!is.na(w8[idsB])]
  r <- cor.test(x1[match(sc8, idsB)] - x0[match(sc8, idsB)], w8[sc8] - bl[sc8], method = "pearson")
  list(analyte = an, n = length(idsB), estimate = unname(t$estimate), ci95 = as.numeric(t$conf.int), p = t$p.value, correlation = unname(r$estimate), correlationP = r$p.value)
}
bm <- lapply(c("bdnf", "crp"), bio); names(bm) <- c("bdnf_up", "crp_down")
holmP <- p.adjust(sapply(bm, `[[`, "p"), "holm")
for (k in names(bm)) bm[[k]]$pAdjusted <- unname(holmP[k])
ex <- list(il6 = bio("il6")); ex$il6$pAdjusted <- p.adjust(ex$il6$p, "BH")

res <- list(
  perVisit = perVisit,
  paired = list(n = length(pairIds), estimate = unname(tt$estimate), ci95 = as.numeric(tt$conf.int), df = unname(tt$parameter), p = tt$p.value, wilcoxonV = unname(wx$statistic), wilcoxonP = wx$p.value),
  locf = list(n = length(dosedIds), estimate = unname(lt$estimate), ci95 = as.numeric(lt$conf.int), p = lt$p.value),
  responders = list(itt = cohort(resp, elig), completers = cohort(resp, compElig), byBand = byBand),
  remitters = list(itt = cohort(remit, elig), completers = cohort(remit, compElig)),
  reliableChange = list(threshold = rci, improved = sum(-chg8 > rci), unchanged = sum(abs(chg8) <= rci), deteriorated = sum(chg8 > rci)),
  rtm = list(n = length(rtmIds), estimate = unname(rt$estimate), ci95 = as.numeric(rt$conf.int), p = rt$p.value),
  adverseEvents = list(participants = list(k = kAe, n = nD, clopperPearson = as.numeric(binom.test(kAe, nD)$conf.int)),
                       perDose = list(k = sum(doseHit), n = nrow(expo), clopperPearson = as.numeric(binom.test(sum(doseHit), nrow(expo))$conf.int))),
  biomarkers = bm, exploratory = ex
)
write_json17(res, "packages/core/src/outcome/fixtures/cut-small-expected.json")
