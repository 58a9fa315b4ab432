package org.probity.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.mcmc.McmcConfig;
import org.probity.inference.mcmc.McmcResult;
import org.probity.inference.plots.Plot;
import org.probity.inference.plots.Plots;
import org.probity.inference.smc.SmcResult;

/**
 * The diagnostic plots of a run, as PNG and SVG files: the trace, rank, density and
 * autocorrelation plots of eight schools' mu and tau (NUTS), their pair plot, and the ESS and log
 * evidence per step of the stochastic-volatility particle filter. Arguments: [directory (default
 * plots)] [seed (default 1)].
 */
@Example(name = "plots", description = "Trace, rank, density, pair, autocorrelation and SMC ESS plots of a run, written as PNG and SVG")
public final class PlotsExample {
  private PlotsExample() {
  }

  /**
   * Runs eight schools (NUTS, 4 chains of 1000 draws) and the stochastic-volatility filter and
   * writes their plots.
   *
   * @param directory where to write
   * @param seed the seed
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(Path directory, long seed) throws IOException {
    McmcResult<EightSchools.Effects> r = EightSchools.run(false, seed);
    Draws d = r.draws();
    Map<String, Plot> plots = new java.util.LinkedHashMap<>();
    for (String name : List.of("mu", "tau")) {
      plots.put("trace-" + name, Plots.trace(d, name));
      plots.put("rank-" + name, Plots.rank(d, name, 20));
      plots.put("density-" + name, Plots.density(d, name));
      plots.put("autocorrelation-" + name, Plots.autocorrelation(d, name, 40));
    }
    plots.put("pair-mu-tau", Plots.pair(d, "mu", "tau"));
    double[] y = StochasticVolatility.synthetic(100, 7);
    SmcResult<?> smc = StochasticVolatility.filter(y, 1000, seed);
    plots.put("smc-ess", Plots.series("SMC effective sample size", "ESS", smc.essHistory()));
    plots.put("smc-log-evidence", Plots.series("SMC log evidence", "log evidence", smc.logEvidenceHistory()));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, Plot> e : plots.entrySet()) {
      files.add(e.getValue().save(directory.resolve(e.getKey() + ".png")));
      files.add(e.getValue().save(directory.resolve(e.getKey() + ".svg")));
    }
    return files;
  }

  /**
   * Writes the plots and lists the files.
   *
   * @param args [directory] [seed]
   */
  public static void main(String[] args) {
    Args cli = Args.of("plots", args, "directory: where to write the files (default plots)",
        "seed: random seed (default 1)");
    if (cli.help()) {
      return;
    }
    Path dir = Path.of(args.length > 0 ? args[0] : "plots");
    try {
      List<Path> files = write(dir, cli.longValue(1, 1));
      System.out.println("wrote " + files.size() + " files to " + dir.toAbsolutePath() + ":");
      files.forEach(f -> System.out.println("  " + f.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
