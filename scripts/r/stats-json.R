# Shared helper for the stats fixture scripts: writes nested lists as JSON with every double at
# 17 significant digits (jsonlite stops at 15), so JSON.parse gives R's exact IEEE-754 value.
to_json <- function(x, indent = 0) {
  pad <- strrep(" ", indent + 1)
  num <- function(v) {
    if (is.na(v)) return("null")
    if (is.infinite(v)) return(if (v > 0) "1e999" else "-1e999")
    sprintf("%.17g", v)
  }
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      items <- mapply(function(k, v) paste0(pad, '"', k, '": ', to_json(v, indent + 1)), names(x), x)
      return(paste0("{\n", paste(items, collapse = ",\n"), "\n", strrep(" ", indent), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, "", indent = indent + 1), collapse = ", "), "]"))
  }
  if (is.character(x) || is.factor(x)) {
    s <- paste0('"', gsub('"', '\\\\"', as.character(x)), '"')
    return(if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ", "), "]"))
  }
  if (is.logical(x)) {
    s <- ifelse(is.na(x), "null", ifelse(x, "true", "false"))
    return(if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ", "), "]"))
  }
  s <- vapply(as.numeric(x), num, "")
  if (length(x) == 1 && is.null(attr(x, "array"))) s else paste0("[", paste(s, collapse = ", "), "]")
}
# Marks a vector so that it is written as a JSON array even when it has length 1.
arr <- function(x) { attr(x, "array") <- TRUE; x }
write_json17 <- function(x, path) writeLines(to_json(x), path)
