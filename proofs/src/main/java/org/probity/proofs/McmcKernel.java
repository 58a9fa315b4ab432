package org.probity.proofs;

import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Prob;

/**
 * A Markov kernel on traces written as a program: from a trace of {@code model} to a random next
 * trace. The extension point for "every MCMC kernel leaves the exact posterior invariant"
 * (Tierney, "Markov chains for exploring posterior distributions", Ann. Stat. 1994): give each
 * kernel as an {@code McmcKernel} and check it with {@link McmcProperties#leavesPosteriorInvariant}.
 */
@FunctionalInterface
public interface McmcKernel {
  /** One transition from {@code trace} (choices by address) of {@code model}. */
  Prob<Map<Address, Object>> step(Prob<?> model, Map<Address, Object> trace);
}
