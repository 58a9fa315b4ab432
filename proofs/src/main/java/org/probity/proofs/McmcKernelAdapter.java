package org.probity.proofs;

import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernel;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Adapter from a kernel of {@code org.probity.inference.mcmc} ({@code Trace -> Prob<Trace>}) to
 * an {@link McmcKernel}, so that {@link McmcProperties#leavesPosteriorInvariant} checks it
 * exactly (Tierney, Ann. Stat. 1994): the proofs trace (choices by canonical address) is replayed
 * into an mcmc {@code Trace} with {@code Traced.replay}, one kernel step is taken, and the new
 * trace's values are returned. Both packages name sites with the core's {@code SiteNamer}, so the
 * check also confirms that the two notions of trace agree.
 *
 * @param factory the kernel for a given model (a fixed kernel per model, never per state)
 */
public record McmcKernelAdapter(Factory factory) implements McmcKernel {
  /** The kernel under test for a model (e.g. Gibbs at a site the model has). */
  @FunctionalInterface
  public interface Factory {
    /** The kernel for {@code model}. */
    <A> Kernel<A> kernelFor(Prob<A> model);
  }

  @Override
  public Prob<Map<Address, Object>> step(Prob<?> model, Map<Address, Object> trace) {
    return typed(model, trace);
  }

  private <A> Prob<Map<Address, Object>> typed(Prob<A> model, Map<Address, Object> trace) {
    Trace<A> t = Traces.replay(model, trace);
    return factory.kernelFor(model).apply(t).map(Trace::values);
  }
}
