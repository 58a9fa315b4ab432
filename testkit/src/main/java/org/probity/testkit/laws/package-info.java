/**
 * Exact and statistical checks of laws over ppl-core types: equality of measures
 * ({@link org.probity.testkit.laws.Measures}), unbiasedness and proper weighting of particle
 * algorithms ({@link org.probity.testkit.laws.ProperWeighting}), invariance of kernels on traces
 * ({@link org.probity.testkit.laws.KernelInvariance}), agreement of a sampler with the Enumerator
 * ({@link org.probity.testkit.laws.SamplerAgreement}) and simulation-based calibration.
 */
package org.probity.testkit.laws;
