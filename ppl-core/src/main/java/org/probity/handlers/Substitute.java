package org.probity.handlers;

import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Messenger;
import org.probity.core.Prob;
import org.probity.core.Sample;

/**
 * Substitution (Pyro's {@code substitute} and {@code do}, and {@code replay} of a trace's values):
 * the choices at the given addresses take the given values without any weight: they are no longer
 * random choices of the program (an intervention). To score a program at given values, use
 * {@code Traces.assess} or {@code Density} instead.
 *
 * @param values the value of each address
 */
public record Substitute(Map<Address, ?> values) implements Messenger {
  /** Copies the values. */
  public Substitute {
    values = Map.copyOf(values);
  }

  @Override
  public Prob<?> sample(Sample<?, ?> s, Address address) {
    if (values.containsKey(address)) {
      return Messenger.resume(s, values.get(address));
    }
    return s;
  }

  @Override
  public String toString() {
    return "substitute" + values.keySet();
  }
}
