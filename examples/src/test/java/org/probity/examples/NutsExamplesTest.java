package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.mcmc.McmcResult;

/**
 * The NUTS examples with {@code Mcmc.run(model, seed)}'s defaults (4 chains, 1000 warm-up + 1000
 * draws, no tuning): every quantity of the summary reaches R-hat below 1.01 and bulk ESS above 400,
 * no divergences, and the posterior means agree with the known answers within 5 Monte Carlo
 * standard errors (sds too where known): the conjugate regression, eight schools against a
 * quadrature of its marginal posterior, and the GP regression against the exact posterior mean of f
 * (quadrature over the hyperparameters of EJML's K (K + sigma^2 I)^-1 y, and their posterior means).
 */
class NutsExamplesTest {
  static final double Z = 5;

  static void converged(McmcResult<?> r) {
    converged(r, 0);
  }

  static void converged(McmcResult<?> r, long maxDivergences) {
    List<String> bad = new ArrayList<>();
    for (Summary s : r.summary().rows()) {
      if (!(s.rhat() < 1.01) || !(s.essBulk() > 400)) {
        bad.add(String.format(Locale.ROOT, "%s: rhat %.4f, bulk ESS %.0f", s.name(), s.rhat(), s.essBulk()));
      }
    }
    assertTrue(bad.isEmpty(), String.join("\n", bad) + "\n" + r);
    assertTrue(r.divergences() <= maxDivergences, r.divergences() + " divergences: " + r.samplerWarnings());
  }

  static void near(List<String> failures, McmcResult<?> r, String name, double mean, double sd) {
    Summary s = r.summary().row(name).orElseThrow();
    if (!(Math.abs(s.mean() - mean) <= Z * s.mcseMean())) {
      failures.add(String.format(Locale.ROOT, "%s: mean %.5f, exact %.5f, MCSE %.5f", name, s.mean(), mean,
          s.mcseMean()));
    }
    if (!Double.isNaN(sd) && !(Math.abs(s.sd() - sd) <= Z * s.mcseSd())) {
      failures.add(String.format(Locale.ROOT, "%s: sd %.5f, exact %.5f, MCSE %.5f", name, s.sd(), sd, s.mcseSd()));
    }
  }

  @Test
  void regressionWithUncentredPredictors() {
    RegressionNuts.Data data = RegressionNuts.synthetic(100, 1);
    McmcResult<Real> r = RegressionNuts.run(data, 1);
    converged(r);
    RegressionNuts.Exact e = RegressionNuts.exact(data);
    List<String> failures = new ArrayList<>();
    String[] names = {"alpha", "beta.1", "beta.2", "beta.3"};
    for (int j = 0; j < 4; j++) {
      near(failures, r, names[j], e.mean()[j], e.sd()[j]);
    }
    near(failures, r, "sigma2", e.sigma2Mean(), e.sigma2Sd());
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    // The predictors are uncentred: the intercept is strongly correlated with the slopes.
    assertTrue(Math.abs(correlation(r.column("alpha"), r.column("beta.2"))) > 0.8);
  }

  static double correlation(double[][] a, double[][] b) {
    double ma = 0;
    double mb = 0;
    int n = 0;
    for (int c = 0; c < a.length; c++) {
      for (int i = 0; i < a[c].length; i++) {
        ma += a[c][i];
        mb += b[c][i];
        n++;
      }
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int c = 0; c < a.length; c++) {
      for (int i = 0; i < a[c].length; i++) {
        sab += (a[c][i] - ma) * (b[c][i] - mb);
        saa += (a[c][i] - ma) * (a[c][i] - ma);
        sbb += (b[c][i] - mb) * (b[c][i] - mb);
      }
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /**
   * E[mu], E[tau] and E[theta_1] of eight schools by quadrature: given tau, mu has a normal
   * posterior (y_j ~ N(mu, sigma_j^2 + tau^2), mu ~ N(0, 5^2)) and theta_j is linear in mu; with
   * tau = 5 tan(u), u is uniform under the HalfCauchy(5) prior, so the remaining integral over u in
   * (0, pi/2) has the marginal likelihood as its weight (midpoint rule, 200000 points).
   */
  static double[] eightSchoolsExact() {
    int m = 200_000;
    double wSum = 0;
    double eMu = 0;
    double eTau = 0;
    double eTheta1 = 0;
    double maxLog = Double.NEGATIVE_INFINITY;
    double[] logW = new double[m];
    double[] mus = new double[m];
    double[] taus = new double[m];
    for (int k = 0; k < m; k++) {
      double tau = 5 * Math.tan((k + 0.5) / m * Math.PI / 2);
      double prec = 1.0 / 25;
      double s = 0;
      double ll = 0;
      for (int j = 0; j < 8; j++) {
        double v = EightSchools.SIGMA[j] * EightSchools.SIGMA[j] + tau * tau;
        prec += 1 / v;
        s += EightSchools.Y[j] / v;
        ll += -0.5 * Math.log(v) - 0.5 * EightSchools.Y[j] * EightSchools.Y[j] / v;
      }
      double mean = s / prec;
      logW[k] = ll - 0.5 * Math.log(25 * prec) + 0.5 * prec * mean * mean;
      mus[k] = mean;
      taus[k] = tau;
      maxLog = Math.max(maxLog, logW[k]);
    }
    for (int k = 0; k < m; k++) {
      double w = Math.exp(logW[k] - maxLog);
      wSum += w;
      eMu += w * mus[k];
      eTau += w * taus[k];
      double t2 = taus[k] * taus[k];
      double s2 = EightSchools.SIGMA[0] * EightSchools.SIGMA[0];
      eTheta1 += w * (EightSchools.Y[0] / s2 + mus[k] / t2) / (1 / s2 + 1 / t2);
    }
    return new double[] {eMu / wSum, eTau / wSum, eTheta1 / wSum};
  }

  @Test
  void eightSchoolsNonCentred() {
    McmcResult<EightSchools.Effects> r = EightSchools.run(1);
    // The non-centred model has rare divergences at Stan's default delta: seeds 1-8 gave 0, 1, 0, 0, 0, 0,
    // 0, 0 of 4000 transitions at 6d23112 and 1, 0, 0, 2, 1, 0, 0, 0 after the fused normal-density node
    // changed the last bits of the gradient; the centred model diverges in percents (DivergenceTest's funnel).
    converged(r, 4);
    double[] exact = eightSchoolsExact();
    // The bench's 2-D quadrature (EightSchoolsTest) gives E[tau] = 3.598.
    assertEquals(3.598, exact[1], 0.002);
    List<String> failures = new ArrayList<>();
    near(failures, r, "mu", exact[0], Double.NaN);
    near(failures, r, "tau", exact[1], Double.NaN);
    near(failures, r, "theta.1", exact[2], Double.NaN);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void latentGaussianProcess() {
    GpRegression.Data data = GpRegression.synthetic(20, 1);
    McmcResult<GpRegression.Latent> r = GpRegression.run(data, 1);
    converged(r);
    GpRegression.Exact exact = GpRegression.exact(data, 30);
    assertTrue(exact.edgeMass() < 1e-4, "the quadrature grid misses posterior mass: " + exact.edgeMass());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < exact.f().length; i++) {
      near(failures, r, "f." + (i + 1), exact.f()[i], Double.NaN);
    }
    near(failures, r, "rho", exact.rho(), Double.NaN);
    near(failures, r, "alpha", exact.alpha(), Double.NaN);
    near(failures, r, "sigma", exact.sigma(), Double.NaN);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
