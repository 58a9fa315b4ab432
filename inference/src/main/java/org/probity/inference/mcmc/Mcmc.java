package org.probity.inference.mcmc;

import org.probity.trace.Traces;

import org.probity.trace.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.ZeroWeightException;
import org.probity.random.Rngs;
import org.probity.semantics.Sampler;

/**
 * Runs several MCMC chains of a kernel on a model, in parallel: chain c draws its starting trace
 * from the prior (retrying, a bounded number of times, until the density is positive) and then
 * applies the kernel with the generator split from (seed, c) ({@link Rngs#split}), so results are
 * identical whatever the number of threads. Warm-up iterations are discarded (adaptive kernels adapt
 * during them and are then frozen); every {@code thin}-th iteration after them is kept. The result
 * holds the draws per address with {@code lp__} (log joint) and {@code accept_stat__} (fraction of
 * kernel steps that moved since the previous kept draw), as diagnostics {@code Draws}.
 */
public final class Mcmc {
  private Mcmc() {
  }

  /** Runs the chains with the given settings. */
  public static <A> McmcResult<A> run(Prob<A> model, Kernel<A> kernel, McmcConfig config) {
    int n = config.chains();
    int threads = config.threads() > 0 ? config.threads() : Math.min(n, Runtime.getRuntime().availableProcessors());
    List<ChainOutput<A>> outs = new ArrayList<>();
    if (threads == 1) {
      for (int c = 0; c < n; c++) {
        outs.add(chain(model, kernel, config, c));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "probity-mcmc");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<ChainOutput<A>>> fs = new ArrayList<>();
        for (int c = 0; c < n; c++) {
          int chain = c;
          fs.add(pool.submit(() -> chain(model, kernel, config, chain)));
        }
        for (Future<ChainOutput<A>> f : fs) {
          outs.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProbityException("MCMC interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new ProbityException("MCMC chain failed: " + e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return McmcResult.of(outs, config);
  }

  /** Runs with the default settings (4 chains, 1000 warm-up, 1000 draws) and the given seed. */
  public static <A> McmcResult<A> run(Prob<A> model, Kernel<A> kernel, long seed) {
    return run(model, kernel, McmcConfig.defaults().seed(seed));
  }

  /**
   * A starting trace of positive density: prior draws, at most {@code attempts} of them; when all
   * have zero density, a {@link ZeroWeightException} naming the site where the last one became zero.
   */
  public static <A> Trace<A> initialise(Prob<A> model, UniformRandomProvider rng, int attempts) {
    Trace<A> t = null;
    for (int i = 0; i < attempts; i++) {
      t = Traces.sample(model, rng);
      if (t.logJoint() > Double.NEGATIVE_INFINITY) {
        return t;
      }
    }
    throw new ZeroWeightException("MCMC found no starting point of positive density in " + attempts
        + " draws from the prior; the last one had zero density at " + t.zeroSite());
  }

  /** One chain's kept draws (flattened) and statistics. */
  record ChainOutput<A>(List<Map<String, Double>> draws, double[] lp, double[] accept, Trace<A> last, long moves,
      long steps) {
  }

  private static <A> ChainOutput<A> chain(Prob<A> model, Kernel<A> kernel0, McmcConfig cfg, int c) {
    UniformRandomProvider rng = Rngs.split(cfg.seed(), c);
    Kernel<A> kernel = kernel0.forChain();
    Trace<A> t = initialise(model, rng, cfg.maxInitAttempts());
    long total = cfg.warmup() + (long) cfg.samples() * cfg.thin();
    long every = Math.max(1, total / 10);
    long it = 0;
    for (int i = 0; i < cfg.warmup(); i++, it++) {
      t = Sampler.run(kernel.apply(t), rng).value();
      progress(cfg, c, it, total, every);
    }
    kernel.endWarmup();
    List<Map<String, Double>> draws = new ArrayList<>(cfg.samples());
    double[] lp = new double[cfg.samples()];
    double[] acc = new double[cfg.samples()];
    long moves = 0;
    for (int d = 0; d < cfg.samples(); d++) {
      int moved = 0;
      for (int k = 0; k < cfg.thin(); k++, it++) {
        Trace<A> next = Sampler.run(kernel.apply(t), rng).value();
        if (next != t) {
          moved++;
        }
        t = next;
        progress(cfg, c, it, total, every);
      }
      moves += moved;
      Map<String, Double> row = new LinkedHashMap<>();
      Columns.flatten(t, row);
      draws.add(row);
      lp[d] = t.logJoint();
      acc[d] = moved / (double) cfg.thin();
    }
    return new ChainOutput<>(draws, lp, acc, t, moves, (long) cfg.samples() * cfg.thin());
  }

  private static void progress(McmcConfig cfg, int c, long it, long total, long every) {
    if (cfg.progress() && ((it + 1) % every == 0 || it + 1 == total)) {
      System.err.printf("chain %d: iteration %d / %d (%s)%n", c + 1, it + 1, total,
          it < cfg.warmup() ? "warm-up" : "sampling");
    }
  }
}
