/**
 * Plots of MCMC and SMC output with XChart (PNG and SVG, headless): trace, rank, histogram,
 * density, pair, autocorrelation and series plots, one call each on diagnostics
 * {@link org.probity.inference.diagnostics.Draws}: {@code Plots.trace(draws, "mu").save(path)}.
 */
package org.probity.inference.plots;
