package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probity.bench.data.EightSchoolsData;
import org.probity.bench.handcoded.EightSchoolsRandomWalkMh;
import org.probity.bench.handcoded.RandomWalkMetropolis;
import org.probity.bench.probity.EightSchoolsModel;
import org.probity.bench.workloads.EightSchoolsWorkload;
import org.probity.random.Rngs;

/**
 * Eight schools against an exact reference: theta integrates out analytically
 * (y[j] | mu, tau ~ Normal(mu, sigma[j]^2 + tau^2)), so the posterior means of mu and tau are a
 * 2-D integral, computed on a fine grid over (mu, log tau) (quadrature error far below the MCSE).
 */
class EightSchoolsTest {
  private static final EightSchoolsData DATA = EightSchoolsData.classic();

  /** {E[mu], E[tau]} by quadrature. */
  static double[] reference() {
    int nm = 800;
    int nt = 800;
    double mlo = -40;
    double mhi = 50;
    double tlo = -12;
    double thi = 7;
    double[][] lp = new double[nm][nt];
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < nm; a++) {
      double mu = mlo + (a + 0.5) * (mhi - mlo) / nm;
      for (int b = 0; b < nt; b++) {
        double lt = tlo + (b + 0.5) * (thi - tlo) / nt;
        double tau = Math.exp(lt);
        double u = tau / 5;
        double v = -0.5 * (mu / 5) * (mu / 5) - Math.log1p(u * u) + lt;
        for (int j = 0; j < DATA.j(); j++) {
          double s2 = DATA.sigma()[j] * DATA.sigma()[j] + tau * tau;
          double r = DATA.y()[j] - mu;
          v += -0.5 * r * r / s2 - 0.5 * Math.log(s2);
        }
        lp[a][b] = v;
        max = Math.max(max, v);
      }
    }
    double z = 0;
    double em = 0;
    double et = 0;
    for (int a = 0; a < nm; a++) {
      double mu = mlo + (a + 0.5) * (mhi - mlo) / nm;
      for (int b = 0; b < nt; b++) {
        double tau = Math.exp(tlo + (b + 0.5) * (thi - tlo) / nt);
        double w = Math.exp(lp[a][b] - max);
        z += w;
        em += w * mu;
        et += w * tau;
      }
    }
    return new double[] {em / z, et / z};
  }

  @Test
  void handCodedChainsMatchTheQuadratureReference() {
    double[] ref = reference();
    double[][][] chains = new double[4][][];
    for (int c = 0; c < chains.length; c++) {
      RandomWalkMetropolis.Result r = EightSchoolsRandomWalkMh.run(DATA, EightSchoolsRandomWalkMh.defaultInit(DATA),
          100_000, EightSchoolsWorkload.SCALE, Rngs.of(c));
      chains[c] = r.draws();
      assertTrue(r.acceptanceRate() > 0.1 && r.acceptanceRate() < 0.6, "acceptance " + r.acceptanceRate());
    }
    McmcChecks.agrees("mu", chains, 0, 5_000, ref[0], 0);
    McmcChecks.agrees("tau", chains, 1, 5_000, ref[1], 0);
  }

  @Test
  void probityChainsMatchTheQuadratureReference() {
    double[] ref = reference();
    EightSchoolsModel model = new EightSchoolsModel(DATA);
    double[][][] chains = new double[4][][];
    for (int c = 0; c < chains.length; c++) {
      chains[c] = EightSchoolsWorkload.draws(EightSchoolsWorkload.run(model, c), DATA.j());
    }
    McmcChecks.agrees("mu", chains, 0, 2_000, ref[0], 0);
    McmcChecks.agrees("tau", chains, 1, 2_000, ref[1], 0);
  }
}
