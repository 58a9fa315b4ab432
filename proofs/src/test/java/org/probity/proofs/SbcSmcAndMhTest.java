package org.probity.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Acceptance;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.SimulationBasedCalibration;
import org.probity.trace.Selection;
import org.probity.trace.Traces;

/**
 * Simulation-based calibration (Talts et al. 2018) of SMC (bootstrap filter with systematic
 * resampling, {@value #PARTICLES} particles) and of single-site MH ({@code Mcmc.run} with
 * {@code Kernels.mh()}, one chain, {@value #WARMUP} warm-up steps, thinning {@value #THIN}) on the
 * Normal-Normal model of {@link SbcImportanceSamplingTest} (mu ~ N(0, 1), four observations
 * y_j ~ N(mu, 1)), with the same test quantities (mu and log p(y | mu)), {@value #DRAWS} draws,
 * 10 rank bins and family-wise false-alarm rate {@value #ALPHA} (chi-square with 9 degrees of
 * freedom per quantity at ALPHA / 2), at a fixed seed. Planted bugs must be rejected: SMC with the
 * data counted twice, MH that accepts every proposal (its chain is the prior). MH without the
 * proposal correction (target prior^2 x likelihood, posterior precision 6 instead of 5) is too
 * close to the truth for this budget (p = 0.006 at 1000 simulations); the exact invariance check
 * of {@link McmcKernelsInvarianceTest} finds it on a 3-node program.
 */
class SbcSmcAndMhTest {
  static final long SEED = 2018L;
  static final int SIMULATIONS = Tries.full() ? 4000 : 1000;
  static final int DRAWS = 9;
  static final int PARTICLES = 300;
  static final int WARMUP = 50;
  static final int THIN = 10;
  static final double ALPHA = 1e-3;

  /** The model with mu named, so that MH draws have the column "mu". */
  static Prob<Real> model(double[] y, int copies) {
    double[] data = new double[y.length * copies];
    for (int c = 0; c < copies; c++) {
      System.arraycopy(y, 0, data, c * y.length, y.length);
    }
    return Probity.sample("mu", Probity.normal(0, 1), mu -> SbcImportanceSamplingTest.observeFrom(mu, data, 0, 1.0));
  }

  static SimulationBasedCalibration.Result sbc(SimulationBasedCalibration.Posterior<double[]> inference) {
    return SimulationBasedCalibration.run(SbcImportanceSamplingTest.NORMAL_NORMAL, inference,
        SbcImportanceSamplingTest.QUANTITIES, SIMULATIONS, DRAWS, SEED);
  }

  static SimulationBasedCalibration.Posterior<double[]> smc(int copies) {
    return (y, count, seed) -> {
      SmcResult<Real> r = Smc.run(Smc.smc(model(y, copies), PARTICLES, Resampler.SYSTEMATIC), seed);
      List<Real> draws = r.resample(count, seed ^ 0xD1CEL);
      return draws.stream().mapToDouble(Real::value).toArray();
    };
  }

  static SimulationBasedCalibration.Posterior<double[]> mh(Kernel<Real> kernel) {
    return (y, count, seed) -> {
      McmcConfig config = McmcConfig.defaults().chains(1).threads(1).warmup(WARMUP).samples(count).thin(THIN).seed(seed)
          .progress(false);
      return Mcmc.run(model(y, 1), kernel, config).column("mu")[0];
    };
  }

  @Test
  void smcIsCalibrated() {
    // at the fixed seed: p = 0.64 (mu) and 0.39 (log-likelihood)
    SimulationBasedCalibration.Result r = sbc(smc(1));
    assertTrue(r.uniform(ALPHA), "SBC rejects SMC: " + r);
  }

  @Test
  void detectsSmcThatCountsTheDataTwice() {
    SimulationBasedCalibration.Result r = sbc(smc(2));
    assertFalse(r.uniform(ALPHA), "SBC did not detect a too-narrow SMC posterior: " + r);
  }

  @Test
  void singleSiteMhIsCalibrated() {
    // at the fixed seed: p = 0.63 (mu) and 0.74 (log-likelihood)
    SimulationBasedCalibration.Result r = sbc(mh(Kernels.mh()));
    assertTrue(r.uniform(ALPHA), "SBC rejects MH: " + r);
  }

  @Test
  void detectsMhThatAcceptsEveryProposal() {
    // the prior as "posterior": only the data-dependent test quantity (log-likelihood) sees it
    Kernel<Real> alwaysAccept = x -> Traces.regenerate(x, Selection.all()).flatMap(u -> Acceptance.accept(x, u.trace(), 0.0));
    SimulationBasedCalibration.Result r = sbc(mh(alwaysAccept));
    assertFalse(r.uniform(ALPHA), "SBC did not detect MH that accepts every proposal: " + r);
  }
}
