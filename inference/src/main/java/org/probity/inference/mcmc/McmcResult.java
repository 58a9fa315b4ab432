package org.probity.inference.mcmc;

import org.probity.trace.Trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.diagnostics.StanCsv;
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.diagnostics.SummaryTable;

/**
 * The output of {@link Mcmc#run}: the draws of every column (one per scalar address, arrays
 * flattened to {@code name.1..name.K}; NaN where a draw's run did not reach the address) with
 * sampler statistics {@code lp__} and {@code accept_stat__}, the last trace of each chain and the
 * acceptance rate of each chain after warm-up.
 */
public final class McmcResult<A> {
  /** The sampler statistics recorded with every draw. */
  public static final List<String> STATS = List.of("lp__", "accept_stat__");

  private final Draws draws;
  private final List<Trace<A>> last;
  private final double[] acceptance;
  private final McmcConfig config;

  private McmcResult(Draws draws, List<Trace<A>> last, double[] acceptance, McmcConfig config) {
    this.draws = draws;
    this.last = List.copyOf(last);
    this.acceptance = acceptance;
    this.config = config;
  }

  static <A> McmcResult<A> of(List<Mcmc.ChainOutput<A>> outs, McmcConfig config) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Mcmc.ChainOutput<A> o : outs) {
      for (Map<String, Double> row : o.draws()) {
        names.addAll(row.keySet());
      }
    }
    List<String> cols = new ArrayList<>(names);
    int chains = outs.size();
    int iters = config.samples();
    double[][][] values = new double[chains][iters][cols.size()];
    double[][][] stats = new double[chains][iters][2];
    List<Trace<A>> last = new ArrayList<>();
    double[] acc = new double[chains];
    for (int c = 0; c < chains; c++) {
      Mcmc.ChainOutput<A> o = outs.get(c);
      for (int i = 0; i < iters; i++) {
        Map<String, Double> row = o.draws().get(i);
        for (int j = 0; j < cols.size(); j++) {
          Double v = row.get(cols.get(j));
          values[c][i][j] = v == null ? Double.NaN : v;
        }
        stats[c][i][0] = o.lp()[i];
        stats[c][i][1] = o.accept()[i];
      }
      last.add(o.last());
      acc[c] = o.moves() / (double) o.steps();
    }
    return new McmcResult<>(new Draws(cols, values, STATS, stats), last, acc, config);
  }

  /** The draws, with {@code lp__} and {@code accept_stat__} as sampler statistics. */
  public Draws draws() {
    return draws;
  }

  /** One column's draws as [chain][draw]. */
  public double[][] column(String name) {
    return draws.parameter(name);
  }

  /** The column names (Stan style, see the package documentation). */
  public List<String> names() {
    return draws.parameterNames();
  }

  /** The last trace of each chain. */
  public List<Trace<A>> lastTraces() {
    return last;
  }

  /** Per chain, the fraction of kernel steps after warm-up that moved the trace. */
  public double[] acceptanceRates() {
    return acceptance.clone();
  }

  /** The settings of the run. */
  public McmcConfig config() {
    return config;
  }

  /**
   * The summary table (mean, sd, median, 5% and 95% quantiles, R-hat, bulk and tail ESS, MCSE)
   * of {@code lp__} and of every column reached by every draw (columns with NaN, i.e. addresses
   * some runs did not reach, are left out).
   */
  public SummaryTable summary() {
    List<Summary> rows = new ArrayList<>();
    rows.add(Summary.of("lp__", draws.samplerStat("lp__")));
    for (String n : draws.parameterNames()) {
      double[][] x = draws.parameter(n);
      if (allFinite(x)) {
        rows.add(Summary.of(n, x));
      }
    }
    return new SummaryTable(rows);
  }

  private static boolean allFinite(double[][] x) {
    for (double[] r : x) {
      for (double v : r) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes one CmdStan-format CSV per chain, {@code <prefix>-<chain>.csv}, and returns the files. */
  public List<Path> writeStanCsv(Path directory, String prefix, String modelName) throws IOException {
    StanCsv.Header h = new StanCsv.Header(modelName, config.seed(), config.warmup(), config.thin(), 1.0, 10);
    return StanCsv.write(draws, h, directory, prefix);
  }
}
