package org.probity.examples;

import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;
import static org.probity.Probity.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.trace.Selection;
import org.probity.vi.adev.Expectation;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * Hierarchical variational inference on the "noisy cone" of the genjax.vi paper (Becker et al.,
 * PLDI 2024, figure 2 and table 4): x, y ~ N(0, 10), z ~ N(x^2 + y^2, 0.1 + (x^2 + y^2) / 100),
 * z = 5 observed, so the posterior of (x, y) is a ring of radius about sqrt 5. A naive mean-field
 * Gaussian guide is fitted by the ELBO and the IWELBO(5). An expressive family draws an auxiliary
 * angle u ~ Uniform(0, 1), then x ~ N(sqrt(z) cos 2 pi u, sigma_1), y ~ N(sqrt(z) sin 2 pi u,
 * sigma_2); its marginal on (x, y) has no closed-form density, so it is used through
 * {@code marginal({x, y}, family, sir(K))}: HVI (K = 1), IWHVI (K = 5) and DIWHVI (5 outer
 * particles, K = 5). Every objective is a lower bound on log p(z = 5), which the table gives by
 * one-dimensional quadrature. Arguments: [steps per objective (default 2000)] [seed (default 1)].
 */
@Example(name = "vi-hierarchical", description = "Hierarchical VI on the noisy cone: marginal/sir(K) with HVI, IWHVI, DIWHVI against naive ELBO/IWELBO")
public final class HierarchicalVi {
  /** The observation. */
  public static final double Z = 5.0;
  static final Selection XY = Selection.of(Address.parse("x"), Address.parse("y"));

  private HierarchicalVi() {
  }

  /** The model: x, y ~ N(0, 10), z ~ N(r, 0.1 + r / 100) with r = x^2 + y^2, z observed. */
  public static Prob<Real[]> model() {
    return sample("x", normal(0, 10)).flatMap(x -> sample("y", normal(0, 10)).flatMap(y -> {
      Real r = x.square().plus(y.square());
      return observe(normal(r, r.div(100).plus(0.1)), Z).then(() -> pure(new Real[] {x, y}));
    }));
  }

  /** The naive mean-field Gaussian guide on (x, y). */
  public static Prob<Real> naive(Params p) {
    return sample("x", normal(p.real("mx", 1.0), p.positive("sx", 1.0)))
        .flatMap(x -> sample("y", normal(p.real("my", 1.0), p.positive("sy", 1.0))));
  }

  /** The expressive family: an auxiliary angle, then (x, y) near the circle of radius sqrt(z) at that angle. */
  public static Prob<Real> family(Params p) {
    Real s1 = p.positive("s1", 1.0);
    Real s2 = p.positive("s2", 1.0);
    return sample("u", uniform(0, 1)).flatMap(u -> {
      Real theta = u.times(2 * Math.PI);
      return sample("x", normal(theta.cos().times(Math.sqrt(Z)), s1))
          .flatMap(x -> sample("y", normal(theta.sin().times(Math.sqrt(Z)), s2)));
    });
  }

  /** One row: an objective, its value at its own fit (mean and standard error of 2000 estimates). */
  public record Row(String objective, double value, double se) {
  }

  /** The objectives of the table, by name. */
  public static List<String> names() {
    return List.of("ELBO (naive)", "IWELBO(5) (naive)", "HVI (SIR 1)", "IWHVI (SIR 5)", "DIWHVI (5, SIR 5)");
  }

  /** The objective of the given name. */
  public static Expectation objective(String name) {
    Generative<Real[]> m = Generative.of(model());
    Generative<Real> q = Generative.of(HierarchicalVi::naive);
    return switch (name) {
      case "ELBO (naive)" -> Objectives.elbo(m, q);
      case "IWELBO(5) (naive)" -> Objectives.iwelbo(m, q, 5);
      case "HVI (SIR 1)" -> Objectives.hvi(m, HierarchicalVi::family, XY);
      case "IWHVI (SIR 5)" -> Objectives.iwhvi(m, HierarchicalVi::family, XY, 5);
      case "DIWHVI (5, SIR 5)" -> Objectives.diwhvi(m, HierarchicalVi::family, XY, 5, 5);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Fits each objective for {@code steps} Adam steps (8 estimates per step) and evaluates it. */
  public static List<Row> run(int steps, long seed, boolean progress) {
    List<Row> rows = new ArrayList<>();
    for (String name : names()) {
      Expectation e = objective(name);
      ParamStore store = new ParamStore(seed);
      Optimize.maximize(e, store, Optimize.Config.of(steps).optimizer(Adam.of(0.02)).samples(8).progress(progress).seed(seed));
      rows.add(evaluate(name, e, store, 2000, seed));
    }
    return rows;
  }

  /** The mean and standard error of n estimates of {@code e} at the store's parameters. */
  public static Row evaluate(String name, Expectation e, ParamStore store, int n, long seed) {
    UniformRandomProvider rng = Rngs.of(seed + 17);
    double s = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double v = e.estimate(store, rng);
      s += v;
      ss += v * v;
    }
    double m = s / n;
    return new Row(name, m, Math.sqrt(Math.max(ss / n - m * m, 0) / n));
  }

  /**
   * log p(z) by quadrature: in polar coordinates p(z) = int_0^inf (r / 100) exp(-r^2 / 200)
   * N(z | r^2, 0.1 + r^2 / 100) dr (Simpson's rule, 200,000 intervals on [0, 12]).
   */
  public static double logEvidence() {
    int n = 200_000;
    double hi = 12;
    double h = hi / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double r = i * h;
      double sd = 0.1 + r * r / 100;
      double f = r / 100 * Math.exp(-r * r / 200) * Math.exp(-0.5 * Math.pow((Z - r * r) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI));
      s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    return Math.log(s * h / 3);
  }

  /** Prints the table. */
  public static void main(String[] args) {
    Args cli = Args.of("vi-hierarchical", args, "steps: Adam steps per objective (default 2000)", "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    int steps = cli.positiveInt(0, 2000);
    long seed = cli.longValue(1, 1);
    List<Row> rows = run(steps, seed, true);
    System.out.printf(Locale.ROOT, "Noisy cone, z = %.1f: each objective fitted (Adam 0.02, %d steps x 8 estimates), then"
        + " estimated 2000 times%n", Z, steps);
    System.out.printf(Locale.ROOT, "%-20s %12s %10s%n", "objective", "value", "s.e.");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%-20s %12.4f %10.4f%n", r.objective(), r.value(), r.se());
    }
    System.out.printf(Locale.ROOT, "%-20s %12.4f   (quadrature; every objective is a lower bound)%n", "log p(z)", logEvidence());
  }
}
