/**
 * Programmable variational inference (issue 11; docs/vi.md): {@link org.probity.vi.Vi} is the
 * entry point. {@code adev}: ADEV's transformation of objective programs into gradient
 * estimators, the per-choice estimators and expectations as values; {@code objectives}: the
 * objectives library, generative interfaces, marginals; {@code param}: named parameters;
 * {@code optim}: optimisers and the optimisation loop; {@code guides}: automatic Gaussian guides;
 * {@code nn}: multilayer perceptrons on the tape.
 */
package org.probity.vi;
