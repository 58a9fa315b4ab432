package org.probity.vi.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A gradient with respect to named parameters, each entry the derivative with respect to the
 * parameter's <b>unconstrained</b> coordinates (what an optimiser moves). A parameter the
 * computation did not read has no entry; {@link #get} gives zeros for it.
 */
public final class Gradient {
  private final Map<String, double[]> byName;

  /** A gradient from the given entries (copied). */
  public Gradient(Map<String, double[]> byName) {
    Map<String, double[]> m = new LinkedHashMap<>();
    byName.forEach((k, v) -> m.put(k, v.clone()));
    this.byName = Collections.unmodifiableMap(m);
  }

  /** Wraps entries the caller gives up (no copy). */
  static Gradient adopt(Map<String, double[]> byName) {
    return new Gradient(Collections.unmodifiableMap(byName), null);
  }

  private Gradient(Map<String, double[]> adopted, Void unused) {
    this.byName = adopted;
  }

  /** The parameters with an entry. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** The derivative with respect to the unconstrained coordinates of {@code name} (a copy). */
  public double[] get(String name) {
    double[] g = byName.get(name);
    return g == null ? new double[0] : g.clone();
  }

  /** The derivative with respect to coordinate {@code i} of {@code name}, 0 when it has no entry. */
  public double get(String name, int i) {
    double[] g = byName.get(name);
    return g == null ? 0.0 : g[i];
  }

  /** The entries without copying, for optimisers (do not modify). */
  public Map<String, double[]> entries() {
    return byName;
  }

  /** The Euclidean norm over every entry. */
  public double norm() {
    double s = 0;
    for (double[] g : byName.values()) {
      for (double x : g) {
        s += x * x;
      }
    }
    return Math.sqrt(s);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Gradient{");
    byName.forEach((k, v) -> b.append(b.length() > 9 ? ", " : "").append(k).append('=').append(java.util.Arrays.toString(v)));
    return b.append('}').toString();
  }
}
