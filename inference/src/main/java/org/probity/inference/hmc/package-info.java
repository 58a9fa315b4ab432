/**
 * Hamiltonian Monte Carlo on a plain log density ({@link org.probity.ad.LogDensityFunction}):
 * static HMC and the No-U-Turn sampler with multinomial trajectory sampling as Stan implements
 * them ({@link org.probity.inference.hmc.Nuts}, {@link org.probity.inference.hmc.StaticHmc}),
 * Stan's warm-up (dual averaging of the step size, windowed estimation of a diagonal or dense
 * metric), Stan's random initialisation, a multi-chain runner ({@link org.probity.inference.hmc.Hmc})
 * and cmdstan's sampler diagnostics. References: Hoffman and Gelman, "The No-U-Turn Sampler",
 * JMLR 15 (2014); Betancourt, "A Conceptual Introduction to Hamiltonian Monte Carlo",
 * arXiv:1701.02434 (2017); Stan's {@code src/stan/mcmc}. See docs/inference-hmc.md.
 */
package org.probity.inference.hmc;
