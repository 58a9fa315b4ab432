package org.probity.inference.mcmc;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.probity.core.Address;

/**
 * Which addresses a kernel touches (Gen's selections, Cusumano-Towner et al., PLDI 2019): a
 * predicate on addresses, with the common cases as factories.
 */
@FunctionalInterface
public interface Selection {
  /** Whether the address is selected. */
  boolean contains(Address address);

  /** Every address. */
  static Selection all() {
    return a -> true;
  }

  /** No address. */
  static Selection none() {
    return a -> false;
  }

  /** Exactly these addresses. */
  static Selection of(Address... addresses) {
    Set<Address> s = Set.copyOf(Arrays.asList(addresses));
    return s::contains;
  }

  /** Exactly these addresses. */
  static Selection of(java.util.Collection<Address> addresses) {
    Set<Address> s = Set.copyOf(addresses);
    return s::contains;
  }

  /** Addresses whose first part is one of these names: {@code names("beta")} selects beta, beta[0], beta[1]/x... */
  static Selection names(String... names) {
    Set<String> s = Set.copyOf(Arrays.asList(names));
    return a -> !a.parts().isEmpty() && s.contains(String.valueOf(a.parts().get(0)));
  }

  /** Addresses that start with all parts of {@code prefix}. */
  static Selection under(Address prefix) {
    List<Object> p = prefix.parts();
    return a -> a.parts().size() >= p.size() && a.parts().subList(0, p.size()).equals(p);
  }

  /** The addresses not selected by this one. */
  default Selection complement() {
    return a -> !contains(a);
  }

  /** The addresses selected by both. */
  default Selection and(Selection other) {
    return a -> contains(a) && other.contains(a);
  }

  /** The addresses selected by either. */
  default Selection or(Selection other) {
    return a -> contains(a) || other.contains(a);
  }
}
