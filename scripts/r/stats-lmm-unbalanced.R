# Regenerates packages/core/src/stats/fixtures/lmm-unbalanced.csv and lmm-unbalanced.json (run from
# the repository root): Rscript scripts/r/stats-lmm-unbalanced.R
# Simulated follow-up as a clinic records it: visits on the days patients actually came (week 0,
# 1, 2, 4, 8, 12 ± up to 3 days, so almost every patient has their own visit times), dropout
# after 2 to 6 visits, a patient-level baseline covariate and sex. Fitted with lme4 at very tight
# tolerances; Satterthwaite df as in stats-lmm-btheb.R.
source("scripts/r/stats-json.R")
source("scripts/r/stats-lmm-summary.R")
set.seed(20261207)
n <- 60
nominal <- c(0, 1, 2, 4, 8, 12)
rows <- lapply(seq_len(n), function(i) {
  k <- sample(2:6, 1)
  day <- 7 * nominal[1:k] + c(0, sample(-3:3, k - 1, replace = TRUE))
  base <- round(rnorm(1, 15, 4))
  sex <- sample(c("F", "M"), 1)
  b <- c(rnorm(1, 0, 3), rnorm(1, 0, 0.25))
  week <- day / 7
  y <- 8 + b[1] + (-0.4 + b[2]) * week + 0.3 * base + (sex == "M") * 1 + rnorm(k, 0, 1.5)
  data.frame(id = sprintf("p%02d", i), day = day, week = week, base = base, sex = sex, y = round(y, 2))
})
d0 <- do.call(rbind, rows)
write.csv(d0, "packages/core/src/stats/fixtures/lmm-unbalanced.csv", row.names = FALSE, quote = FALSE)

# Read back as the CLI does (text columns become factors with sorted levels).
d <- read.csv("packages/core/src/stats/fixtures/lmm-unbalanced.csv", stringsAsFactors = TRUE)
write_json17(list(
  source = "simulated (set.seed(20261207)), lme4 1.1-31 + lmerTest 3.1-3, nloptwrap xtol_rel 1e-14 then bobyqa rhoend 1e-14; df = lmerTest Satterthwaite with absolute-step numDeriv (dfLmerTest = lmerTest default); scripts/r/stats-lmm-unbalanced.R",
  models = list(
    slope_reml = summarise_lmm("y ~ week + base + sex + (week | id)", TRUE, d, "id"),
    slope_ml = summarise_lmm("y ~ week + base + sex + (week | id)", FALSE, d, "id"),
    intercept_interaction_reml = summarise_lmm("y ~ week * sex + base + (1 | id)", TRUE, d, "id")
  )), "packages/core/src/stats/fixtures/lmm-unbalanced.json")
