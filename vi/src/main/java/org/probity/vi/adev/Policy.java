package org.probity.vi.adev;

import java.util.function.Predicate;
import org.probity.core.Address;
import org.probity.dist.Distribution;

/**
 * The estimator of the choices an objective program does not tag ({@link Tagged} wins over a
 * policy). {@link #DEFAULT} reparameterises wherever the distribution has a reparameterised draw
 * (explicit or implicit) and uses REINFORCE elsewhere, which is Pyro's {@code Trace_ELBO} choice.
 */
@FunctionalInterface
public interface Policy {
  /** REPARAM where {@code hasRsample()}, else REINFORCE. */
  Policy DEFAULT = (address, dist) -> dist.hasRsample() ? Estimators.REPARAM : Estimators.REINFORCE;

  /** The estimator for the choice at {@code address} from {@code dist}. */
  Estimator choose(Address address, Distribution<?> dist);

  /** Every untagged choice estimated by {@code e}. */
  static Policy always(Estimator e) {
    return (address, dist) -> e;
  }

  /** This policy, except that the choice at {@code address} (printed form, e.g. {@code "z"}) uses {@code e}. */
  default Policy at(String address, Estimator e) {
    Address a = Address.parse(address);
    return where(a::equals, e);
  }

  /** This policy, except that the choices whose addresses satisfy {@code which} use {@code e}. */
  default Policy where(Predicate<Address> which, Estimator e) {
    Policy outer = this;
    return (address, dist) -> address != null && which.test(address) ? e : outer.choose(address, dist);
  }
}
