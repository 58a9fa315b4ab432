/**
 * Sequential Monte Carlo built from small composable program transformations, after monad-bayes
 * (Scibior, Kammar and Ghahramani, ICFP 2018): {@link org.probity.inference.smc.Sequential}
 * particles, a weighted {@link org.probity.inference.smc.Population}, resampling schemes as
 * finite distributions, {@link org.probity.inference.smc.Transform}s and the algorithms of
 * {@link org.probity.inference.smc.Smc}. See docs/inference-smc.md.
 */
package org.probity.inference.smc;
