package org.probity.handlers;

import java.util.Map;
import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Messenger;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Sample;

/**
 * Conditioning (Pyro's {@code condition}): the choices at the given addresses become observations
 * of the given values, so the program's weight is multiplied by their densities and they are no
 * longer latent. The measure of {@code condition(p, {a: v})} is the restriction of p to x_a = v,
 * weighted by the density of v.
 *
 * @param values the observed value of each address
 */
public record Condition(Map<Address, ?> values) implements Messenger {
  /** Copies the values. */
  public Condition {
    values = Map.copyOf(values);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<?> sample(Sample<?, ?> s, Address address) {
    if (values.containsKey(address)) {
      Object v = values.get(address);
      Function k = s.k();
      return new Observe(address, s.dist(), v, () -> k.apply(v));
    }
    return s;
  }

  @Override
  public String toString() {
    return "condition" + values.keySet();
  }
}
