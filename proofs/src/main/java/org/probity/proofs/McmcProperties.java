package org.probity.proofs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;

/**
 * Exact invariance check of an MCMC kernel by enumeration: if the trace is drawn from the exact
 * posterior over traces, one transition leaves its distribution unchanged (Tierney 1994). Both
 * sides are programs: {@code posterior} (enumerated {@link TraceAsValue traceAsValue(model)}) and
 * {@code posterior >>= kernel}, compared trace by trace within
 * {@link ParticleProperties#RELATIVE_TOLERANCE} of total probability 1.
 */
public final class McmcProperties {
  private McmcProperties() {
  }

  /** Throws an {@link AssertionError} unless {@code kernel} leaves the posterior over traces of {@code model} invariant. */
  public static <A> void leavesPosteriorInvariant(McmcKernel kernel, Prob<A> model) {
    Enumeration<Traced<A>> posterior = Enumerator.enumerate(TraceAsValue.transform(model));
    Map<Map<Address, Object>, Double> before = new LinkedHashMap<>();
    for (Map.Entry<Traced<A>, Double> e : posterior.probabilities().entrySet()) {
      before.merge(e.getKey().choices(), e.getValue(), Double::sum);
    }
    Prob<Map<Address, Object>> after = posterior.toProb().flatMap(t -> kernel.step(model, t.choices()));
    Map<Map<Address, Object>, Double> got = new LinkedHashMap<>(Enumerator.enumerate(after).probabilities());
    String d = ParticleProperties.measureDifference(got, before, 1.0);
    if (d != null) {
      throw new AssertionError("the kernel does not leave the posterior invariant: trace " + d);
    }
  }
}
