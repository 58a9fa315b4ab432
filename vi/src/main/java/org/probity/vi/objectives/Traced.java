package org.probity.vi.objectives;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.core.Address;
import org.probity.trace.Selection;

/**
 * A run of a program recorded inside an objective: its value, its choices in order with their
 * differentiable log densities, its score and its weight (Gen's {@code simulate} and
 * {@code generate} traces, with {@link Real} scores so that objectives differentiate them).
 *
 * @param value the program's result (null when its weight became zero)
 * @param sites the choices in the order reached: address, value, log density
 * @param score log density of all the choices plus the observations (for a {@link Marginal}, the
 *     log of an estimate of the marginal density)
 * @param weight the log density of the constrained choices plus the observations (Gen's
 *     {@code generate} weight; zero for a simulation without observations)
 * @param <A> the value type
 */
public record Traced<A>(A value, List<Site> sites, Real score, Real weight) {
  /** One recorded choice. */
  public record Site(Address address, Object value, Real logDensity) {
  }

  /** Copies the list. */
  public Traced {
    sites = List.copyOf(sites);
  }

  /** The choices by address, in the order reached. */
  public Map<Address, Object> choices() {
    Map<Address, Object> m = new LinkedHashMap<>();
    for (Site s : sites) {
      m.put(s.address(), s.value());
    }
    return Collections.unmodifiableMap(m);
  }

  /** The choice at {@code address}, or null. */
  public Object get(Address address) {
    for (Site s : sites) {
      if (s.address().equals(address)) {
        return s.value();
      }
    }
    return null;
  }

  /** The choice at the address printed {@code address} (e.g. {@code "z"}), or null. */
  public Object get(String address) {
    return get(Address.parse(address));
  }

  /** The sum of the log densities of the choices in {@code selection} (one node). */
  public Real logDensityOf(Selection selection) {
    List<Real> terms = new java.util.ArrayList<>();
    for (Site s : sites) {
      if (selection.contains(s.address())) {
        terms.add(s.logDensity());
      }
    }
    return terms.isEmpty() ? Real.ZERO : Reals.sum(terms.toArray(new Real[0]));
  }
}
