package org.probity.handlers;

import java.util.Map;
import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Messenger;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.dist.Deterministic;

/**
 * Substitution (Pyro's {@code substitute} and {@code do}, and {@code replay} of a trace's values):
 * the choices at the given addresses take the given values without any weight: they are no longer
 * random choices of the program (an intervention). To score a program at given values, use
 * {@code Traces.assess} or {@code Density} instead. A deterministic site ({@link Deterministic})
 * is not a choice: it keeps the value the run computes, so replaying a whole trace recomputes it.
 *
 * @param values the value of each address
 */
public record Substitute(Map<Address, ?> values) implements Messenger {
  /** Copies the values. */
  public Substitute {
    values = Map.copyOf(values);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> sample(Sample<?, ?> s, Address address) {
    if (values.containsKey(address) && !Deterministic.is(s.dist())) {
      return (Prob<?>) ((Function) s.k()).apply(values.get(address));
    }
    return s;
  }

  @Override
  public String toString() {
    return "substitute" + values.keySet();
  }
}
