# Generates the fixed draw sets used by the diagnostics tests (run once; the
# CSV files are committed). Each file: one column per chain, one row per iteration.
set.seed(20240611)
write_draws <- function(x, name) {
  colnames(x) <- paste0("chain", seq_len(ncol(x)))
  lines <- c(paste(colnames(x), collapse = ","),
             apply(x, 1, function(r) paste(sprintf("%.17g", r), collapse = ",")))
  writeLines(lines, paste0(name, ".csv"))
}
ar1 <- function(n, phi) { x <- numeric(n); x[1] <- rnorm(1) / sqrt(1 - phi^2)
  for (t in 2:n) x[t] <- phi * x[t - 1] + rnorm(1); x }
write_draws(matrix(rnorm(800), 200, 4), "iid_normal")
write_draws(sapply(1:4, function(i) ar1(200, 0.9)), "ar1_09")
shifted <- matrix(rnorm(800), 200, 4); shifted[, 4] <- shifted[, 4] + 2
write_draws(shifted, "shifted_chain")
write_draws(matrix(rcauchy(800), 200, 4), "cauchy")
write_draws(matrix(round(rnorm(800), 1), 200, 4), "ties_rounded")
write_draws(sapply(1:4, function(i) ar1(200, -0.9)), "antithetic")
write_draws(sapply(1:3, function(i) ar1(151, 0.5)), "odd_length")
write_draws(matrix(rexp(1000), 1000, 1), "single_chain")
