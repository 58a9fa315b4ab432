package org.probity.proofs.robust;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.data.Data;
import org.probity.data.StrictJson;
import org.probity.dist.Distribution;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.inference.mcmc.TraceJson;
import org.probity.inference.smc.Population;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.random.Rngs;
import org.probity.semantics.Density;
import org.probity.semantics.Enumerator;
import org.probity.semantics.ImportanceSampling;
import org.probity.semantics.Sampler;
import org.probity.semantics.WeightedSample;
import org.probity.testkit.Tries;

/**
 * The hostile-user fuzz suite of issue #14: generated bad inputs (parameters including NaN,
 * +-Infinity, negative and sub-normal scales; observations outside the support and null; odd
 * addresses with the printed form's reserved characters and Unicode; malformed data files for
 * {@code Data.csv}, {@code Data.json}, {@code StrictJson} and {@code TraceJson}) go through every
 * interpreter (Sampler, Density, Enumerator where finite, importance sampling, SMC, MCMC). Each
 * run must end in a named Probity exception (a type of an {@code org.probity} package, listed in
 * docs/errors.md) or a result without NaN or +Infinity; never a hang (each case runs under a
 * preemptive timeout) and never a message over 4 KB. The fast default runs a few hundred cases;
 * {@code -Pfull} ten times as many.
 */
class FuzzTest {
  private static final int CASES = Tries.of(40, 400);
  private static final long SEED = 1414_2026;
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final int MAX_MESSAGE = 4096;

  /** Runs a case: a named exception or a checked result, in time, with a short message. */
  private static void expect(String what, Supplier<?> run) {
    assertTimeoutPreemptively(LIMIT, () -> {
      Object result;
      try {
        result = run.get();
      } catch (RuntimeException e) {
        named(what, e);
        return;
      }
      finite(what, result);
    }, () -> what + ": no answer in " + LIMIT);
  }

  /** The exception (or, for a wrapper, its cause) is one of Probity's own types, with a short message. */
  private static void named(String what, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      assertTrue(m.length() <= MAX_MESSAGE, what + ": a message of " + m.length() + " characters from "
          + t.getClass().getName());
    }
    Throwable root = e;
    while (root.getClass().getName().startsWith("org.probity.inference.mcmc.McmcChainException") && root.getCause() != null) {
      root = root.getCause();
    }
    String type = root.getClass().getName();
    if (!type.startsWith("org.probity.")) {
      AssertionError a = new AssertionError(what + ": an unnamed " + type + ": " + root.getMessage());
      a.initCause(e);
      throw a;
    }
  }

  private static void finite(String what, Object r) {
    if (r instanceof Double d) {
      assertTrue(!d.isNaN() && d != Double.POSITIVE_INFINITY, what + ": result " + d);
    } else if (r instanceof WeightedSample<?> w) {
      assertTrue(Double.isFinite(w.logEvidence()) && Double.isFinite(w.ess()), what + ": log evidence "
          + w.logEvidence() + ", ESS " + w.ess());
    } else if (r instanceof Population<?> p) {
      double z = p.logEvidenceEstimate();
      assertTrue(!Double.isNaN(z) && z != Double.POSITIVE_INFINITY, what + ": log evidence " + z);
    } else if (r instanceof McmcResult<?> m) {
      for (double[] chain : m.draws().samplerStat("lp__")) {
        for (double v : chain) {
          assertTrue(Double.isFinite(v), what + ": lp__ " + v);
        }
      }
    }
  }

  // ---- bad parameters and observations through every interpreter ----

  static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1, 0, -0.0,
      Double.MIN_VALUE, 1e-300, 1e300, Double.MAX_VALUE, 0.5, 1, 3, 1e10};

  static double bad(UniformRandomProvider rng) {
    return BAD[rng.nextInt(BAD.length)];
  }

  /** Continuous families with two generated parameters. */
  static final List<Function<double[], Distribution<Real>>> CONTINUOUS = List.of(
      p -> normal(p[0], p[1]), p -> gamma(p[0], p[1]), p -> beta(p[0], p[1]), p -> uniform(p[0], p[1]),
      p -> exponential(p[0]), p -> studentT(p[0], p[1], 1), p -> logNormal(p[0], p[1]), p -> cauchy(p[0], p[1]),
      p -> halfNormal(p[0]), p -> inverseGamma(p[0], p[1]), p -> laplace(p[0], p[1]), p -> weibull(p[0], p[1]));

  /** Discrete families. */
  static final List<Function<double[], Distribution<?>>> DISCRETE = List.of(
      p -> bernoulli(p[0]), p -> poisson(p[0]), p -> binomial((int) Math.min(p[1], 50), p[0]),
      p -> geometric(p[0]), p -> discreteUniform((int) Math.max(-5, Math.min(p[0], 5)), (int) Math.min(p[1], 5)),
      p -> negativeBinomial(p[0], p[1]));

  @Test
  void badParametersAndObservationsThroughEveryInterpreter() {
    UniformRandomProvider rng = Rngs.of(SEED);
    for (int i = 0; i < CASES; i++) {
      double[] p = {bad(rng), bad(rng)};
      double y = bad(rng);
      boolean continuous = rng.nextBoolean();
      String what;
      Prob<Object> model;
      if (continuous) {
        int f = rng.nextInt(CONTINUOUS.size());
        what = "continuous family " + f + " with parameters " + p[0] + ", " + p[1] + " observing " + y;
        model = sample("mu", normal(0, 1), (Real mu) -> {
          Distribution<Real> d = CONTINUOUS.get(f).apply(new double[] {p[0], p[1]});
          return observe("y", d, Real.of(y)).map(u -> (Object) mu.value());
        });
      } else {
        int f = rng.nextInt(DISCRETE.size());
        Object obs = switch (rng.nextInt(4)) {
          case 0 -> (int) Math.max(-3, Math.min(y, 1000));
          case 1 -> null;
          case 2 -> rng.nextBoolean();
          default -> 1;
        };
        what = "discrete family " + f + " with parameters " + p[0] + ", " + p[1] + " observing " + obs;
        model = sample("k", bernoulli(0.5), (Boolean k) -> {
          @SuppressWarnings("unchecked")
          Distribution<Object> d = (Distribution<Object>) DISCRETE.get(f).apply(new double[] {p[0], p[1]});
          return observe("y", d, obs).map(u -> (Object) k);
        });
      }
      Prob<Object> m = model;
      expect(what + " (Sampler)", () -> Sampler.run(m, 1).logWeight());
      expect(what + " (Density)", () -> Density.replay(m, Map.of(continuous ? addr("mu") : addr("k"),
          continuous ? Real.of(0.1) : (Object) Boolean.TRUE)).logJoint().value());
      if (!continuous) {
        expect(what + " (Enumerator)", () -> Enumerator.enumerate(m).logEvidence());
      }
      expect(what + " (importance sampling)", () -> ImportanceSampling.run(m, 20, 2));
      expect(what + " (SMC)", () -> org.probity.semantics.Sampler.run(Smc.smc(m, 4, Resampler.SYSTEMATIC), 3).value());
      expect(what + " (MCMC)", () -> Mcmc.run(m, Kernels.mh(), McmcConfig.defaults().chains(1).warmup(5).samples(5)
          .threads(1).progress(false).maxInitAttempts(20)));
    }
  }

  @Test
  void vaguePriorsAndEdgeProposalsRunWithoutErrors() {
    // Draws on a bound and proposals past it are moved inside or rejected: never an error.
    UniformRandomProvider rng = Rngs.of(SEED + 1);
    for (int i = 0; i < Math.max(4, CASES / 10); i++) {
      double a = new double[] {0.001, 0.01, 0.1}[rng.nextInt(3)];
      double scale = new double[] {1, 30, 1e6}[rng.nextInt(3)];
      Prob<Double> m = sample("tau", gamma(a, a), (Real tau) -> sample("p", beta(a, a), (Real q) ->
          observe(normal(0, 1 / Math.sqrt(tau.value())), 0.3).then(() -> observe(bernoulli(q.value()), true))
              .map(u -> tau.value())));
      int seed = i;
      String what = "gamma(" + a + ", " + a + ") precision, beta(" + a + ", " + a + "), random walk scale " + scale;
      expect(what, () -> Mcmc.run(m, Kernels.randomWalk(org.probity.trace.Selection.all(), scale),
          McmcConfig.defaults().chains(2).warmup(20).samples(50).threads(1).progress(false).seed(seed)));
      expect(what + " (IS)", () -> ImportanceSampling.run(m, 200, seed));
    }
  }

  // ---- odd addresses ----

  static final String[] PIECES = {"a", "/", "[", "]", "\\", "#", "0", "μ", "σ²", "日本", "😀", " ", "\"", ".", ",",
      "x[1]", "a/b", "#0", "", "\u0000", "\n"};

  @Test
  void oddAddressesAreRefusedByNameOrRoundTrip() {
    UniformRandomProvider rng = Rngs.of(SEED + 2);
    for (int i = 0; i < CASES * 3; i++) {
      StringBuilder sb = new StringBuilder();
      int n = rng.nextInt(4);
      for (int j = 0; j < n; j++) {
        sb.append(PIECES[rng.nextInt(PIECES.length)]);
      }
      String name = sb.toString();
      Object index = rng.nextBoolean() ? null : (Object) (rng.nextBoolean() ? rng.nextInt(5) : PIECES[rng.nextInt(PIECES.length)]);
      String what = "the address " + name + (index == null ? "" : " / " + index);
      expect(what, () -> {
        Address a = index == null ? Address.of(name) : Address.of(name, index);
        Address back = Address.parse(a.toString());
        assertTrue(back.equals(a) && back.toString().equals(a.toString()), what + " prints as " + a
            + " and reads back as " + back);
        Prob<Double> m = sample(a, normal(0, 1)).flatMap(x -> sample(addr("other"), normal(x, 1)))
            .map(Real::value);
        double lp = Density.replay(m, Sampler.record(m, Rngs.of(1)).choices()).logJoint().value();
        assertTrue(Double.isFinite(lp), what + ": log joint " + lp);
        return ImportanceSampling.run(m, 10, 1);
      });
    }
  }

  // ---- malformed data files ----

  static final String CSV = "y,x,label\n1.5,2,a\n-0.3,4,b\n2.25,6,a\n";
  static final String JSON = "{\"J\": 3, \"y\": [28, 8, -3], \"sigma\": [15.0, 10, 16]}";

  /** A record read by StrictJson, validated as the bench's data records are. */
  record Schools(@com.fasterxml.jackson.annotation.JsonProperty("J") int j,
      @com.fasterxml.jackson.annotation.JsonProperty("y") double[] y,
      @com.fasterxml.jackson.annotation.JsonProperty("sigma") double[] sigma) {
    Schools {
      StrictJson.checkLength("y", y.length, "J", j);
      StrictJson.checkLength("sigma", sigma.length, "J", j);
      StrictJson.checkRange("sigma", sigma, 0, Double.POSITIVE_INFINITY);
    }
  }

  static final String[] JUNK = {"", "NaN", "null", "-", "1e999", "\"", ",", "{", "}", "[", "]", "\n", "abc", "μ",
      "3000000001", "0x10", "1.5.2", "true", "\uFEFF", "\r\n", ":", " ", "-0", "Infinity"};

  /** The text with a few random edits: deletions, insertions of junk, truncation. */
  static String mutate(String text, UniformRandomProvider rng) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + rng.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = rng.nextInt(sb.length() + 1);
      switch (rng.nextInt(3)) {
        case 0 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        case 1 -> sb.insert(at, JUNK[rng.nextInt(JUNK.length)]);
        default -> sb.setLength(at);
      }
    }
    return sb.toString();
  }

  @Test
  void malformedDataFilesAreRefusedByName() {
    UniformRandomProvider rng = Rngs.of(SEED + 3);
    Prob<Real> traced = sample("b", normal(0, 1), (Real b) -> sample(addr("v"), normal(0, 1).vector(2), (Real[] v) ->
        sample("k", poisson(3), (Integer k) -> pure(b))));
    String trace = TraceJson.write(Sampler.run(org.probity.trace.Traces.prior(traced), 5).value());
    for (int i = 0; i < CASES * 3; i++) {
      String csv = mutate(CSV, rng);
      String json = mutate(JSON, rng);
      String tj = mutate(trace, rng);
      expect("Data.csv of " + csv, () -> {
        Data d = Data.csv(new StringReader(csv), "fuzz.csv");
        double s = 0;
        for (String n : d.names()) {
          if (d.has(n)) {
            s += d.size(n);
          }
        }
        if (d.has("y")) {
          for (double v : d.doubles("y")) {
            s += v;
          }
        }
        return s;
      });
      expect("Data.json of " + json, () -> {
        Data d = Data.json(new StringReader(json), "fuzz.json");
        double s = d.has("J") ? d.integer("J") : 0;
        if (d.has("y")) {
          for (double v : d.doubles("y")) {
            s += v;
          }
        }
        return s;
      });
      expect("StrictJson of " + json, () -> {
        Schools r = StrictJson.read(new StringReader(json), "fuzz.json", Schools.class);
        return (double) r.j();
      });
      expect("TraceJson of " + tj, () -> TraceJson.read(tj, traced).logJoint());
    }
  }

  /** The generated lists above are not empty (a fuzz suite that runs nothing cannot fail). */
  @Test
  void theSuiteRunsCases() {
    assertTrue(CASES >= 40 && CONTINUOUS.size() > 10 && DISCRETE.size() > 5 && new ArrayList<>(List.of(PIECES)).size() > 10);
    DoubleFunction<String> f = Double::toString;
    assertTrue(f.apply(BAD[0]).equals("NaN"));
  }
}
