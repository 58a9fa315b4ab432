/**
 * Bijections between unconstrained R^n and constrained parameter spaces (positive, interval,
 * simplex, ordered and positive ordered vectors, covariance matrices, Cholesky factors of
 * covariance and correlation matrices) with differentiable log-Jacobians: Stan's constraining
 * transforms and TensorFlow Probability's bijectors, used by HMC, variational inference and
 * random-walk Metropolis-Hastings to work in unconstrained space. {@link
 * org.probity.bijection.Bijections#forConstraint} is the registry from a distribution's support
 * ({@link org.probity.dist.Constraint}) to its bijection.
 */
package org.probity.bijection;
