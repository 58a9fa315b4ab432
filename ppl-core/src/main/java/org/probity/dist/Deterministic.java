package org.probity.dist;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;

/**
 * The distribution of a deterministic site (PyMC's {@code pm.Deterministic}, NumPyro's
 * {@code numpyro.deterministic}): all its mass at one computed value, a Dirac measure. Sampling
 * returns the value without touching the generator; the log mass is 0 at the value (arrays by
 * content) and negative infinity elsewhere.
 *
 * <p>A site drawn from it is recorded in traces (so a derived quantity such as
 * {@code mu2 = mu1 + d} appears in summaries and exports) but it is not a random choice: it adds
 * no weight, inference never proposes a value for it, and every interpreter that replays or
 * re-runs a program (traces, densities, the log-density view, substitution) takes the value the
 * current run computes rather than a stored one. Write it with {@code Probity.deterministic(name, value)}.
 *
 * @param <X> the type of the value
 */
public final class Deterministic<X> implements Distribution<X> {
  private final X value;

  private Deterministic(X value) {
    this.value = value;
  }

  /**
   * The Dirac measure at {@code value}.
   *
   * @param value the value, not null
   * @param <X> its type
   * @return the distribution
   * @throws DistributionException if the value is null
   */
  public static <X> Deterministic<X> of(X value) {
    if (value == null) {
      throw new DistributionException("Deterministic: the value must not be null");
    }
    return new Deterministic<>(value);
  }

  /**
   * Whether {@code dist} is the distribution of a deterministic site.
   *
   * @param dist a distribution
   * @return true for a {@link Deterministic}
   */
  public static boolean is(Distribution<?> dist) {
    return dist instanceof Deterministic;
  }

  /**
   * The value.
   *
   * @return the value all the mass is at
   */
  public X value() {
    return value;
  }

  @Override
  public X sample(UniformRandomProvider rng) {
    return value;
  }

  @Override
  public Real logProb(X x) {
    return same(x) ? Real.ZERO : Real.NEGATIVE_INFINITY;
  }

  @Override
  public double logDensity(X x) {
    return same(x) ? 0.0 : Double.NEGATIVE_INFINITY;
  }

  private boolean same(Object x) {
    return Arrays.deepEquals(new Object[] {value}, new Object[] {x});
  }

  @Override
  public boolean hasFiniteSupport() {
    return true;
  }

  @Override
  public List<X> enumerateSupport() {
    return List.of(value);
  }

  @Override
  public Constraint support() {
    return new Constraint.Enumerated();
  }

  @Override
  public String name() {
    String v = value.getClass().isArray() ? Arrays.deepToString(new Object[] {value}) : String.valueOf(value);
    if (value.getClass().isArray()) {
      v = v.substring(1, v.length() - 1);
    }
    return "Deterministic(" + (v.length() > 80 ? v.substring(0, 77) + "..." : v) + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
