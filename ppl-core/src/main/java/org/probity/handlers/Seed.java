package org.probity.handlers;

import org.probity.core.Address;
import org.probity.core.Messenger;
import org.probity.core.Prob;
import org.probity.core.Sample;
import org.probity.random.Rngs;

/**
 * Seeding (Pyro's and NumPyro's {@code seed}): every choice takes the value drawn from its
 * distribution by a generator derived from (seed, the site's address), without weight, so the
 * handled program has no random choices left: it is deterministic, and re-running it gives the
 * same values (in any interpreter, on any thread). Observations and factors still weigh.
 *
 * @param seed the seed
 */
public record Seed(long seed) implements Messenger {
  @Override
  public Prob<?> sample(Sample<?, ?> s, Address address) {
    return Messenger.resume(s, s.dist().sample(Rngs.split(seed, fingerprint(address))));
  }

  /** A 64-bit hash of the address's printed form (FNV-1a), so distinct sites get unrelated streams. */
  private static long fingerprint(Address a) {
    long h = 0xcbf29ce484222325L;
    String t = a.toString();
    for (int i = 0; i < t.length(); i++) {
      h = (h ^ t.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  @Override
  public String toString() {
    return "seed(" + seed + ")";
  }
}
