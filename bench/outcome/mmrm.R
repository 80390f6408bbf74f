# Benchmark counterpart of the outcome report's primary analysis on a data cut: the MMRM
# change ~ baseline + visit (unstructured: corSymm + varIdent, REML) with nlme::gls at its default
# convergence settings, then emmeans(fit, ~ visit). The same model as the bundle's analysis.R, which
# asks gls for tolerances of 1e-10. Used by bench/outcome/run.ts.
#   Rscript bench/outcome/mmrm.R DATA_CUT_DIR PRIMARY_VISIT
args <- commandArgs(trailingOnly = TRUE)
suppressMessages({ library(nlme); library(emmeans) })
t0 <- proc.time()[["elapsed"]]
participants <- read.csv(file.path(args[1], "participants.csv"), stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
outcomes <- read.csv(file.path(args[1], "outcomes.csv"), stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
scale <- outcomes$scale[1]
outcomes <- outcomes[outcomes$scale == scale & !duplicated(outcomes[, c("study_id", "visit", "scale")]), ]
dosed <- participants$study_id[participants$dosed == 1]
b <- outcomes[outcomes$visit == "baseline", ]
baseline <- setNames(b$total, b$study_id)
d <- outcomes[!(outcomes$visit %in% c("screening", "baseline")) & !is.na(outcomes$total) & outcomes$study_id %in% dosed, ]
d$baseline <- unname(baseline[d$study_id])
d <- d[!is.na(d$baseline), ]
d$change <- d$total - d$baseline
visits <- names(sort(tapply(d$nominal_day, d$visit, median)))
d$visit <- factor(d$visit, levels = visits)
d$vnum <- as.integer(d$visit)
t1 <- proc.time()[["elapsed"]]
fit <- gls(change ~ baseline + visit, data = d, correlation = corSymm(form = ~ vnum | study_id), weights = varIdent(form = ~ 1 | vnum), method = "REML")
t2 <- proc.time()[["elapsed"]]
em <- suppressMessages(summary(emmeans(fit, ~ visit)))
t3 <- proc.time()[["elapsed"]]
cat(sprintf("read %.2f fit %.2f emmeans %.2f (s, elapsed)\n", t1 - t0, t2 - t1, t3 - t2))
print(em)
cat(sprintf("primary_estimate %.12g\n", em$emmean[em$visit == args[2]]))
