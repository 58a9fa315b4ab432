package org.probity.proofs;

import org.probity.core.Prob;
import org.probity.trace.Traces;

/**
 * The program transformation that records every choice: {@code traceAsValue(model)} denotes the
 * same measure as {@code model}, pushed forward to traces, and returns a {@link Traced} value with
 * the choices by their canonical addresses (the one loop's naming). It is
 * {@link Traces#posterior}, the core's scored tracing handler, viewed as the proofs' plain value.
 * Enumerating it lists every path of the model with its exact log weight.
 */
public final class TraceAsValue {
  private TraceAsValue() {
  }

  /** The model with its trace as the result. */
  public static <A> Prob<Traced<A>> transform(Prob<A> model) {
    return Traces.posterior(model).map(t -> new Traced<>(t.output(), t.values()));
  }
}
