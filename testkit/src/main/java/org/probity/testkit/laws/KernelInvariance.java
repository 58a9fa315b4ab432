package org.probity.testkit.laws;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.probity.core.Prob;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Exact invariance of a Markov kernel on traces by enumeration: if the trace is drawn from the
 * exact posterior over traces ({@code Traces.posterior(model)}), one transition leaves its
 * distribution unchanged (Tierney, "Markov chains for exploring posterior distributions", Ann.
 * Stat. 1994). Both sides are programs, {@code posterior} and {@code posterior >>= kernel}, so the
 * Enumerator gives both laws exactly; traces are compared as values (choices by address, in order,
 * and output). A kernel is any function from a trace to a program of traces, such as
 * {@code org.probity.inference.mcmc.Kernel::apply}.
 */
public final class KernelInvariance {
  /** Largest difference in probability a correct kernel may show: rounding is about 1e-15. */
  public static final double TOLERANCE = 1e-10;

  private KernelInvariance() {
  }

  /**
   * The largest absolute difference, over traces, between the posterior probability and the
   * probability after one step of {@code kernel} started from the posterior; 0 when the model has
   * no posterior (zero evidence).
   */
  public static <A> double distance(Prob<A> model, Function<? super Trace<A>, ? extends Prob<Trace<A>>> kernel) {
    Worst<A> w = worst(model, kernel);
    return w == null ? 0.0 : Math.abs(w.before() - w.after());
  }

  /**
   * Throws an {@link AssertionError} naming the trace whose probability moves most unless one step
   * of {@code kernel} leaves the posterior over traces of {@code model} invariant (within
   * {@link #TOLERANCE}).
   */
  public static <A> void check(Prob<A> model, Function<? super Trace<A>, ? extends Prob<Trace<A>>> kernel) {
    Worst<A> w = worst(model, kernel);
    if (w != null && Math.abs(w.before() - w.after()) > TOLERANCE) {
      throw new AssertionError("the kernel does not leave the posterior invariant: trace " + w.trace()
          + " has posterior probability " + w.before() + " but " + w.after() + " after one step");
    }
  }

  /** The trace whose probability one step moves most, with both probabilities. */
  private record Worst<A>(Trace<A> trace, double before, double after) {
  }

  private static <A> Worst<A> worst(Prob<A> model, Function<? super Trace<A>, ? extends Prob<Trace<A>>> kernel) {
    Prob<Trace<A>> posterior = Traces.posterior(model);
    if (Enumerator.unnormalised(posterior).isEmpty()) {
      return null;
    }
    Enumeration<Trace<A>> before = Enumerator.enumerate(posterior);
    Enumeration<Trace<A>> after = Enumerator.enumerate(posterior.flatMap(kernel::apply));
    Set<Trace<A>> all = new LinkedHashSet<>(before.support());
    all.addAll(after.support());
    Worst<A> w = null;
    for (Trace<A> t : all) {
      double p = before.probability(t);
      double q = after.probability(t);
      if (w == null || Math.abs(p - q) > Math.abs(w.before() - w.after())) {
        w = new Worst<>(t, p, q);
      }
    }
    return w;
  }
}
