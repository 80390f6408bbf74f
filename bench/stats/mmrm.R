# Benchmark counterpart of `mimamori stats mmrm`: nlme::gls with an unstructured covariance
# (corSymm + varIdent) by REML. Used by bench/stats/run.mjs.
#   Rscript bench/stats/mmrm.R data.csv
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(nlme))
t0 <- proc.time()[["elapsed"]]
d <- read.csv(args[1], stringsAsFactors = TRUE)
d$arm <- relevel(d$arm, ref = "control")
t1 <- proc.time()[["elapsed"]]
g <- gls(y ~ base + arm * factor(visit), data = d, correlation = corSymm(form = ~ visit | id),
         weights = varIdent(form = ~ 1 | visit), method = "REML")
t2 <- proc.time()[["elapsed"]]
num <- function(x) sprintf("%.17g", x)
co <- coef(g); se <- sqrt(diag(vcov(g)))
fe <- paste(vapply(names(co), function(nm) sprintf('"%s":{"estimate":%s,"se":%s}', nm, num(co[[nm]]), num(se[[nm]])), ""), collapse = ",")
cat(sprintf('{"fixed":{%s},"logLik":%s,"readSeconds":%s,"fitSeconds":%s}\n', fe, num(as.numeric(logLik(g))), num(t1 - t0), num(t2 - t1)))
