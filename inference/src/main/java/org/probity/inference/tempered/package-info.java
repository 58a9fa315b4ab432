/**
 * Tempered sequential Monte Carlo for static models: an SMC sampler over a likelihood-tempering
 * schedule 0 = beta_0 &lt; ... &lt; beta_T = 1 (Neal, "Annealed importance sampling", 2001; Del Moral,
 * Doucet and Jasra, "Sequential Monte Carlo samplers", JRSS B 2006; Chopin and Papaspiliopoulos,
 * "An Introduction to Sequential Monte Carlo", 2020, ch. 17), whose intermediate targets are the
 * model with its observations and factors scaled by beta ({@code Handlers.scale}), an ordinary
 * program, so every MCMC kernel on traces and the HMC engine move its particles. The schedule is
 * fixed or adaptive (next temperature by bisection on the conditional ESS, Zhou, Johansen and
 * Aston 2016); annealed importance sampling is the case without resampling. The algorithm is a
 * {@code Prob} whose randomness is sample nodes, so the Enumerator gives its exact law on finite
 * models. See docs/inference-tempered.md.
 */
package org.probity.inference.tempered;
