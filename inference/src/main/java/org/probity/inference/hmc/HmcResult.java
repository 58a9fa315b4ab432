package org.probity.inference.hmc;

import java.util.ArrayList;
import java.util.List;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.diagnostics.StanCsv;

/**
 * The output of an HMC run: per chain the kept draws (one {@code double[]} per draw), their
 * sampler parameters, and the adapted step size and metric; conversion to diagnostics
 * {@link Draws} with Stan's column names (so that {@code StanCsv} and {@code ArvizJson} export the
 * sampler parameters, as ArviZ's {@code sample_stats}), cmdstan's warnings, and what
 * {@link Hmc#resume} needs to continue the run. Immutable.
 */
public final class HmcResult {
  private final HmcConfig config;
  private final List<HmcChain> chains;
  private final int segment;

  HmcResult(HmcConfig config, List<HmcChain> chains, int segment) {
    this.config = config;
    this.chains = List.copyOf(chains);
    this.segment = segment;
  }

  /** The settings of the run. */
  public HmcConfig config() {
    return config;
  }

  /** 0 for a run started by {@link Hmc#sample}, k for its k-th continuation. */
  public int segment() {
    return segment;
  }

  /** The chains. */
  public List<HmcChain> chains() {
    return chains;
  }

  /** Chain {@code c}. */
  public HmcChain chain(int c) {
    return chains.get(c);
  }

  /** The number of chains. */
  public int numChains() {
    return chains.size();
  }

  /** The number of kept draws per chain. */
  public int numDraws() {
    return chains.get(0).numDraws();
  }

  /** The dimension of the draws. */
  public int dimension() {
    return chains.get(0).metric().dimension();
  }

  /** A copy of all kept draws, {@code [chain][iteration][coordinate]}. */
  public double[][][] draws() {
    double[][][] out = new double[chains.size()][][];
    for (int c = 0; c < out.length; c++) {
      out[c] = chains.get(c).draws();
    }
    return out;
  }

  /** The kept draws of coordinate {@code i}, {@code [chain][iteration]} (what ESS and R-hat take). */
  public double[][] coordinate(int i) {
    double[][] out = new double[chains.size()][];
    for (int c = 0; c < out.length; c++) {
      HmcChain chain = chains.get(c);
      out[c] = new double[chain.numDraws()];
      for (int t = 0; t < out[c].length; t++) {
        out[c][t] = chain.value(t, i);
      }
    }
    return out;
  }

  /** The kept transitions of each chain. */
  public List<List<Transition>> transitions() {
    List<List<Transition>> out = new ArrayList<>();
    for (HmcChain c : chains) {
      out.add(c.transitions());
    }
    return out;
  }

  /** The number of divergent kept transitions, all chains. */
  public long divergences() {
    return chains.stream().flatMap(c -> c.transitions().stream()).filter(Transition::divergent).count();
  }

  /** E-BFMI of each chain's kept draws (cmdstan's definition). */
  public double[] eBfmi() {
    double[] out = new double[chains.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = SamplerDiagnostics.eBfmi(SamplerDiagnostics.energies(chains.get(c).transitions()));
    }
    return out;
  }

  /** cmdstan's warning lines (divergences, tree-depth saturation, low E-BFMI); empty when all is well. */
  public List<String> warnings() {
    return SamplerDiagnostics.warnings(transitions(), config.engine(), config.maxDepth());
  }

  /** The draws as diagnostics {@link Draws} with quantities {@code theta.1}, ..., {@code theta.n}. */
  public Draws toDraws() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= dimension(); i++) {
      names.add("theta." + i);
    }
    return toDraws(names);
  }

  /**
   * The draws as diagnostics {@link Draws}, with cmdstan's sampler columns: {@code lp__,
   * accept_stat__, stepsize__, treedepth__, n_leapfrog__, divergent__, energy__} for NUTS,
   * {@code lp__, accept_stat__, stepsize__, int_time__, energy__} for static HMC.
   *
   * @param names one quantity name per coordinate (Stan CSV style, e.g. {@code mu}, {@code theta.1})
   */
  public Draws toDraws(List<String> names) {
    if (names.size() != dimension()) {
      throw new IllegalArgumentException(names.size() + " names for " + dimension() + " coordinates");
    }
    boolean nuts = config.engine() == HmcEngine.NUTS;
    List<String> stats = nuts
        ? StanCsv.NUTS_STATS
        : List.of("lp__", "accept_stat__", "stepsize__", "int_time__", "energy__");
    double[][][] values = draws();
    double[][][] s = new double[chains.size()][][];
    for (int c = 0; c < s.length; c++) {
      List<Transition> ts = chains.get(c).transitions();
      s[c] = new double[ts.size()][];
      for (int t = 0; t < ts.size(); t++) {
        Transition x = ts.get(t);
        s[c][t] = nuts
            ? new double[] {x.logDensity(), x.acceptStat(), x.stepSize(), x.treeDepth(),
                x.nLeapfrog(), x.divergent() ? 1 : 0, x.energy()}
            : new double[] {x.logDensity(), x.acceptStat(), x.stepSize(), config.integrationTime(),
                x.energy()};
      }
    }
    return new Draws(names, values, stats, s);
  }
}
