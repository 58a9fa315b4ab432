package org.probity.spark;

import java.util.List;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Mcmc;
import org.probity.inference.mcmc.McmcResult;
import org.probity.run.Runner;

/**
 * MCMC chains as independent tasks: chain c is a one-chain {@code Mcmc.run} seeded so that it is
 * chain c of {@code Mcmc.run(model, kernel, settings.config())} bit for bit ({@link Seeds#offset});
 * the chains' draws are joined on the driver into one {@link Draws} (R-hat, ESS and the summary
 * across chains). Hundreds of chains of a hard posterior spread over a cluster this way.
 */
public final class Chains {
  private Chains() {
  }

  /** The chains of the model's default kernel ({@code Mcmc.defaultKernel}: NUTS or single-site MH). */
  public static <A> Draws run(Runner runner, ModelFactory<A> model, ChainSettings settings) {
    return run(runner, model, null, settings);
  }

  /**
   * The chains of the given kernel.
   *
   * @param runner where the chains run
   * @param model the model's factory
   * @param kernel the kernel's factory, or null for the default kernel
   * @param settings the chains, iterations and seed
   * @return every chain's draws and sampler statistics
   * @throws org.probity.run.RunTaskException naming the chain when one fails
   */
  public static <A> Draws run(Runner runner, ModelFactory<A> model, KernelFactory<A> kernel, ChainSettings settings) {
    List<ChainDraws> chains = runner.run("chain", settings.seed(), settings.chains(), (seed, c) -> {
      Prob<A> m = model.build();
      Kernel<A> k = kernel == null ? Mcmc.defaultKernel(m) : kernel.build();
      McmcResult<A> r = Mcmc.run(m, k, settings.chain(c));
      Draws d = r.draws();
      return new ChainDraws(d.parameterNames(), d.values()[0], d.samplerStatNames(), d.samplerStats()[0]);
    });
    double[][][] values = new double[chains.size()][][];
    double[][][] stats = new double[chains.size()][][];
    for (int c = 0; c < chains.size(); c++) {
      if (!chains.get(c).names().equals(chains.get(0).names())) {
        throw new IllegalStateException("chain " + c + " has quantities " + chains.get(c).names() + " but chain 0 has "
            + chains.get(0).names() + ": the model's structure must not change between chains");
      }
      values[c] = chains.get(c).values();
      stats[c] = chains.get(c).stats();
    }
    return new Draws(chains.get(0).names(), values, chains.get(0).statNames(), stats);
  }
}
