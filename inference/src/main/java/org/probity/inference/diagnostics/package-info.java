/**
 * MCMC convergence diagnostics and draw exports.
 *
 * <p>Implements rank-normalised split R-hat, bulk/tail effective sample size and Monte Carlo
 * standard errors from Vehtari, Gelman, Simpson, Carpenter and Bürkner (2021), "Rank-normalization,
 * folding, and localization: An improved R-hat for assessing convergence of MCMC", Bayesian
 * Analysis 16(2), matching the reference implementation in the R package {@code posterior}
 * (version 1.4.0). Draws for one scalar quantity are given as {@code double[chain][iteration]}.
 * {@link org.probity.inference.diagnostics.Draws} holds many quantities and exports them as
 * CmdStan CSV ({@link org.probity.inference.diagnostics.StanCsv}) or ArviZ-shaped JSON
 * ({@link org.probity.inference.diagnostics.ArvizJson}).
 */
package org.probity.inference.diagnostics;
