# Regenerates packages/core/src/stats/fixtures/btheb-long.csv and lmm-btheb.json (run from the
# repository root): Rscript scripts/r/stats-lmm-btheb.R
# HSAUR3's BtheB trial (Beat the Blues vs treatment as usual) in long form, fitted with lme4 +
# lmerTest at very tight optimiser tolerances (Satterthwaite df from lmerTest).
source("scripts/r/stats-json.R")
source("scripts/r/stats-lmm-summary.R")
suppressMessages(library(HSAUR3))
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
write_json17(list(
  source = "HSAUR3 1.0-13 BtheB (long form), lme4 1.1-31 + lmerTest 3.1-3, nloptwrap xtol_rel 1e-14 then bobyqa rhoend 1e-14; df = lmerTest Satterthwaite with absolute-step numDeriv (dfLmerTest = lmerTest default); scripts/r/stats-lmm-btheb.R",
  levels = list(treatment = "TAU"),
  models = list(
    intercept_reml = summarise_lmm("bdi ~ bdi.pre + time + treatment + drug + length + (1 | subject)", TRUE, d, "subject"),
    intercept_ml = summarise_lmm("bdi ~ bdi.pre + time + treatment + drug + length + (1 | subject)", FALSE, d, "subject"),
    slope_interaction_reml = summarise_lmm("bdi ~ bdi.pre + time * treatment + drug + length + (time | subject)", TRUE, d, "subject"),
    factor_time_reml = summarise_lmm("bdi ~ bdi.pre + factor(time) + treatment + drug + length + (1 | subject)", TRUE, d, "subject")
  )), "packages/core/src/stats/fixtures/lmm-btheb.json")
