package org.probity.inference.composite;

import org.probity.trace.Trace;
import org.probity.inference.smc.Population;

/**
 * One state of a particle marginal Metropolis-Hastings chain: the parameter's trace, the SMC
 * population of the model at that parameter and its log evidence estimate, log p-hat(y | theta).
 *
 * @param parameter the trace of the parameter prior program (its output is theta)
 * @param population the final SMC population of the model at theta (an approximation of p(x | y, theta))
 * @param logEvidence the log of the population's evidence estimate
 * @param <T> the parameter type
 * @param <A> the model's result type
 */
public record PmmhState<T, A>(Trace<T> parameter, Population<A> population, double logEvidence) {
  /** The parameter value theta. */
  public T theta() {
    return parameter.output();
  }
}
