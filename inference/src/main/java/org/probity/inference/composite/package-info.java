/**
 * Composite algorithms built from the SMC and MCMC pieces: resample-move SMC ({@link
 * org.probity.inference.composite.Rmsmc}, Gilks and Berzuini 2001) and particle marginal
 * Metropolis-Hastings ({@link org.probity.inference.composite.Pmmh}, Andrieu, Doucet and
 * Holenstein 2010), each a short composition of program transformations as in monad-bayes.
 */
package org.probity.inference.composite;
