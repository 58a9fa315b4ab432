package org.probity.inference.mcmc;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.probity.core.Prob;
import org.probity.inference.diagnostics.ArvizJson;
import org.probity.inference.diagnostics.Draws;
import org.probity.inference.diagnostics.Problem;
import org.probity.inference.diagnostics.StanCsv;
import org.probity.inference.diagnostics.Summary;
import org.probity.inference.diagnostics.SummaryTable;
import org.probity.inference.diagnostics.Warnings;
import org.probity.inference.hmc.HmcEngine;
import org.probity.inference.hmc.SamplerDiagnostics;
import org.probity.inference.hmc.Transition;
import org.probity.trace.Trace;
import org.probity.trace.ZeroCause;

/**
 * The output of {@link Mcmc#run}: the draws of every column (one per scalar address, arrays
 * flattened to {@code name.1..name.K}; NaN where a draw's run did not reach the address), the
 * program's return value at every draw (with its numeric parts as columns too, see below), the
 * sampler statistics of every draw, the last trace and kernel of each chain, and the acceptance
 * rate of each chain after warm-up.
 *
 * <p>Sampler statistics: {@code lp__} and {@code accept_stat__}. With a Hamiltonian kernel alone,
 * {@code lp__} is the log density the kernel samples at the draw (on the unconstrained scale,
 * log-Jacobian included, constants kept: Stan's {@code lp__} up to a constant); with any other
 * kernel, the log joint density of the draw's trace (constants included, no Jacobian). When the kernel has a Hamiltonian part
 * ({@link HmcKernel}), cmdstan's {@code stepsize__, treedepth__, n_leapfrog__, divergent__,
 * energy__} (static HMC: {@code stepsize__, int_time__, energy__}) of its last transition before
 * the draw, and {@code accept_stat__} is that transition's (Stan's definition); otherwise
 * {@code accept_stat__} is the fraction of kernel steps since the previous draw that moved.
 *
 * <p>Return values: {@link #returnValues()} keeps them as they are; a number or boolean is also
 * the column {@code value}, an array {@code value.1..}, and a record or string-keyed map one
 * column per numeric component ({@code value_}-prefixed where a choice column has the name).
 *
 * <p>{@link #toString()} prints the summary table, cmdstan's warnings (divergences, tree depth,
 * E-BFMI) and the convergence checks of {@link Warnings} (R-hat, ESS, acceptance, stuck chains).
 */
public final class McmcResult<A> {
  /** The sampler statistics recorded with every draw of a kernel without a Hamiltonian part. */
  public static final List<String> STATS = List.of("lp__", "accept_stat__");
  /** The sampler statistics of static HMC, in cmdstan's order. */
  static final List<String> STATIC_HMC_STATS = List.of("lp__", "accept_stat__", "stepsize__", "int_time__",
      "energy__");

  private final Prob<A> model;
  private final Kernel<A> kernel;
  private final List<String> names; // the draws' columns, [chain][column][draw], this result's own arrays
  private final double[][][] columns;
  private final List<String> statNames;
  private final double[][][] statColumns;
  private volatile Draws draws; // built on first use from the columns (it copies them)
  private final List<List<A>> outputs;
  private final List<Trace<A>> last;
  private final List<Kernel<A>> chainKernels;
  private final List<List<Transition>> transitions;
  private final double[] acceptance;
  private final long[] gradients;
  private final McmcConfig config;
  private final int segment;
  private final List<List<KernelStats.Counts>> partCounts; // [chain][part], null entries for parts that do not count
  private final List<List<KernelStats.Counts>> partWarmup;
  private volatile SummaryTable summary; // computed on first use: R-hat and ESS of every column cost more than small runs
  private volatile List<Problem> problems;

  private McmcResult(Prob<A> model, Kernel<A> kernel, List<String> names, double[][][] columns, List<String> statNames,
      double[][][] statColumns, List<List<A>> outputs, List<Trace<A>> last,
      List<Kernel<A>> chainKernels, List<List<Transition>> transitions, double[] acceptance, long[] gradients,
      McmcConfig config, int segment, List<List<KernelStats.Counts>> partCounts,
      List<List<KernelStats.Counts>> partWarmup) {
    this.model = model;
    this.kernel = kernel;
    Draws.checkNames(names, statNames); // what building the draws would refuse, refused now
    this.names = List.copyOf(names);
    this.columns = columns;
    this.statNames = List.copyOf(statNames);
    this.statColumns = statColumns;
    this.outputs = outputs;
    this.last = List.copyOf(last);
    this.chainKernels = List.copyOf(chainKernels);
    this.transitions = transitions;
    this.acceptance = acceptance;
    this.gradients = gradients;
    this.config = config;
    this.segment = segment;
    this.partCounts = partCounts;
    this.partWarmup = partWarmup;
  }

  static <A> McmcResult<A> of(Prob<A> model, Kernel<A> kernel, List<Mcmc.ChainOutput<A>> outs, McmcConfig config,
      int segment) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Mcmc.ChainOutput<A> o : outs) {
      names.addAll(o.draws().names());
    }
    List<String> cols = new ArrayList<>(names);
    int chains = outs.size();
    int iters = config.samples();
    Mcmc.ChainOutput<A> first = outs.get(0);
    HmcKernel<A> hmc = hamiltonian(first.kernel());
    List<String> statNames = hmc == null ? STATS : hmc.isNuts() ? StanCsv.NUTS_STATS : STATIC_HMC_STATS;
    double[][][] values = new double[chains][cols.size()][];
    double[][][] stats = new double[chains][statNames.size()][];
    List<Trace<A>> last = new ArrayList<>();
    List<Kernel<A>> kernels = new ArrayList<>();
    List<List<A>> outputs = new ArrayList<>();
    List<List<Transition>> transitions = new ArrayList<>();
    double[] acc = new double[chains];
    long[] gradients = new long[chains];
    List<List<KernelStats.Counts>> partCounts = new ArrayList<>();
    List<List<KernelStats.Counts>> partWarmup = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      Mcmc.ChainOutput<A> o = outs.get(c);
      DrawTable table = o.draws();
      Map<String, Integer> own = new java.util.HashMap<>();
      for (int j = 0; j < table.names().size(); j++) {
        own.put(table.names().get(j), j);
      }
      for (int j = 0; j < cols.size(); j++) {
        Integer at = own.get(cols.get(j));
        if (at == null) {
          values[c][j] = new double[iters];
          java.util.Arrays.fill(values[c][j], Double.NaN);
        } else {
          values[c][j] = table.column(at); // the table's own column (the table is dropped; Draws copies what it keeps)
        }
      }
      stats[c][0] = o.lp();
      stats[c][1] = o.accept();
      for (int k = 2; k < statNames.size(); k++) {
        double[] s = new double[iters];
        for (int i = 0; i < iters; i++) {
          s[i] = o.hmcStats()[i][k - 2];
        }
        stats[c][k] = s;
      }
      last.add(o.last());
      kernels.add(o.kernel());
      outputs.add(java.util.Collections.unmodifiableList(new ArrayList<>(o.outputs())));
      transitions.add(java.util.Collections.unmodifiableList(new ArrayList<>(o.transitions())));
      acc[c] = o.moves() / (double) o.steps();
      gradients[c] = o.gradients();
      partCounts.add(java.util.Collections.unmodifiableList(new ArrayList<>(o.partCounts())));
      partWarmup.add(java.util.Collections.unmodifiableList(new ArrayList<>(o.partWarmup())));
    }
    return new McmcResult<>(model, kernel, cols, values, statNames, stats, List.copyOf(outputs), last,
        kernels, List.copyOf(transitions), acc, gradients, config, segment, List.copyOf(partCounts),
        List.copyOf(partWarmup));
  }

  /** The last Hamiltonian part of a chain's kernel (the one whose statistics are recorded), or null. */
  @SuppressWarnings("unchecked")
  private static <A> HmcKernel<A> hamiltonian(Kernel<A> k) {
    HmcKernel<A> h = null;
    for (Kernel<A> p : k.parts()) {
      if (p instanceof HmcKernel<A> x) {
        h = x;
      }
    }
    return h;
  }

  /**
   * The draws, with the sampler statistics (see the class documentation).
   *
   * @return the draws and sampler statistics of every chain
   */
  public Draws draws() {
    Draws d = draws;
    if (d == null) {
      d = Draws.ofColumns(names, columns, statNames, statColumns);
      draws = d;
    }
    return d;
  }

  /**
   * One column's draws as [chain][draw]: a parameter's or, for a sampler statistic's name
   * ({@code stepsize__}, {@code divergent__}, ...), that statistic's.
   *
   * @param name a column name (see {@link #names()}) or a sampler statistic's name
   * @return the draws, [chain][draw]
   * @throws org.probity.inference.diagnostics.InvalidDrawsException if no column or statistic has that name
   */
  public double[][] column(String name) {
    int j = names.indexOf(name);
    if (j < 0 && statNames.contains(name)) {
      return copy(statColumns, statNames.indexOf(name));
    }
    if (j < 0) {
      return draws().parameter(name); // the draws' error, naming the known columns
    }
    return copy(columns, j);
  }

  private static double[][] copy(double[][][] a, int j) {
    double[][] out = new double[a.length][];
    for (int c = 0; c < a.length; c++) {
      out[c] = a[c][j].clone();
    }
    return out;
  }

  /**
   * The column names (Stan style, see the package documentation).
   *
   * @return the column names, in order
   */
  public List<String> names() {
    return names;
  }

  /**
   * The program's return value at every kept draw, [chain][draw].
   *
   * @return the return values, [chain][draw]
   */
  public List<List<A>> returnValues() {
    return outputs;
  }

  /**
   * The last trace of each chain.
   *
   * @return one trace per chain, in chain order
   */
  public List<Trace<A>> lastTraces() {
    return last;
  }

  /**
   * Per chain, the fraction of kernel steps after warm-up that moved the trace.
   *
   * @return the acceptance rate of each chain
   */
  public double[] acceptanceRates() {
    return acceptance.clone();
  }

  /**
   * The parts of the kernel ({@link Kernel#parts}) as the reports name them, in order: {@code
   * "1 random_walk_metropolis"}, {@code "2 enumerative_gibbs"}, ...
   *
   * @return the parts' names, in kernel order
   */
  public List<String> partNames() {
    List<String> out = new ArrayList<>();
    List<Kernel<A>> parts = chainKernels.get(0).parts();
    for (int i = 0; i < parts.size(); i++) {
      out.add((i + 1) + " " + Describe.name(parts.get(i)));
    }
    return out;
  }

  /**
   * Each part's own acceptance rate after warm-up, [part][chain]: the fraction of that part's
   * steps that moved the trace (for a {@link Kernels#cycle} the rate of {@link #acceptanceRates()}
   * counts a step when any part moved). NaN for a part that keeps no counts (Hamiltonian parts:
   * see {@code accept_stat__}, and custom kernels).
   *
   * @return the acceptance rates, [part][chain]
   */
  public double[][] partAcceptance() {
    int parts = partCounts.get(0).size();
    double[][] out = new double[parts][partCounts.size()];
    for (int c = 0; c < partCounts.size(); c++) {
      for (int p = 0; p < parts; p++) {
        KernelStats.Counts k = partCounts.get(c).get(p);
        out[p][c] = k == null ? Double.NaN : k.acceptanceRate();
      }
    }
    return out;
  }

  /**
   * The proposals rejected after warm-up because they had zero density, by cause, all chains and
   * parts: outside the support (a random walk that reached the edge), invalid parameters (a
   * proposal that made a later distribution's parameters invalid), zero density (an observation,
   * factor or condition of weight zero).
   *
   * @return the number of rejected proposals by cause
   */
  public Map<ZeroCause, Long> rejections() {
    return rejections(partCounts);
  }

  /**
   * {@link #rejections()} in warm-up.
   *
   * @return the number of proposals rejected in warm-up, by cause
   */
  public Map<ZeroCause, Long> warmupRejections() {
    return rejections(partWarmup);
  }

  private static Map<ZeroCause, Long> rejections(List<List<KernelStats.Counts>> counts) {
    Map<ZeroCause, Long> out = new java.util.EnumMap<>(ZeroCause.class);
    for (ZeroCause z : ZeroCause.values()) {
      long n = 0;
      for (List<KernelStats.Counts> chain : counts) {
        for (KernelStats.Counts k : chain) {
          n += k == null ? 0 : k.rejected(z);
        }
      }
      out.put(z, n);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** "12 outside support, 3 invalid parameters", or null when there were none. */
  private static String rejectionText(Map<ZeroCause, Long> r) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<ZeroCause, Long> e : r.entrySet()) {
      if (e.getValue() > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /**
   * The settings of the run.
   *
   * @return the run's configuration
   */
  public McmcConfig config() {
    return config;
  }

  /**
   * The model.
   *
   * @return the model that was sampled
   */
  public Prob<A> model() {
    return model;
  }

  /**
   * The kernel as the user gave it (or the default one).
   *
   * @return the kernel of the run
   */
  public Kernel<A> kernel() {
    return kernel;
  }

  /**
   * Each chain's own copy of the kernel, as warm-up left it (adapted step sizes, metrics, scales).
   *
   * @return the adapted kernel of each chain, in chain order
   */
  public List<Kernel<A>> chainKernels() {
    return chainKernels;
  }

  /**
   * 0 for a run started by {@link Mcmc#run}, k for its k-th continuation ({@link Mcmc#resume}).
   *
   * @return the index of this segment of the run
   */
  public int segment() {
    return segment;
  }

  /**
   * Per chain, the Hamiltonian transition of each kept draw (null where the Hamiltonian part made
   * none since the previous draw); empty lists when the kernel has no Hamiltonian part.
   *
   * @return the Hamiltonian transitions, [chain][draw]
   */
  public List<List<Transition>> transitions() {
    return transitions;
  }

  /**
   * Per chain, the log-density-and-gradient evaluations of its Hamiltonian parts (warm-up included).
   *
   * @return the number of gradient evaluations of each chain
   */
  public long[] gradientEvaluations() {
    return gradients.clone();
  }

  /**
   * The number of divergent kept transitions, all chains (0 without a Hamiltonian part).
   *
   * @return the number of divergent transitions after warm-up
   */
  public long divergences() {
    return transitions.stream().flatMap(List::stream).filter(t -> t != null && t.divergent()).count();
  }

  /**
   * cmdstan's warning lines for the Hamiltonian part (divergences, transitions at the maximum tree
   * depth, E-BFMI below 0.3 per chain; the advice is in docs/inference-hmc.md); empty when all is
   * well or when the kernel has no Hamiltonian part.
   *
   * @return the warning lines, possibly none
   */
  public List<String> samplerWarnings() {
    HmcKernel<A> h = hamiltonian(chainKernels.get(0));
    if (h == null) {
      return List.of();
    }
    List<List<Transition>> kept = new ArrayList<>();
    for (List<Transition> chain : transitions) {
      kept.add(chain.stream().filter(t -> t != null).toList());
    }
    return SamplerDiagnostics.warnings(kept, h.isNuts() ? HmcEngine.NUTS : HmcEngine.STATIC, h.settings().maxDepth());
  }

  /**
   * The convergence checks of {@link Warnings#check} on the draws (R-hat, ESS, acceptance, stuck chains).
   *
   * @return the problems found, empty when none
   */
  public List<Problem> problems() {
    List<Problem> p = problems;
    if (p == null) {
      p = Warnings.check(draws());
      problems = p;
    }
    return p;
  }

  /**
   * The summary table (mean, sd, median, 5% and 95% quantiles, R-hat, bulk and tail ESS, MCSE)
   * of {@code lp__} and of every column reached by every draw (columns with NaN, i.e. addresses
   * some runs did not reach, are left out).
   *
   * @return the summary table of the run
   */
  public SummaryTable summary() {
    SummaryTable t = summary;
    if (t == null) {
      t = computeSummary();
      summary = t;
    }
    return t;
  }

  private SummaryTable computeSummary() {
    List<Summary> rows = new ArrayList<>();
    rows.add(Summary.of("lp__", draws().samplerStat("lp__")));
    for (String n : draws().parameterNames()) {
      double[][] x = draws().parameter(n);
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

  /**
   * The sampler of chain {@code c} as a Stan CSV header names it.
   *
   * @param c the chain's index, from 0
   * @return the chain's sampler as Stan CSV names it
   */
  public StanCsv.Algorithm algorithm(int c) {
    return Describe.algorithm(chainKernels.get(c));
  }

  /**
   * Writes one CmdStan-format CSV per chain, {@code <prefix>-<chain>.csv}, each naming its sampler
   * (NUTS with that chain's adapted step size and inverse metric; other kernels by name), and
   * returns the files.
   *
   * @param directory the directory to write into (created if missing)
   * @param prefix the start of each file's name
   * @param modelName the model's name in the CSV header
   * @return the files written, in chain order
   * @throws IOException if a file cannot be written
   */
  public List<Path> writeStanCsv(Path directory, String prefix, String modelName) throws IOException {
    Files.createDirectories(directory);
    List<Path> files = new ArrayList<>();
    for (int c = 0; c < draws().numChains(); c++) {
      StanCsv.Header h = new StanCsv.Header(modelName, config.seed(), config.warmup(), config.thin(), algorithm(c));
      Path file = directory.resolve(prefix + "-" + (c + 1) + ".csv");
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        StanCsv.writeChain(draws(), c, h, file.getFileName().toString(), out);
      }
      files.add(file);
    }
    return files;
  }

  /**
   * An ArviZ export of the draws ({@code posterior}, and the sampler statistics as
   * {@code sample_stats}: {@code lp}, {@code acceptance_rate}, {@code step_size},
   * {@code tree_depth}, {@code n_steps}, {@code diverging}, {@code energy}), with the run's
   * sampler and settings as attributes; add groups and write it with the builder.
   *
   * @return a builder of the ArviZ export, with the posterior and sampler statistics
   */
  public ArvizJson.Builder arviz() {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("sampler", Describe.name(chainKernels.get(0)));
    attrs.put("num_warmup", config.warmup());
    attrs.put("thin", config.thin());
    attrs.put("seed", config.seed());
    ArvizJson.Builder b = ArvizJson.builder(draws());
    attrs.forEach(b::attr);
    return b;
  }

  /** The summary table, then cmdstan's sampler warnings and the convergence checks. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int n = draws().numChains();
    sb.append(Describe.name(chainKernels.get(0))).append(": ").append(n).append(n == 1 ? " chain, " : " chains, ")
        .append(config.warmup()).append(" warm-up + ").append(draws().numIterations()).append(" draws")
        .append(config.thin() > 1 ? " (thin " + config.thin() + ")" : "").append('\n');
    List<String> names = partNames();
    double[][] pa = partAcceptance();
    if (names.size() > 1) {
      sb.append("acceptance by part (mean over chains):");
      for (int p = 0; p < names.size(); p++) {
        double m = 0;
        for (double v : pa[p]) {
          m += v;
        }
        m /= pa[p].length;
        sb.append(p == 0 ? " " : ", ").append(names.get(p)).append(' ')
            .append(Double.isNaN(m) ? "(see accept_stat__)" : String.format(java.util.Locale.ROOT, "%.3f", m));
      }
      sb.append('\n');
    }
    String rejected = rejectionText(rejections());
    String rejectedWarmup = rejectionText(warmupRejections());
    if (rejected != null || rejectedWarmup != null) {
      sb.append("rejected proposals: ").append(rejected == null ? "none" : rejected).append(" after warm-up")
          .append(rejectedWarmup == null ? "" : "; " + rejectedWarmup + " in warm-up").append('\n');
    }
    sb.append(summary());
    List<String> sampler = samplerWarnings();
    if (!sampler.isEmpty()) {
      sb.append('\n');
      sampler.forEach(l -> sb.append(l).append('\n'));
    }
    sb.append('\n').append(Warnings.report(problems()));
    return sb.toString();
  }
}
