/**
 * The benchmarked models written as Probity programs ({@code import static org.probity.Probity.*})
 * and run by Probity's own inference: SMC from {@code org.probity.inference.smc}, random-walk MH
 * kernels from {@code org.probity.inference.mcmc}.
 */
package org.probity.bench.probity;
