package org.probity.examples;

import static org.probity.Probity.*;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Normal;
import org.probity.inference.smc.Proposal;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;
import org.probity.inference.smc.SmcResult;
import org.probity.random.Rngs;

/** Linear-Gaussian state-space model: bootstrap and locally optimal-proposal SMC against the Kalman filter. */
@Example(name = "kalman", description = "Linear-Gaussian state-space model: bootstrap and optimal-proposal SMC against the Kalman filter")
public final class StateSpaceKalman {
  static final double A = 0.9;
  static final double Q = 0.5;
  static final double R = 1.0;

  private StateSpaceKalman() {
  }

  /** Observations simulated from the model. */
  public static double[] simulate(int t, long seed) {
    UniformRandomProvider rng = Rngs.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[t];
    double x = g.sample();
    for (int i = 0; i < t; i++) {
      if (i > 0) {
        x = A * x + Math.sqrt(Q) * g.sample();
      }
      y[i] = x + Math.sqrt(R) * g.sample();
    }
    return y;
  }

  /** x[0] ~ N(0, 1), x[t] ~ N(A x[t-1], Q), y[t] ~ N(x[t], R); returns x[T-1]. */
  public static Prob<Double> model(double[] y) {
    return stateSpace(normal(0, 1), (Real x) -> normal(A * x.value(), Math.sqrt(Q)), (Real x) -> normal(x.value(), Math.sqrt(R)))
        .named("x").observe(reals(y)).map(Real::value);
  }

  /** The locally optimal proposal: the prior N(m, v) of x[t] conditioned on y[t]. */
  public static Proposal optimalProposal(double[] y) {
    return (step, address, prior) -> {
      if (address == null || !(prior instanceof Normal n)) {
        return prior;
      }
      int t = (Integer) address.parts().get(1);
      double v = n.variance();
      double pv = 1 / (1 / v + 1 / R);
      return Normal.of(pv * (n.mu().value() / v + y[t] / R), Math.sqrt(pv));
    };
  }

  /** Kalman filter: {mean, variance, log evidence} at the last step. */
  public static double[] kalman(double[] y) {
    double m = 0;
    double p = 1;
    double lz = 0;
    for (int i = 0; i < y.length; i++) {
      if (i > 0) {
        m = A * m;
        p = A * A * p + Q;
      }
      double s = p + R;
      lz += -0.5 * Math.log(2 * Math.PI * s) - 0.5 * (y[i] - m) * (y[i] - m) / s;
      double k = p / s;
      m += k * (y[i] - m);
      p *= 1 - k;
    }
    return new double[] {m, p, lz};
  }

  /** Runs both filters on 100 simulated observations and prints them next to the Kalman filter. */
  public static void main(String[] args) {
    Args a = Args.of("kalman", args, "particles: SMC particles (default 2000)",
        "steps: simulated observations (default 100)");
    if (a.help()) {
      return;
    }
    int particles = a.positiveInt(0, 2_000);
    int steps = a.positiveInt(1, 100);
    double[] y = simulate(steps, 7);
    double[] kf = kalman(y);
    SmcResult<Double> boot = Smc.run(model(y), particles, 1);
    SmcResult<Double> opt = Smc.run(Smc.withProposal(model(y), particles, Resampler.SYSTEMATIC, optimalProposal(y)), 1);
    System.out.printf("%-18s %12s %12s %12s%n", "", "log evidence", "mean x[T]", "var x[T]");
    System.out.printf("%-18s %12.4f %12.4f %12.4f%n", "Kalman (exact)", kf[2], kf[0], kf[1]);
    System.out.printf("%-18s %12.4f %12.4f %12.4f%n", "bootstrap SMC", boot.logEvidence(), boot.expectation(x -> x), boot.variance(x -> x));
    System.out.printf("%-18s %12.4f %12.4f %12.4f%n", "optimal proposal", opt.logEvidence(), opt.expectation(x -> x), opt.variance(x -> x));
    System.out.println(boot.summary("x[T] boot", x -> x));
    System.out.println(opt.summary("x[T] optimal", x -> x));
  }
}
