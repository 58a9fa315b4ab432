package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.handcoded.LatentSweepMh;
import org.probity.bench.handcoded.RandomWalkMetropolis;
import org.probity.bench.probity.LatentSweepModel;
import org.probity.inference.mcmc.Chain;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.random.Rngs;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * {@code sweep-mh}: N = 10^3 and 10^4 independent latent Gaussians z[i] with one observation each,
 * sampled by single-site MH with prior proposals, {@value #SWEEPS} sweeps of N updates (each
 * update picks its site uniformly); a row per sweep records (mean z, z[0], z[N/2], the shrinkage
 * sum z[i] y[i] / sum y[i]^2, whose posterior mean is 1/2) and the first
 * {@value #BURN_IN} sweeps are discarded. Probity: {@code Kernels.incrementalMh(Selection.all())}
 * driven by {@code Chain}, which re-runs only the updated site's part of the product.
 */
public final class SweepMhWorkload implements Workload {
  /** Sweeps per chain. */
  public static final int SWEEPS = 30;
  /** Sweeps discarded at the start. */
  public static final int BURN_IN = 10;

  @Override
  public String name() {
    return "sweep-mh";
  }

  @Override
  public String algorithm() {
    return "single-site-mh";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return quick ? List.of("N1000") : List.of("N1000", "N10000");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int n = Sizes.get(size, 'N');
    UniformRandomProvider data = Rngs.of(Sizes.DATA_SEED);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1.5 * Math.sin(i) + org.probity.dist.Normal.of(0, 1).sampleDouble(data);
    }
    String[] names = {"z_mean", "z_0", "z_mid", "shrinkage"};
    double yy = 0;
    for (double v : y) {
      yy += v * v;
    }
    double sumYy = yy;
    LatentSweepModel model = new LatentSweepModel(y);
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        UniformRandomProvider rng = Rngs.of(seed);
        Trace<List<Real>> start = Traces.sample(model.program(), rng);
        Kernel<List<Real>> k = Kernels.<List<Real>>incrementalMh(Selection.all()).forChain();
        Chain<List<Real>> chain = Chain.of(k, start);
        double[][] draws = new double[SWEEPS][];
        long moved = 0;
        for (int s = 0; s < SWEEPS; s++) {
          for (int u = 0; u < n; u++) {
            moved += chain.step(rng) ? 1 : 0;
          }
          List<Real> z = chain.output();
          double m = 0;
          double zy = 0;
          for (int i = 0; i < n; i++) {
            m += z.get(i).value();
            zy += z.get(i).value() * y[i];
          }
          draws[s] = new double[] {m / n, z.get(0).value(), z.get(n / 2).value(), zy / sumYy};
        }
        return RunResult.mcmc(draws, names, BURN_IN, moved / ((double) SWEEPS * n));
      }

      @Override
      public RunResult handcoded(long seed) {
        RandomWalkMetropolis.Result r = LatentSweepMh.run(y, SWEEPS, Rngs.of(seed));
        for (double[] d : r.draws()) {
          d[3] /= sumYy;
        }
        return RunResult.mcmc(r.draws(), names, BURN_IN, r.acceptanceRate());
      }
    };
  }
}
