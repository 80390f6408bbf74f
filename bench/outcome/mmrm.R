# Benchmark counterpart of the outcome report's primary analysis on a data cut: the MMRM
# change ~ baseline + visit (unstructured: corSymm + varIdent, REML) with nlme::gls, then
# emmeans(fit, ~ visit). Used by bench/outcome/run.ts.
#   Rscript bench/outcome/mmrm.R DATA_CUT_DIR PRIMARY_VISIT
#
# Settings (docs/benchmarks.md, "Against R"): gls with its default optimiser (nlminb) at nlme's
# default tolerances — the bundle's tighter 1e-10 ends in "false convergence (8)" at 10,000
# participants, and opt = "optim" stops at a lower REML log-likelihood — and apVar = FALSE: the
# approximate covariance of the variance parameters (a numerical Hessian over the 36 parameters)
# is only needed by emmeans' Satterthwaite df for gls, which did not finish at 1,000 participants
# ("Can't estimate Satterthwaite parameters"). The df here are therefore emmeans' df.error
# (N − p − variance parameters); estimates and standard errors do not depend on the df mode.
args <- commandArgs(trailingOnly = TRUE)
suppressMessages({ library(nlme); library(emmeans) })
cpu <- function() { t <- proc.time(); t[["user.self"]] + t[["sys.self"]] }
t0 <- cpu()
participants <- read.csv(file.path(args[1], "participants.csv"), stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
outcomes <- read.csv(file.path(args[1], "outcomes.csv"), stringsAsFactors = FALSE, na.strings = "", colClasses = c(study_id = "character"))
scale <- sub('.*"primary"[^}]*"scale"\\s*:\\s*"([^"]+)".*', "\\1", paste(readLines(file.path(args[1], "plan.json")), collapse = ""))
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
t1 <- cpu()
fit <- gls(change ~ baseline + visit, data = d, correlation = corSymm(form = ~ vnum | study_id),
  weights = varIdent(form = ~ 1 | vnum), method = "REML", control = glsControl(apVar = FALSE))
t2 <- cpu()
em <- suppressMessages(summary(emmeans(fit, ~ visit, mode = "df.error")))
t3 <- cpu()
cat(sprintf("cpu read %.2f fit %.2f emmeans %.2f (s)\n", t1 - t0, t2 - t1, t3 - t2))
print(em, digits = 10)
cat(sprintf("logLik %.10f\n", as.numeric(logLik(fit))))
p <- em[em$visit == args[2], ]
cat(sprintf("primary_estimate %.12g\nprimary_se %.12g\nprimary_df %.12g\n", p$emmean, p$SE, p$df))
