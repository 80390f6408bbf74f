# Regenerates packages/core/src/stats/fixtures/model-matrix.json (run from the repository root):
#   Rscript scripts/r/stats-model-matrix.R
# Column names and values of R's model.matrix for formulas that exercise the coding rules
# (treatment contrasts, indicator coding without an intercept or a main effect, interactions).
source("scripts/r/stats-json.R")
d <- data.frame(y = c(1.5, 2.25, 3, 4.5, 5, 6.75, 7, 8.5, 9, 10.25, 11, 12.5),
                a = c(0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6),
                b = c(2, 1, 3, 5, 4, 6, 8, 7, 9, 11, 10, 12),
                g = c("ctl", "trt", "B", "ctl", "trt", "B", "ctl", "trt", "B", "ctl", "trt", "B"),
                c = c(1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3),
                s = c("No", "No", "Yes", "Yes", "No", "Yes", "No", "No", "Yes", "Yes", "No", "Yes"),
                stringsAsFactors = TRUE)
formulas <- c("y ~ a + b * factor(c)", "y ~ g", "y ~ 0 + g", "y ~ a + g:s", "y ~ g * s", "y ~ b:a + a", "y ~ a*g - 1", "y ~ s + factor(c):a")
cases <- lapply(formulas, function(f) {
  m <- model.matrix(as.formula(f), d)
  list(formula = f, columns = colnames(m), rows = lapply(seq_len(nrow(m)), function(i) arr(unname(m[i, ]))))
})
write_json17(list(source = "R 4.2.2 model.matrix; scripts/r/stats-model-matrix.R",
  data = list(y = arr(d$y), a = arr(d$a), b = arr(d$b), g = as.character(d$g), c = arr(d$c), s = as.character(d$s)),
  cases = cases), "packages/core/src/stats/fixtures/model-matrix.json")
