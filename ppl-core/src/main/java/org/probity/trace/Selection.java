package org.probity.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.probity.core.Address;
import org.probity.core.ProbityException;

/**
 * Which addresses a kernel or an operation touches (Gen's selections, Cusumano-Towner et al.,
 * PLDI 2019): a predicate on addresses, with the common cases as factories. Selections print what
 * they select, and {@link #requireIn} checks one against a trace, so a typo in a name is an error
 * listing the real addresses instead of a chain that silently never moves.
 */
@FunctionalInterface
public interface Selection {
  /** Whether the address is selected. */
  boolean contains(Address address);

  /**
   * Checks that this selection makes sense for the trace: each address or name it lists is in the
   * trace (an open-ended selection, such as {@link #all} or a predicate, must select at least one
   * address unless the trace is empty).
   *
   * @param what the operation, for the message (e.g. "random walk")
   * @throws ProbityException naming the missing address or name and listing the trace's addresses
   */
  default void requireIn(Trace<?> trace, String what) {
    if (trace.size() > 0 && trace.addresses().stream().noneMatch(this::contains)) {
      throw missing(trace, what, "selects none of the trace's addresses");
    }
  }

  /** The error for a selection that does not fit a trace, listing (up to 30 of) the trace's addresses. */
  default ProbityException missing(Trace<?> trace, String what, String why) {
    List<Address> as = trace.addresses();
    String list = as.size() <= 30 ? as.toString() : as.subList(0, 30) + " and " + (as.size() - 30) + " more";
    return new ProbityException(what + ": the selection " + this + " " + why + "; the model's addresses are " + list);
  }

  /** Every address. */
  static Selection all() {
    return All.ALL;
  }

  /** No address. */
  static Selection none() {
    return None.NONE;
  }

  /** Exactly these addresses. */
  static Selection of(Address... addresses) {
    return new Of(Set.copyOf(Arrays.asList(addresses)));
  }

  /** Exactly these addresses. */
  static Selection of(Collection<Address> addresses) {
    return new Of(Set.copyOf(addresses));
  }

  /** Addresses whose first part is one of these names: {@code names("beta")} selects beta, beta[0], beta[1]/x... */
  static Selection names(String... names) {
    return new Names(new LinkedHashSet<>(Arrays.asList(names)));
  }

  /** Addresses that start with all parts of {@code prefix}. */
  static Selection under(Address prefix) {
    return new Under(prefix);
  }

  /** The addresses satisfying a predicate (named {@code description} in messages). */
  static Selection matching(String description, Predicate<Address> predicate) {
    return new Matching(description, predicate);
  }

  /** The addresses not selected by this one. */
  default Selection complement() {
    Selection self = this;
    return matching("not " + self, a -> !self.contains(a));
  }

  /** The addresses selected by both. */
  default Selection and(Selection other) {
    Selection self = this;
    return matching(self + " and " + other, a -> self.contains(a) && other.contains(a));
  }

  /** The addresses selected by either. */
  default Selection or(Selection other) {
    Selection self = this;
    return matching(self + " or " + other, a -> self.contains(a) || other.contains(a));
  }

  /** {@link #all}. */
  enum All implements Selection {
    /** The one instance. */
    ALL;

    @Override
    public boolean contains(Address address) {
      return true;
    }

    @Override
    public String toString() {
      return "all()";
    }
  }

  /** {@link #none}. */
  enum None implements Selection {
    /** The one instance. */
    NONE;

    @Override
    public boolean contains(Address address) {
      return false;
    }

    @Override
    public void requireIn(Trace<?> trace, String what) {
    }

    @Override
    public String toString() {
      return "none()";
    }
  }

  /** {@link #of}: each listed address must be in the trace. */
  record Of(Set<Address> addresses) implements Selection {
    @Override
    public boolean contains(Address address) {
      return addresses.contains(address);
    }

    @Override
    public void requireIn(Trace<?> trace, String what) {
      for (Address a : addresses) {
        if (!trace.has(a)) {
          throw missing(trace, what, "names " + a + ", which this run of the model does not reach");
        }
      }
    }

    @Override
    public String toString() {
      return "of" + addresses;
    }
  }

  /** {@link #names}: each name must start some address of the trace. */
  record Names(Set<String> names) implements Selection {
    @Override
    public boolean contains(Address address) {
      String h = address.head();
      return h != null && names.contains(h);
    }

    @Override
    public void requireIn(Trace<?> trace, String what) {
      List<String> unknown = new ArrayList<>();
      for (String n : names) {
        if (trace.addresses().stream().noneMatch(a -> n.equals(a.head()))) {
          unknown.add(n);
        }
      }
      if (!unknown.isEmpty()) {
        throw missing(trace, what, "names " + String.join(", ", unknown) + ", which no address of this run starts with");
      }
    }

    @Override
    public String toString() {
      return "names" + names;
    }
  }

  /** {@link #under}. */
  record Under(Address prefix) implements Selection {
    @Override
    public boolean contains(Address address) {
      return address.startsWith(prefix);
    }

    @Override
    public String toString() {
      return "under(" + prefix + ")";
    }
  }

  /** {@link #matching}. */
  record Matching(String description, Predicate<Address> predicate) implements Selection {
    @Override
    public boolean contains(Address address) {
      return predicate.test(address);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
