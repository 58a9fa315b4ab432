package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Mcse;
import org.probity.inference.hmc.DiagonalMetric;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The Hamiltonian kernel on traces: it leaves Gaussian targets invariant (one step from exact
 * draws gives exact draws: means and covariances within 5 iid standard errors, a scalar site and a
 * vector site moved as one block, also composed in a cycle); NUTS-within-Gibbs on a mixture with
 * discrete indicators against the exact posterior by enumeration of the indicators; adaptation,
 * reproducibility across thread counts, continuation, and what the kernel refuses.
 */
class HmcKernelTest {
  static final boolean FULL = ConjugateTest.FULL;
  static final double Z = 5;

  /** x ~ N(1, 2^2) and v ~ MvNormal(m, S) in 2-D: a scalar and a vector site. */
  static final double[] M = {-1, 2};
  static final double[][] S = {{1.0, 0.9}, {0.9, 2.0}};

  static Prob<Real> gaussian() {
    return sample("x", normal(1, 2)).flatMap(x -> sample("v", mvNormal(M, S)).map(v -> x));
  }

  @Test
  void oneStepFromExactDrawsGivesExactDrawsOnAGaussianTarget() {
    int n = FULL ? 40_000 : 6_000;
    for (HmcKernel<Real> template : List.of(HmcKernel.<Real>nuts().stepSize(0.7),
        HmcKernel.<Real>nuts().stepSize(1.6).maxDepth(2),
        HmcKernel.<Real>staticHmc(Selection.all(), 1.9).stepSize(0.5))) {
      Kernel<Real> kernel = template.forChain();
      UniformRandomProvider rng = Rngs.of(31);
      ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(Rngs.of(32));
      double l00 = Math.sqrt(S[0][0]);
      double l10 = S[1][0] / l00;
      double l11 = Math.sqrt(S[1][1] - l10 * l10);
      double[][] out = new double[3][n];
      Prob<Real> model = gaussian();
      for (int i = 0; i < n; i++) {
        double u0 = normal.sample();
        double u1 = normal.sample();
        Map<Address, Object> exact = Map.of(Address.of("x"), Real.of(1 + 2 * normal.sample()), Address.of("v"),
            Real.of(M[0] + l00 * u0, M[1] + l10 * u0 + l11 * u1));
        Trace<Real> t = Traces.replay(model, exact);
        Trace<Real> next = Sampler.run(kernel.apply(t), rng).value();
        Real[] v = (Real[]) next.value(Address.of("v"));
        out[0][i] = ((Real) next.value(Address.of("x"))).value();
        out[1][i] = v[0].value();
        out[2][i] = v[1].value();
      }
      double[] mean = {1, M[0], M[1]};
      double[][] cov = {{4, 0, 0}, {0, S[0][0], S[0][1]}, {0, S[1][0], S[1][1]}};
      List<String> failures = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        checkIid(failures, "mean " + a, out[a], mean[a]);
        for (int b = a; b < 3; b++) {
          double[] prod = new double[n];
          for (int i = 0; i < n; i++) {
            prod[i] = (out[a][i] - mean[a]) * (out[b][i] - mean[b]);
          }
          checkIid(failures, "cov(" + a + ", " + b + ")", prod, cov[a][b]);
        }
      }
      assertTrue(failures.isEmpty(), template + ": " + String.join("\n", failures));
      assertTrue(((HmcKernel<Real>) kernel).transitions() == n);
    }
  }

  /** The same check rejects a kernel that is not invariant (a random walk without the accept step). */
  @Test
  void theInvarianceCheckHasPower() {
    int n = FULL ? 40_000 : 6_000;
    Prob<Real> model = gaussian();
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(Rngs.of(34));
    double[] x1 = new double[n];
    for (int i = 0; i < n; i++) {
      Trace<Real> t = Traces.replay(model, Map.of(Address.of("x"), Real.of(1 + 2 * normal.sample()),
          Address.of("v"), Real.of(M[0], M[1])));
      // an unadjusted move x -> x + N(0, 0.8^2) inflates the variance from 4 to 4.64
      x1[i] = ((Real) t.value(Address.of("x"))).value() + 0.8 * normal.sample();
    }
    double[] sq = new double[n];
    for (int i = 0; i < n; i++) {
      sq[i] = (x1[i] - 1) * (x1[i] - 1);
    }
    List<String> failures = new ArrayList<>();
    checkIid(failures, "var", sq, 4);
    assertTrue(!failures.isEmpty(), "the check did not detect a variance of 4.64 instead of 4");
  }

  static void checkIid(List<String> failures, String what, double[] v, double exact) {
    double m = 0;
    for (double x : v) {
      m += x;
    }
    m /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    double se = Math.sqrt(ss / (v.length - 1) / v.length);
    if (!(Math.abs(m - exact) <= Z * se)) {
      failures.add(String.format(Locale.ROOT, "%s = %.5f, exact %.5f, se %.5f (%.1f se)", what, m, exact, se,
          (m - exact) / se));
    }
  }

  // ---- NUTS within Gibbs on a mixture ----------------------------------------------------------

  static final double[] Y = {0.2, 3.1, -0.4, 2.6, 0.5, 3.4, -0.1, 2.2};
  static final double PRIOR_SD = 3;
  static final double P1 = 0.4;

  /** mu ~ N(0, 3^2); z_i ~ Bernoulli(0.4); y_i ~ N(z_i ? mu : 0, 1). */
  static Prob<Real> mixture() {
    return sample("mu", normal(0, PRIOR_SD)).flatMap(mu -> indicators(mu, 0).then(() -> pure(mu)));
  }

  private static Prob<org.probity.core.Unit> indicators(Real mu, int i) {
    if (i == Y.length) {
      return pure(org.probity.core.Unit.UNIT);
    }
    return sample(addr("z", i), bernoulli(P1), (Boolean z) -> observe(normal(z ? mu : Real.ZERO, 1.0), Y[i],
        () -> indicators(mu, i + 1)));
  }

  /** E[mu], E[mu^2] and P(z_i = 1) exactly: a sum over the 2^n indicator vectors, mu conjugate given each. */
  static double[] exactMixture() {
    int n = Y.length;
    double logZ = Double.NEGATIVE_INFINITY;
    double[] logW = new double[1 << n];
    double[] m1 = new double[1 << n];
    double[] m2 = new double[1 << n];
    for (int s = 0; s < (1 << n); s++) {
      double lw = 0;
      int k = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        boolean z = (s >> i & 1) == 1;
        lw += Math.log(z ? P1 : 1 - P1);
        if (z) {
          k++;
          sum += Y[i];
        } else {
          lw += -0.5 * Y[i] * Y[i] - 0.5 * Math.log(2 * Math.PI);
        }
      }
      // the marginal of the y_i with z_i = 1: N(0, I + s0^2 11')
      double prec = 1 / (PRIOR_SD * PRIOR_SD) + k;
      double mean = sum / prec;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        if ((s >> i & 1) == 1) {
          ss += Y[i] * Y[i];
        }
      }
      lw += -0.5 * k * Math.log(2 * Math.PI) - 0.5 * Math.log(1 + PRIOR_SD * PRIOR_SD * k)
          - 0.5 * (ss - sum * sum / prec);
      logW[s] = lw;
      m1[s] = mean;
      m2[s] = mean * mean + 1 / prec;
      logZ = Math.max(logZ, lw);
    }
    double total = 0;
    double e1 = 0;
    double e2 = 0;
    double[] pz = new double[n];
    for (int s = 0; s < (1 << n); s++) {
      double w = Math.exp(logW[s] - logZ);
      total += w;
      e1 += w * m1[s];
      e2 += w * m2[s];
      for (int i = 0; i < n; i++) {
        if ((s >> i & 1) == 1) {
          pz[i] += w;
        }
      }
    }
    double[] out = new double[2 + n];
    out[0] = e1 / total;
    out[1] = e2 / total;
    for (int i = 0; i < n; i++) {
      out[2 + i] = pz[i] / total;
    }
    return out;
  }

  @Test
  void nutsWithinGibbsOnAMixtureMatchesTheExactPosterior() {
    List<Kernel<Real>> parts = new ArrayList<>();
    parts.add(HmcKernel.nuts(Selection.names("mu")));
    for (int i = 0; i < Y.length; i++) {
      parts.add(Kernels.gibbs(addr("z", i)));
    }
    Kernel<Real> kernel = Kernels.cycle(parts);
    McmcResult<Real> r = Mcmc.run(mixture(), kernel,
        McmcConfig.defaults().warmup(300).samples(FULL ? 4000 : 1000).seed(5).progress(false));
    double[] exact = exactMixture();
    List<String> failures = new ArrayList<>();
    double[][] mu = r.column("mu");
    check(failures, "E[mu]", mu, exact[0]);
    check(failures, "E[mu^2]", square(mu), exact[1]);
    for (int i = 0; i < Y.length; i++) {
      check(failures, "P(z" + i + ")", r.column("z." + (i + 1)), exact[2 + i]);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    // The sampler statistics are NUTS's; its warm-up adapted the step size.
    assertTrue(r.draws().samplerStatNames().contains("divergent__"));
    HmcKernel<?> nuts = (HmcKernel<?>) r.chainKernels().get(0).parts().get(0);
    assertNotEquals(1.0, nuts.stepSize());
    assertTrue(exact[0] > 1.5 && exact[2] < 0.5 && exact[3] > 0.5, "the exact answer is not trivial");
  }

  static void check(List<String> failures, String what, double[][] draws, double exact) {
    double m = 0;
    int k = 0;
    for (double[] c : draws) {
      for (double v : c) {
        m += v;
        k++;
      }
    }
    m /= k;
    double mcse = Mcse.mean(draws);
    if (!(Math.abs(m - exact) <= Z * mcse)) {
      failures.add(String.format(Locale.ROOT, "%s: %.5f, exact %.5f, MCSE %.4f", what, m, exact, mcse));
    }
  }

  static double[][] square(double[][] x) {
    double[][] out = new double[x.length][];
    for (int c = 0; c < x.length; c++) {
      out[c] = new double[x[c].length];
      for (int i = 0; i < x[c].length; i++) {
        out[c][i] = x[c][i] * x[c][i];
      }
    }
    return out;
  }

  // ---- runner behaviour ------------------------------------------------------------------------

  static Prob<Real> schools() {
    double[] y = {28, 8, -3, 7};
    double[] sigma = {15, 10, 16, 11};
    return sample("mu", normal(0, 5)).flatMap(mu -> sample("tau", halfCauchy(5)).flatMap(tau ->
        sample("eta", normal(0, 1).vector(4)).flatMap(eta -> plate(y, j -> normal(mu.plus(tau.times(eta[j])),
            sigma[j])).then(() -> pure(tau)))));
  }

  @Test
  void nutsRunsAreIdenticalWhateverTheThreadCountAndContinueWithTheirAdaptation() {
    McmcConfig cfg = McmcConfig.defaults().warmup(150).samples(100).seed(17).progress(false);
    McmcResult<Real> one = Mcmc.run(schools(), cfg.threads(1));
    McmcResult<Real> four = Mcmc.run(schools(), cfg.threads(4));
    for (int c = 0; c < 4; c++) {
      assertArrayEquals(one.column("tau")[c], four.column("tau")[c]);
      assertArrayEquals(one.draws().samplerStat("energy__")[c], four.draws().samplerStat("energy__")[c]);
    }
    assertEquals(List.of("lp__", "accept_stat__", "stepsize__", "treedepth__", "n_leapfrog__", "divergent__",
        "energy__"), one.draws().samplerStatNames());
    // Continue: the same step size and metric, no warm-up, fresh random numbers; reproducible.
    McmcResult<Real> more = Mcmc.resume(one, 50);
    assertEquals(1, more.segment());
    for (int c = 0; c < 4; c++) {
      HmcKernel<?> before = (HmcKernel<?>) one.chainKernels().get(c);
      HmcKernel<?> after = (HmcKernel<?>) more.chainKernels().get(c);
      assertEquals(before.stepSize(), after.stepSize());
      assertArrayEquals(((DiagonalMetric) before.metric()).inverseMetric(),
          ((DiagonalMetric) after.metric()).inverseMetric());
      double[] steps = more.draws().samplerStat("stepsize__")[c];
      for (double s : steps) {
        assertEquals(before.stepSize(), s);
      }
    }
    assertArrayEquals(more.column("tau")[2], Mcmc.resume(four, 50).column("tau")[2]);
    assertNotEquals(more.column("tau")[0][0], one.column("tau")[0][0]);
    // The first continued draw moves on from the last draw of the run it continues.
    assertEquals(one.lastTraces().get(1).program(), more.lastTraces().get(1).program());
  }

  @Test
  void stanCsvNamesNutsWithTheAdaptedStepSizeAndArvizHasSampleStats(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    McmcResult<Real> r = Mcmc.run(schools(), McmcConfig.defaults().chains(2).warmup(100).samples(50).seed(3)
        .progress(false));
    List<java.nio.file.Path> files = r.writeStanCsv(dir, "schools", "schools");
    String csv = java.nio.file.Files.readString(files.get(1));
    HmcKernel<?> k = (HmcKernel<?>) r.chainKernels().get(1);
    assertTrue(csv.contains("engine = nuts") && csv.contains("# Step size = " + k.stepSize()), csv);
    assertTrue(csv.contains("lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,mu,tau"),
        csv);
    org.probity.inference.diagnostics.Draws back = org.probity.inference.diagnostics.StanCsv.read(files);
    assertArrayEquals(r.draws().samplerStat("n_leapfrog__")[1], back.samplerStat("n_leapfrog__")[1]);
    String json = r.arviz().toJson();
    assertTrue(json.contains("\"sample_stats\"") && json.contains("\"diverging\"") && json.contains("\"tree_depth\""),
        json.substring(0, 300));
    // A random walk's CSV names the random walk, not NUTS, and has no NUTS columns.
    McmcResult<Real> rw = Mcmc.run(schools(), Kernels.adaptiveRandomWalk(Selection.all(), 0.5),
        McmcConfig.defaults().chains(1).warmup(100).samples(50).seed(3).progress(false));
    String rwCsv = java.nio.file.Files.readString(rw.writeStanCsv(dir, "rw", "schools").get(0));
    assertTrue(rwCsv.contains("algorithm = random_walk_metropolis") && rwCsv.contains("scale = ")
        && !rwCsv.contains("divergent__"), rwCsv);
  }

  @Test
  void toStringPrintsTheTableAndWarnings() {
    McmcResult<Real> r = Mcmc.run(schools(), McmcConfig.defaults().warmup(200).samples(200).seed(4).progress(false));
    String s = r.toString();
    assertTrue(s.startsWith("nuts: 4 chains, 200 warm-up + 200 draws"), s);
    assertTrue(s.contains("rhat") && s.contains("tau") && s.contains("eta.4"), s);
    assertTrue(s.contains("problems") || s.contains("Try:"), s);
  }

  @Test
  void flatPriorsWorkWithNutsAndAreRefusedByPriorInitialisation() {
    double[] y = {1.2, 0.3, 2.1, 1.7, 0.9};
    Prob<Real> model = sample("mu", flat()).flatMap(mu -> sample("sigma", flatPositive()).flatMap(s ->
        plate(normal(mu, 1.0), y).then(() -> observe(normal(s, 0.1), 1.0)).then(() -> pure(mu))));
    McmcResult<Real> r = Mcmc.run(model, McmcConfig.defaults().warmup(300).samples(1000).seed(9).progress(false));
    double ybar = 6.2 / 5;
    ConjugateTest.check(r, "mu", ybar, Math.sqrt(1 / 5.0));
    McmcChainException e = assertThrows(McmcChainException.class, () -> Mcmc.run(model, Kernels.mh(),
        McmcConfig.defaults().chains(1).samples(10).progress(false)));
    assertTrue(e.getCause() instanceof McmcInitializationException, String.valueOf(e.getCause()));
    assertTrue(e.getMessage().contains("improper prior at [mu, sigma]"), e.getMessage());
    // Importance sampling from the prior refuses it too.
    assertThrows(org.probity.dist.ImproperPriorException.class,
        () -> org.probity.semantics.ImportanceSampling.run(model, 10, 1));
  }

  @Test
  void initialisationFailuresNameTheAddressAndTheTerm() {
    // No point has positive density: the observation is impossible.
    Prob<Real> impossible = sample("x", normal(0, 1)).flatMap(x -> observe("y", uniform(10, 11), Real.of(0.5))
        .then(() -> pure(x)));
    McmcChainException e = assertThrows(McmcChainException.class, () -> Mcmc.run(impossible,
        McmcConfig.defaults().chains(1).samples(10).progress(false)));
    assertTrue(e.getMessage().contains("zero density at the observation y") && e.getMessage().contains("100 attempts"),
        e.getMessage());
    // The gradient is NaN everywhere: sqrt(x - x) has value 0 and derivative 0 * infinity.
    Prob<Real> badGradient = sample("x", normal(0, 1)).flatMap(x -> sample("s", gamma(2, 2)).flatMap(s ->
        factor(s.minus(s).sqrt()).then(() -> pure(x))));
    e = assertThrows(McmcChainException.class, () -> Mcmc.run(badGradient,
        McmcConfig.defaults().chains(1).samples(10).progress(false)));
    assertTrue(e.getMessage().contains("gradient of the log density with respect to s is NaN"), e.getMessage());
  }

  @Test
  void initialValuesByAddress() {
    Prob<Real> model = schools();
    Trace<Real> t = UnconstrainedInit.find(model, Rngs.of(1), Map.of(Address.of("mu"), 3.5, Address.of("tau"), 0.25),
        2.0, 100);
    assertEquals(3.5, ((Real) t.value(Address.of("mu"))).value());
    assertEquals(0.25, ((Real) t.value(Address.of("tau"))).value());
    McmcConfig cfg = McmcConfig.defaults().chains(1).warmup(0).samples(1).progress(false);
    McmcInitializationException bad = assertThrows(McmcInitializationException.class, () -> UnconstrainedInit.find(
        model, Rngs.of(1), Map.of(Address.of("tau"), -1.0), 2.0, 100));
    assertTrue(bad.getMessage().contains("-1.0 at tau has zero density"), bad.getMessage());
    McmcChainException typo = assertThrows(McmcChainException.class, () -> Mcmc.run(model,
        cfg.inits(Map.of("tua", 1.0))));
    assertTrue(typo.getMessage().contains("[tua], which the model does not reach; its addresses are [mu, tau, eta]"),
        typo.getMessage());
    // With a prior-initialised kernel too.
    McmcResult<Real> mh = Mcmc.run(model, Kernels.mh(), cfg.inits(Map.of("mu", 7.0)).warmup(0).samples(1));
    assertEquals(1, mh.column("mu")[0].length);
  }

  @Test
  void initialValuesPerChain() {
    // A step of 1e-9 and one leapfrog step: the first draw of each chain is its initial point to 1e-6.
    HmcKernel<Real> still = HmcKernel.<Real>nuts().stepSize(1e-9).maxDepth(1);
    McmcConfig cfg = McmcConfig.defaults().chains(3).warmup(0).samples(1).progress(false).seed(4)
        .inits(Map.of("tau", 0.25, "mu", 1.0))
        .chainInits(List.of(Map.of("mu", 3.5), Map.of(Address.of("mu"), -2.0, Address.of("tau"), 4.0), Map.of()));
    McmcResult<Real> r = Mcmc.run(schools(), still, cfg);
    double[][] mu = r.column("mu");
    double[][] tau = r.column("tau");
    assertEquals(3.5, mu[0][0], 1e-6);
    assertEquals(0.25, tau[0][0], 1e-6);
    assertEquals(-2.0, mu[1][0], 1e-6);
    assertEquals(4.0, tau[1][0], 1e-6, "a chain's own value overrides the common one");
    assertEquals(1.0, mu[2][0], 1e-6, "an empty map keeps the common values");
    assertEquals(0.25, tau[2][0], 1e-6);
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> Mcmc.run(schools(), still, cfg.chains(2)));
    assertTrue(count.getMessage().contains("3 maps for 2 chains"), count.getMessage());
    assertThrows(IllegalArgumentException.class, () -> cfg.chainInits(java.util.Arrays.asList(Map.of(), null)));
  }

  @Test
  void stepSizeJitterVariesEachTransitionsStepSizeAroundTheNominalOne() {
    McmcConfig cfg = McmcConfig.defaults().chains(1).warmup(0).samples(2000).progress(false).seed(6);
    McmcResult<Real> plain = Mcmc.run(schools(), HmcKernel.<Real>nuts().stepSize(0.3), cfg);
    McmcResult<Real> jittered = Mcmc.run(schools(), HmcKernel.<Real>nuts().stepSize(0.3).stepSizeJitter(0.5), cfg);
    double[] used = jittered.column("stepsize__")[0];
    double sum = 0;
    for (double e : used) {
      assertTrue(e > 0.15 && e < 0.45, "jittered step size " + e);
      sum += e;
    }
    // mean of 0.3 (1 + 0.5 U(-1, 1)): standard error 0.3 * 0.5 / sqrt(3 * 2000) = 0.0019
    assertEquals(0.3, sum / used.length, 5 * 0.0019);
    for (double e : plain.column("stepsize__")[0]) {
      assertEquals(0.3, e, 0.0);
    }
    assertThrows(IllegalArgumentException.class, () -> HmcKernel.nuts().stepSizeJitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> HmcKernel.nuts().stepSizeJitter(Double.NaN));
  }

  @Test
  void aModelWhoseContinuousStructureChangesIsRefusedNamingTheAddress() {
    Prob<Real> model = sample("x", normal(0, 1)).flatMap(x -> x.value() > 0
        ? sample("y", normal(0, 1)).map(y -> x) : pure(x));
    McmcChainException e = assertThrows(McmcChainException.class, () -> Mcmc.run(model, HmcKernel.nuts(),
        McmcConfig.defaults().chains(1).warmup(50).samples(50).seed(1).progress(false)));
    assertTrue(e.getMessage().contains("y") && e.getMessage().contains("structure"), e.getMessage());
    // A selection that matches no continuous choice is an error listing the addresses.
    McmcChainException none = assertThrows(McmcChainException.class, () -> Mcmc.run(schools(),
        HmcKernel.nuts(Selection.names("sigma")), McmcConfig.defaults().chains(1).samples(5).progress(false)));
    assertTrue(none.getMessage().contains("selects no continuous choice") && none.getMessage().contains("[mu, tau, eta]"),
        none.getMessage());
  }
}
