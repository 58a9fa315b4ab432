/**
 * Bijections between unconstrained R^n and constrained parameter spaces (positive, interval,
 * simplex, ordered, Cholesky factors of correlation matrices) with differentiable
 * log-Jacobians: Stan's constraining transforms and TensorFlow Probability's bijectors, used by
 * HMC, variational inference and random-walk Metropolis-Hastings to work in unconstrained space.
 */
package org.probity.bijection;
