# Regenerates packages/core/src/stats/fixtures/closed-form.json (run from the repository root):
#   Rscript scripts/r/stats-closed-form.R
# Every closed-form test of the stats module (t-tests, rank tests, proportions, tables,
# correlations, p-value adjustment, Poisson intervals) on small public or hand-made data.
source("scripts/r/stats-json.R")
suppressMessages(library(HSAUR3))
data("BtheB", package = "HSAUR3")

paired_case <- function(before, after, label) {
  ok <- !is.na(before) & !is.na(after)
  b <- before[ok]; a <- after[ok]; d <- a - b
  tt <- t.test(a, b, paired = TRUE)
  w <- suppressWarnings(wilcox.test(a, b, paired = TRUE))
  w_nc <- suppressWarnings(wilcox.test(a, b, paired = TRUE, exact = FALSE, correct = FALSE))
  n <- length(d); dz <- mean(d) / sd(d)
  list(label = label, before = arr(before), after = arr(after), n = n,
       meanChange = mean(d), sdChange = sd(d), t = unname(tt$statistic), df = unname(tt$parameter),
       p = tt$p.value, ci95 = arr(as.numeric(tt$conf.int)),
       wilcoxon = list(V = unname(w$statistic), p = w$p.value, method = w$method,
                       pNoCorrection = w_nc$p.value),
       dz = dz, hedgesGz = dz * (1 - 3 / (4 * (n - 1) - 1)), srm = dz)
}

set.seed(20261129)
small_b <- c(12, 15, 9, 20, 18, 11, 14)
small_a <- c(10, 16, 5, 13, 12, 10, 9.5)
paired <- list(
  btheb_pre_2m = paired_case(BtheB$bdi.pre, BtheB$bdi.2m, "HSAUR3 BtheB: bdi.pre vs bdi.2m (ties and zeros: normal approximation)"),
  small_exact = paired_case(small_b, small_a, "hand-made, 7 pairs, no ties: exact Wilcoxon"),
  btheb_2m_8m = paired_case(BtheB$bdi.2m, BtheB$bdi.8m, "HSAUR3 BtheB: bdi.2m vs bdi.8m with missing follow-up")
)

two_sample <- function(x, y, label) {
  welch <- t.test(x, y); student <- t.test(x, y, var.equal = TRUE)
  mw <- suppressWarnings(wilcox.test(x, y))
  tt <- function(r) list(estimate = unname(r$estimate[1] - r$estimate[2]), t = unname(r$statistic),
                         df = unname(r$parameter), p = r$p.value, ci95 = arr(as.numeric(r$conf.int)))
  list(label = label, x = arr(x), y = arr(y), welch = tt(welch), student = tt(student),
       mannWhitney = list(W = unname(mw$statistic), p = mw$p.value, method = mw$method))
}
tau <- BtheB$bdi.2m[BtheB$treatment == "TAU" & !is.na(BtheB$bdi.2m)]
btb <- BtheB$bdi.2m[BtheB$treatment == "BtheB" & !is.na(BtheB$bdi.2m)]
twos <- list(
  btheb_2m_by_treatment = two_sample(btb, tau, "HSAUR3 BtheB bdi.2m: BtheB vs TAU (ties: normal approximation)"),
  small_exact = two_sample(c(1.1, 2.3, 3.8, 4.4, 7.2), c(3.9, 5.5, 6.1, 8.0, 9.3, 10.4), "hand-made, no ties: exact")
)

props <- lapply(list(c(0, 10), c(7, 20), c(20, 20), c(1, 250), c(123, 456)), function(kn) {
  w <- prop.test(kn[1], kn[2], correct = FALSE); b <- binom.test(kn[1], kn[2])
  list(successes = kn[1], n = kn[2], estimate = kn[1] / kn[2],
       wilson = arr(as.numeric(w$conf.int)), clopperPearson = arr(as.numeric(b$conf.int)))
})

diffs <- lapply(list(c(15, 30, 5, 30), c(40, 120, 52, 118)), function(v) {
  r <- prop.test(c(v[1], v[3]), c(v[2], v[4]), correct = FALSE)
  rc <- prop.test(c(v[1], v[3]), c(v[2], v[4]), correct = TRUE)
  list(successes1 = v[1], n1 = v[2], successes2 = v[3], n2 = v[4],
       estimate = v[1] / v[2] - v[3] / v[4], ci95 = arr(as.numeric(r$conf.int)),
       chiSquare = unname(r$statistic), p = r$p.value,
       corrected = list(ci95 = arr(as.numeric(rc$conf.int)), chiSquare = unname(rc$statistic), p = rc$p.value))
})

# fisher.test's estimate and interval solve equations with uniroot (tolerance ~1e-4); the same
# equations (stats:::fisher.test's own code) solved to 1e-15 give a reference for the exact solution.
fisher_precise <- function(x) {
  m <- sum(x[, 1L]); n <- sum(x[, 2L]); k <- sum(x[1L, ]); x <- x[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) { if (ncp == 0) return(lo); if (ncp == Inf) return(hi); sum(support * dnhyper(ncp)) }
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) return(if (upper.tail) phyper(x - 1, m, n, k, lower.tail = FALSE) else phyper(x, m, n, k))
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  tol <- 1e-15
  mle <- if (x == lo) 0 else if (x == hi) Inf else {
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = tol)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1 / t) - x, c(.Machine$double.eps, 1), tol = tol)$root else 1
  }
  alpha <- 0.025
  ncp.U <- if (x == hi) Inf else { p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = tol)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t) - alpha, c(.Machine$double.eps, 1), tol = tol)$root else 1 }
  ncp.L <- if (x == lo) 0 else { p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = tol)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha, c(.Machine$double.eps, 1), tol = tol)$root else 1 }
  list(oddsRatio = mle, ci95 = arr(c(ncp.L, ncp.U)))
}

fishers <- lapply(list(matrix(c(3, 1, 1, 3), 2, byrow = TRUE), matrix(c(10, 2, 3, 15), 2, byrow = TRUE),
                       matrix(c(0, 12, 7, 9), 2, byrow = TRUE), matrix(c(120, 80, 95, 105), 2, byrow = TRUE)), function(m) {
  ft <- fisher.test(m)
  list(table = lapply(1:2, function(i) arr(m[i, ])), p = ft$p.value,
       oddsRatio = unname(ft$estimate), ci95 = arr(as.numeric(ft$conf.int)), precise = fisher_precise(m))
})

chis <- lapply(list(list(m = matrix(c(10, 20, 30, 40), 2, byrow = TRUE), correct = TRUE),
                    list(m = matrix(c(10, 20, 30, 40), 2, byrow = TRUE), correct = FALSE),
                    list(m = matrix(c(12, 5, 9, 7, 14, 10), 2, byrow = TRUE), correct = TRUE)), function(cs) {
  r <- chisq.test(cs$m, correct = cs$correct)
  list(table = lapply(seq_len(nrow(cs$m)), function(i) arr(cs$m[i, ])), correct = cs$correct,
       statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value)
})

ok <- !is.na(BtheB$bdi.pre) & !is.na(BtheB$bdi.3m)
cx <- BtheB$bdi.pre[ok]; cy <- BtheB$bdi.3m[ok]
pc <- cor.test(cx, cy); sc <- suppressWarnings(cor.test(cx, cy, method = "spearman", exact = FALSE))
cors <- list(x = arr(cx), y = arr(cy),
  pearson = list(estimate = unname(pc$estimate), t = unname(pc$statistic), df = unname(pc$parameter),
                 p = pc$p.value, ci95 = arr(as.numeric(pc$conf.int))),
  spearman = list(estimate = unname(sc$estimate), p = sc$p.value))

# Spearman without ties: R's default p (AS 89: exact for n <= 9, Edgeworth series above).
spear <- lapply(list(list(x = c(1.2, 3.4, 2.2, 5.1, 4.4, 6.3, 0.5), y = c(2.1, 2.9, 1.5, 4.8, 6.6, 5.2, 0.4)),
                     list(x = c(3, 1, 4, 1.5, 5, 9, 2.6, 5.3, 5.8, 9.7, 7.9, 3.2, 8.4, 6.2, 6.4, 4.3, 3.8, 2.7, 9.5, 0.2),
                          y = c(6.7, 1.8, 9.8, 1.4, 2.9, 9.0, 4.5, 8.3, 5.36, 3.7, 4.7, 1.3, 0.9, 9.6, 6.9, 3.99, 2.7, 0.5, 8.8, 7.1)),
                     list(x = 1:8, y = c(8, 7, 6, 5, 4, 3, 2, 1))), function(cs) {
  r <- cor.test(cs$x, cs$y, method = "spearman")
  list(x = arr(cs$x), y = arr(cs$y), estimate = unname(r$estimate), S = unname(r$statistic), p = r$p.value)
})

pv <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.8, 0.0001)
padj <- list(p = arr(pv), holm = arr(p.adjust(pv, "holm")), BH = arr(p.adjust(pv, "BH")))

pois <- lapply(list(c(0, 100), c(3, 250.5), c(17, 1), c(120, 3650)), function(v) {
  r <- poisson.test(v[1], v[2])
  list(events = v[1], exposure = v[2], rate = unname(r$estimate), ci95 = arr(as.numeric(r$conf.int)))
})

desc_x <- c(BtheB$bdi.8m)
descr <- list(values = arr(desc_x), n = sum(!is.na(desc_x)), nMissing = sum(is.na(desc_x)),
              mean = mean(desc_x, na.rm = TRUE), sd = sd(desc_x, na.rm = TRUE), median = median(desc_x, na.rm = TRUE),
              q1 = unname(quantile(desc_x, 0.25, na.rm = TRUE)), q3 = unname(quantile(desc_x, 0.75, na.rm = TRUE)),
              iqr = IQR(desc_x, na.rm = TRUE))

write_json17(list(
  source = "R 4.2.2 (stats), HSAUR3 1.0-13 BtheB data; scripts/r/stats-closed-form.R",
  descriptives = descr, paired = paired, twoSample = twos, proportions = props,
  differenceOfProportions = diffs, fisher = fishers, chiSquare = chis, correlation = cors,
  pAdjust = padj, poisson = pois, spearmanExact = spear), "packages/core/src/stats/fixtures/closed-form.json")
