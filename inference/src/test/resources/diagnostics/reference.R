# Reference values for the Probity diagnostics tests.
# Produced with R package posterior 1.4.0 (Debian r-cran-posterior), R version 4.2.2 Patched (2022-11-10 r83330).
# Run from this directory: Rscript reference.R  -> writes reference.csv
# Output: long format "dataset,measure,value" with 17 significant digits.
suppressMessages(library(posterior))
sets <- sub("\\.csv$", "", list.files(".", pattern = "\\.csv$"))
sets <- setdiff(sets, "reference")
fmt <- function(v) if (is.na(v)) "NA" else sprintf("%.17g", v)
out <- "dataset,measure,value"
for (s in sets) {
  x <- as.matrix(read.csv(paste0(s, ".csv")))  # iterations x chains
  m <- list(
    rhat = rhat(x), rhat_basic = rhat_basic(x),
    rhat_basic_nosplit = rhat_basic(x, split = FALSE),
    ess_bulk = ess_bulk(x), ess_tail = ess_tail(x),
    ess_basic = ess_basic(x), ess_basic_nosplit = ess_basic(x, split = FALSE),
    ess_mean = ess_mean(x), ess_sd = ess_sd(x),
    ess_q5 = ess_quantile(x, 0.05), ess_q25 = ess_quantile(x, 0.25),
    ess_q50 = ess_quantile(x, 0.5), ess_q95 = ess_quantile(x, 0.95),
    mcse_mean = mcse_mean(x), mcse_sd = mcse_sd(x),
    mcse_q5 = mcse_quantile(x, 0.05), mcse_q50 = mcse_quantile(x, 0.5),
    mcse_q95 = mcse_quantile(x, 0.95),
    mean = mean(x), sd = sd(x), median = median(x), mad = mad(x),
    q5 = quantile2(x, 0.05), q25 = quantile2(x, 0.25), q50 = quantile2(x, 0.5),
    q95 = quantile2(x, 0.95), q0 = quantile2(x, 0), q100 = quantile2(x, 1)
  )
  for (k in names(m)) out <- c(out, paste(s, k, fmt(unname(m[[k]])), sep = ","))
}
writeLines(out, "reference.csv")
