package org.probity.core;

import java.util.HashSet;
import java.util.Set;

/**
 * Gives each random choice of one run its address: the model's name for named sites, the
 * positional name {@code #k} (k counting this scope's anonymous sites and independent products in
 * order) for anonymous ones. Duplicate named addresses in one run are an error. Every interpreter
 * that needs addresses uses this, so they all agree on the names.
 */
public final class SiteNamer {
  private final Address scope;
  private final Set<Address> seen;
  private int next;

  private SiteNamer(Address scope, Set<Address> seen) {
    this.scope = scope;
    this.seen = seen;
  }

  /** A namer for a fresh run at the root scope. */
  public static SiteNamer root() {
    return new SiteNamer(Address.ROOT, new HashSet<>());
  }

  /** The address of a sample site whose model-given address is {@code given} (null if anonymous). */
  public Address sampleSite(Address given) {
    if (given == null) {
      return scope.child("#" + next++);
    }
    claim(given);
    return given;
  }

  /** Records a named observation's address (anonymous observations take no position). */
  public void observeSite(Address given) {
    if (given != null) {
      claim(given);
    }
  }

  private void claim(Address a) {
    if (!seen.add(a)) {
      throw new DuplicateAddressException(a);
    }
  }

  /** The namers of the parts of an independent product reached now. */
  public SiteNamer[] parts(int n) {
    Address base = scope.child("#" + next++);
    SiteNamer[] out = new SiteNamer[n];
    for (int i = 0; i < n; i++) {
      out[i] = new SiteNamer(base.child(i), seen);
    }
    return out;
  }

  /** A copy with the same position (for branching interpreters such as the Enumerator). */
  public SiteNamer copy() {
    SiteNamer c = new SiteNamer(scope, new HashSet<>(seen));
    c.next = next;
    return c;
  }
}
