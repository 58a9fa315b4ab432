package org.probity.inference.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The short list of problems a statistician should see after a run, each with what to try:
 * R-hat above 1.01, bulk or tail ESS below 100 per chain (the thresholds of Vehtari et al. 2021,
 * "Rank-normalization, folding, and localization", Bayesian Analysis 16(2)), very unequal
 * per-chain acceptance, chains that never moved, and (for SMC) a collapse of the effective sample
 * size. One {@link Problem} per kind, naming the worst few quantities; an empty list when nothing
 * was found. {@link #report} formats the list for printing.
 */
public final class Warnings {

  /** How many quantities, chains or steps a message names before "and N more". */
  private static final int NAMED = 5;

  /**
   * The thresholds of the checks.
   *
   * @param rhat largest acceptable R-hat (1.01)
   * @param essPerChain smallest acceptable bulk and tail ESS per chain (100)
   * @param acceptanceRatio largest acceptable ratio of the highest to the lowest per-chain
   *     acceptance rate (2)
   * @param smcEssFraction smallest acceptable SMC ESS as a fraction of the particles (0.1)
   */
  public record Thresholds(double rhat, double essPerChain, double acceptanceRatio,
      double smcEssFraction) {

    /** Validates the thresholds. */
    public Thresholds {
      if (!(rhat > 1) || !(essPerChain > 0) || !(acceptanceRatio > 1)
          || !(smcEssFraction > 0 && smcEssFraction < 1)) {
        throw new IllegalArgumentException("need rhat > 1, essPerChain > 0, acceptanceRatio > 1,"
            + " 0 < smcEssFraction < 1; got " + rhat + ", " + essPerChain + ", " + acceptanceRatio
            + ", " + smcEssFraction);
      }
    }

    /**
     * R-hat 1.01, ESS 100 per chain, acceptance ratio 2, SMC ESS 10% of the particles.
     *
     * @return the defaults
     */
    public static Thresholds defaults() {
      return new Thresholds(1.01, 100, 2, 0.1);
    }
  }

  private Warnings() {
  }

  /**
   * Checks MCMC draws with the default thresholds.
   *
   * @param draws the draws; an {@code accept_stat__} statistic, if present, gives per-chain
   *     acceptance rates (its mean over draws)
   * @return the problems, empty if none
   */
  public static List<Problem> check(Draws draws) {
    return check(draws, Thresholds.defaults());
  }

  /**
   * Checks MCMC draws: R-hat, bulk and tail ESS of every quantity whose draws are all finite,
   * chains that never moved, and unequal acceptance if {@code accept_stat__} is present.
   *
   * @param draws the draws
   * @param t the thresholds
   * @return the problems, empty if none
   */
  public static List<Problem> check(Draws draws, Thresholds t) {
    List<Problem> out = new ArrayList<>();
    stuckChains(draws).ifPresent(out::add);
    List<Scored> rhats = new ArrayList<>();
    List<Scored> bulk = new ArrayList<>();
    List<Scored> tail = new ArrayList<>();
    double minEss = t.essPerChain() * draws.numChains();
    int checked = 0;
    for (String name : draws.parameterNames()) {
      double[][] x = draws.parameter(name);
      if (!allFinite(x) || constant(x)) {
        continue;
      }
      double r;
      double eb;
      double et;
      try {
        r = Rhat.rhat(x);
        eb = EffectiveSampleSize.essBulk(x);
        et = EffectiveSampleSize.essTail(x);
      } catch (InvalidDrawsException e) {
        out.add(new Problem(Problem.Kind.TOO_FEW_DRAWS, "Cannot diagnose the draws: "
            + e.getMessage() + ".", "run at least a few hundred iterations per chain.",
            List.of(name)));
        return out;
      }
      checked++;
      if (!(r <= t.rhat())) {
        rhats.add(new Scored(name, r));
      }
      if (!(eb >= minEss)) {
        bulk.add(new Scored(name, eb));
      }
      if (!(et >= minEss)) {
        tail.add(new Scored(name, et));
      }
    }
    if (!rhats.isEmpty()) {
      rhats.sort(Comparator.comparingDouble(Scored::value).reversed());
      out.add(new Problem(Problem.Kind.RHAT, "R-hat above " + fmt(t.rhat()) + " for "
          + count(rhats.size(), checked) + ": " + list(rhats) + "; the chains disagree.",
          "run longer (more warm-up and draws), reparameterise (e.g. non-centred hierarchical"
          + " effects), or use a kernel suited to the model; look at Plots.trace and Plots.rank.",
          names(rhats)));
    }
    String perChain = fmt(t.essPerChain()) + " per chain (" + fmt(minEss) + " in all)";
    if (!bulk.isEmpty()) {
      bulk.sort(Comparator.comparingDouble(Scored::value));
      out.add(new Problem(Problem.Kind.ESS_BULK, "Bulk ESS below " + perChain + " for "
          + count(bulk.size(), checked) + ": " + list(bulk)
          + "; means and intervals are unreliable.",
          "run more iterations; high autocorrelation (Plots.autocorrelation) calls for a"
          + " better-tuned proposal or a gradient-based kernel.", names(bulk)));
    }
    if (!tail.isEmpty()) {
      tail.sort(Comparator.comparingDouble(Scored::value));
      out.add(new Problem(Problem.Kind.ESS_TAIL, "Tail ESS below " + perChain + " for "
          + count(tail.size(), checked) + ": " + list(tail)
          + "; the 5% and 95% quantiles are unreliable.",
          "run more iterations; heavy tails or a poorly explored region (Plots.trace) may need a"
          + " reparameterisation.", names(tail)));
    }
    if (draws.samplerStatNames().contains("accept_stat__")) {
      double[][] a = draws.samplerStat("accept_stat__");
      double[] rates = new double[a.length];
      for (int c = 0; c < a.length; c++) {
        double sum = 0;
        for (double v : a[c]) {
          sum += v;
        }
        // A mean of values in [0, 1] may round just past 1.
        rates[c] = Math.min(1, Math.max(0, sum / a[c].length));
      }
      out.addAll(checkAcceptance(rates, t));
    }
    return List.copyOf(out);
  }

  /**
   * Checks per-chain acceptance rates: the highest may be at most {@code acceptanceRatio} times
   * the lowest.
   *
   * @param rates the acceptance rate of each chain, in [0, 1]
   * @param t the thresholds
   * @return a problem naming the chains and rates, or nothing
   */
  public static List<Problem> checkAcceptance(double[] rates, Thresholds t) {
    if (rates.length < 2) {
      return List.of();
    }
    int lo = 0;
    int hi = 0;
    for (int c = 0; c < rates.length; c++) {
      if (!(rates[c] >= 0 && rates[c] <= 1)) {
        throw new IllegalArgumentException("acceptance rate of chain " + (c + 1) + " is "
            + rates[c] + ", not in [0, 1]");
      }
      lo = rates[c] < rates[lo] ? c : lo;
      hi = rates[c] > rates[hi] ? c : hi;
    }
    if (rates[hi] <= t.acceptanceRatio() * rates[lo]) {
      return List.of();
    }
    StringBuilder all = new StringBuilder();
    for (int c = 0; c < rates.length; c++) {
      all.append(c == 0 ? "" : ", ").append(c + 1).append(": ").append(fmt(rates[c]));
    }
    return List.of(new Problem(Problem.Kind.UNEQUAL_ACCEPTANCE, "Acceptance differs between"
        + " chains (chain " + all + "); chain " + (hi + 1) + " accepts more than "
        + fmt(t.acceptanceRatio()) + " times as often as chain " + (lo + 1) + ".",
        "the chains are probably in different regions or tuned differently: look at Plots.trace,"
        + " warm up longer so adaptation settles, and check for multiple modes.",
        List.of("chain " + (lo + 1), "chain " + (hi + 1))));
  }

  /**
   * Checks an SMC run's effective sample size after each step (before resampling).
   *
   * @param ess the ESS after each step
   * @param particles the number of particles
   * @return a problem naming the steps (1-based) where ESS fell below the threshold, or nothing
   */
  public static List<Problem> checkSmc(double[] ess, int particles) {
    return checkSmc(ess, particles, Thresholds.defaults());
  }

  /**
   * Checks an SMC run's effective sample size after each step, as {@link #checkSmc(double[], int)}.
   *
   * @param ess the ESS after each step
   * @param particles the number of particles
   * @param t the thresholds
   * @return a problem, or nothing
   */
  public static List<Problem> checkSmc(double[] ess, int particles, Thresholds t) {
    if (particles < 1) {
      throw new IllegalArgumentException("particles must be >= 1, got " + particles);
    }
    List<Scored> low = new ArrayList<>();
    double limit = t.smcEssFraction() * particles;
    for (int s = 0; s < ess.length; s++) {
      if (!(ess[s] >= limit)) {
        low.add(new Scored("step " + (s + 1), ess[s]));
      }
    }
    if (low.isEmpty()) {
      return List.of();
    }
    Scored worst = low.stream().min(Comparator.comparingDouble(Scored::value)).orElseThrow();
    return List.of(new Problem(Problem.Kind.SMC_ESS_COLLAPSE, "ESS fell below "
        + fmt(100 * t.smcEssFraction()) + "% of the " + particles + " particles at "
        + low.size() + " of " + ess.length + " steps (" + list(low) + "); lowest "
        + fmt(worst.value()) + " at " + worst.name() + ": the weights degenerated.",
        "use more particles, a proposal closer to the posterior, more intermediate steps"
        + " (tempering), or resample-move rejuvenation (Rmsmc).", names(low)));
  }

  /**
   * The problems as text: one numbered paragraph each, or a line saying none were found.
   *
   * @param problems the problems
   * @return the text, ending in a newline
   */
  public static String report(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "No problems found (R-hat, ESS, acceptance, stuck chains).\n";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < problems.size(); i++) {
      Problem p = problems.get(i);
      sb.append(i + 1).append(". ").append(p.message()).append("\n   Try: ").append(p.advice())
          .append('\n');
    }
    return sb.toString();
  }

  private static java.util.Optional<Problem> stuckChains(Draws draws) {
    if (draws.parameterNames().isEmpty() || draws.numIterations() < 2) {
      return java.util.Optional.empty();
    }
    double[][][] v = draws.values();
    List<String> stuck = new ArrayList<>();
    for (int c = 0; c < v.length; c++) {
      boolean moved = false;
      for (int i = 1; i < v[c].length && !moved; i++) {
        for (int p = 0; p < v[c][i].length && !moved; p++) {
          moved = Double.compare(v[c][i][p], v[c][0][p]) != 0;
        }
      }
      if (!moved) {
        stuck.add("chain " + (c + 1));
      }
    }
    if (stuck.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Problem(Problem.Kind.STUCK_CHAIN, (stuck.size() == 1
        ? String.join("", stuck) + " never moved" : String.join(", ", stuck) + " never moved")
        + ": every quantity kept its first value for all " + draws.numIterations() + " draws.",
        "the start may have (near) zero density or every proposal is rejected: check the model's"
        + " support and the data, use an adaptive proposal scale, or another kernel.", stuck));
  }

  private static boolean allFinite(double[][] x) {
    for (double[] chain : x) {
      for (double v : chain) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean constant(double[][] x) {
    for (double[] chain : x) {
      for (double v : chain) {
        if (v != x[0][0]) {
          return false;
        }
      }
    }
    return true;
  }

  private record Scored(String name, double value) {
  }

  private static String count(int bad, int of) {
    return bad + " of " + of + (of == 1 ? " quantity" : " quantities");
  }

  private static String list(List<Scored> items) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(NAMED, items.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append(items.get(i).name()).append(' ')
          .append(fmt(items.get(i).value()));
    }
    if (items.size() > NAMED) {
      sb.append(" and ").append(items.size() - NAMED).append(" more");
    }
    return sb.toString();
  }

  private static List<String> names(List<Scored> items) {
    return items.stream().map(Scored::name).toList();
  }

  /** Up to three decimals below 10 (R-hat 1.012 stays 1.012), whole numbers above. */
  private static String fmt(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (v != 0 && Math.abs(v) < 0.001) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
