package org.probity.proofs.vi;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.testkit.Gen;
import org.probity.testkit.Shrinker;

/**
 * Generates {@link FiniteObjective}s: 1 to 3 parameters, 1 to 4 choices (more with size), each
 * choice's estimator drawn from {@code estimators}, coefficients rounded to one decimal; cases
 * whose estimator program would have more than {@link #MAX_PATHS} paths lose their last choices
 * until they fit. Shrinks by dropping choices, zeroing coefficients and replacing
 * estimators by the first in the list.
 */
final class FiniteObjectiveGen {
  /** The largest number of estimator-program paths a case may have (enumeration cost). */
  static final double MAX_PATHS = 3000;

  private FiniteObjectiveGen() {
  }

  static Gen<FiniteObjective> of(List<String> estimators) {
    return (rng, size) -> {
      int p = 1 + rng.nextInt(Math.min(3, 1 + size / 3));
      int n = 1 + rng.nextInt(Math.min(4, 1 + size / 2));
      double[] theta = coefs(rng, p, 1.0);
      List<FiniteObjective.Choice> sites = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        int k = rng.nextBoolean() ? 2 : 3;
        int logits = k == 2 ? 1 : k;
        double[][] a = new double[logits][];
        double[][] b = new double[logits][];
        double[] c = coefs(rng, logits, 1.0);
        for (int r = 0; r < logits; r++) {
          a[r] = coefs(rng, p, 1.0);
          b[r] = coefs(rng, n, 1.0);
        }
        sites.add(new FiniteObjective.Choice(k, a, b, c, estimators.get(rng.nextInt(estimators.size()))));
      }
      double[][] h = new double[n][];
      double[][] m = new double[n][];
      for (int s = 0; s < n; s++) {
        h[s] = coefs(rng, p, 1.0);
        m[s] = coefs(rng, n, 1.0);
      }
      FiniteObjective f = new FiniteObjective(theta, sites, round(gauss(rng)), coefs(rng, p, 1.0),
          round(0.5 * gauss(rng)), coefs(rng, n, 2.0), h, m);
      return affordable(f);
    };
  }

  /** The case with its last choices dropped until its estimator program fits. */
  static FiniteObjective affordable(FiniteObjective f) {
    FiniteObjective g = f;
    while (g.sites().size() > 1 && g.estimatorPaths() > MAX_PATHS) {
      g = drop(g, g.sites().size() - 1);
    }
    return g;
  }

  private static double[] coefs(UniformRandomProvider rng, int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = round(scale * gauss(rng));
    }
    return x;
  }

  /** A draw from the standard normal (Box-Muller). */
  private static double gauss(UniformRandomProvider rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  private static double round(double x) {
    return Math.round(x * 10) / 10.0;
  }

  static FiniteObjective withEstimator(FiniteObjective f, int s, String estimator) {
    List<FiniteObjective.Choice> sites = new ArrayList<>(f.sites());
    FiniteObjective.Choice c = sites.get(s);
    sites.set(s, new FiniteObjective.Choice(c.k(), c.a(), c.b(), c.c(), estimator));
    return new FiniteObjective(f.theta(), sites, f.e0(), f.e(), f.q(), f.g(), f.h(), f.m());
  }

  /** Drops choices (last first), then zeroes coefficients one at a time. */
  static Shrinker<FiniteObjective> shrinker() {
    return f -> {
      List<FiniteObjective> out = new ArrayList<>();
      int n = f.sites().size();
      for (int s = n - 1; s >= 0 && n > 1; s--) {
        out.add(drop(f, s));
      }
      addZeroed(out, f);
      return out;
    };
  }

  private static FiniteObjective drop(FiniteObjective f, int s) {
    List<FiniteObjective.Choice> sites = new ArrayList<>();
    for (int t = 0; t < f.sites().size(); t++) {
      if (t != s) {
        FiniteObjective.Choice c = f.sites().get(t);
        double[][] b = new double[c.b().length][];
        for (int r = 0; r < b.length; r++) {
          b[r] = without(c.b()[r], s);
        }
        sites.add(new FiniteObjective.Choice(c.k(), c.a(), b, c.c(), c.estimator()));
      }
    }
    double[][] h = new double[f.sites().size() - 1][];
    double[][] m = new double[f.sites().size() - 1][];
    for (int t = 0, j = 0; t < f.sites().size(); t++) {
      if (t != s) {
        h[j] = f.h()[t];
        m[j] = without(f.m()[t], s);
        j++;
      }
    }
    return new FiniteObjective(f.theta(), sites, f.e0(), f.e(), f.q(), without(f.g(), s), h, m);
  }

  private static double[] without(double[] x, int s) {
    double[] y = new double[x.length - 1];
    for (int i = 0, j = 0; i < x.length; i++) {
      if (i != s) {
        y[j++] = x[i];
      }
    }
    return y;
  }

  private static void addZeroed(List<FiniteObjective> out, FiniteObjective f) {
    if (f.e0() != 0) {
      out.add(new FiniteObjective(f.theta(), f.sites(), 0, f.e(), f.q(), f.g(), f.h(), f.m()));
    }
    if (f.q() != 0) {
      out.add(new FiniteObjective(f.theta(), f.sites(), f.e0(), f.e(), 0, f.g(), f.h(), f.m()));
    }
    for (int i = 0; i < f.e().length; i++) {
      if (f.e()[i] != 0) {
        double[] e = f.e().clone();
        e[i] = 0;
        out.add(new FiniteObjective(f.theta(), f.sites(), f.e0(), e, f.q(), f.g(), f.h(), f.m()));
      }
    }
    for (int s = 0; s < f.sites().size(); s++) {
      FiniteObjective.Choice c = f.sites().get(s);
      for (int r = 0; r < c.b().length; r++) {
        for (int t = 0; t < c.b()[r].length; t++) {
          if (c.b()[r][t] != 0) {
            double[][] b = c.b().clone();
            b[r] = b[r].clone();
            b[r][t] = 0;
            List<FiniteObjective.Choice> sites = new ArrayList<>(f.sites());
            sites.set(s, new FiniteObjective.Choice(c.k(), c.a(), b, c.c(), c.estimator()));
            out.add(new FiniteObjective(f.theta(), sites, f.e0(), f.e(), f.q(), f.g(), f.h(), f.m()));
          }
        }
      }
      if (f.g()[s] != 0) {
        double[] g = f.g().clone();
        g[s] = 0;
        out.add(new FiniteObjective(f.theta(), f.sites(), f.e0(), f.e(), f.q(), g, f.h(), f.m()));
      }
      for (int t = s + 1; t < f.sites().size(); t++) {
        if (f.m()[s][t] != 0) {
          double[][] m = f.m().clone();
          m[s] = m[s].clone();
          m[s][t] = 0;
          out.add(new FiniteObjective(f.theta(), f.sites(), f.e0(), f.e(), f.q(), f.g(), f.h(), m));
        }
      }
    }
  }
}
