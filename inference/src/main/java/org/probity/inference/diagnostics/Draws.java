package org.probity.inference.diagnostics;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/**
 * Immutable MCMC output: draws of named scalar quantities for several chains, plus per-draw
 * sampler statistics.
 *
 * <p>Quantity names follow Stan CSV: {@code mu} for a scalar, {@code theta.1}, {@code theta.2}
 * (1-based) for array elements; the bracket forms {@code theta[1]}, {@code a[1,2]},
 * {@code a[1][2]} and 0-based indices ({@code beta[0]}, {@code beta[1]}) are accepted too. Sampler statistic names end in {@code __} as in CmdStan
 * ({@code lp__}, {@code accept_stat__}, ...); quantity names must not. Values may be NaN (Stan
 * CSV allows it), but {@link #summary()} then rejects the affected quantity. All arrays are
 * copied in and out.
 */
public final class Draws {

  private static final Pattern STAT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final List<String> parameterNames;
  private final double[][][] values;
  private final List<String> statNames;
  private final double[][][] stats;

  /**
   * Creates draws.
   *
   * @param parameterNames quantity names, unique, e.g. {@code mu}, {@code theta.1}
   * @param values {@code [chain][iteration][parameter]}
   * @param statNames sampler statistic names ending in {@code __}
   * @param stats {@code [chain][iteration][statistic]}, same chains and iterations as values
   * @throws InvalidDrawsException for bad names or shapes
   */
  public Draws(List<String> parameterNames, double[][][] values, List<String> statNames,
      double[][][] stats) {
    this.parameterNames = List.copyOf(parameterNames);
    this.statNames = List.copyOf(statNames);
    Set<String> seen = new HashSet<>();
    for (String name : this.parameterNames) {
      if (!VariableName.NAME.matcher(name).matches() || name.endsWith("__")) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "invalid quantity name '" + name
            + "' (letters, digits, '_', then optional indices .i.j, [i,j] or [i][j]; no trailing"
            + " '__')");
      }
      if (!seen.add(name)) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "duplicate name '" + name + "'");
      }
    }
    for (String name : this.statNames) {
      if (!name.endsWith("__") || !STAT_NAME.matcher(name).matches()) {
        throw new InvalidDrawsException(Reason.INVALID_NAME,
            "invalid sampler statistic name '" + name + "' (must end in '__')");
      }
      if (!seen.add(name)) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "duplicate name '" + name + "'");
      }
    }
    if (values == null || values.length == 0) {
      throw new InvalidDrawsException(Reason.TOO_FEW_DRAWS, "need at least 1 chain but got 0");
    }
    int iterations = values[0] == null ? 0 : values[0].length;
    this.values = copy(values, values.length, iterations, this.parameterNames.size(), "values");
    this.stats = this.statNames.isEmpty() && (stats == null || stats.length == 0)
        ? new double[values.length][iterations][0]
        : copy(stats, values.length, iterations, this.statNames.size(), "stats");
  }

  /** Draws without sampler statistics. */
  public static Draws of(List<String> parameterNames, double[][][] values) {
    return new Draws(parameterNames, values, List.of(), null);
  }

  private static double[][][] copy(double[][][] a, int chains, int iterations, int columns,
      String what) {
    if (a == null) {
      throw new InvalidDrawsException(Reason.NULL, what + " must not be null");
    }
    if (a.length != chains) {
      throw new InvalidDrawsException(Reason.RAGGED_CHAINS,
          what + " has " + a.length + " chains but expected " + chains);
    }
    double[][][] out = new double[chains][iterations][];
    for (int c = 0; c < chains; c++) {
      if (a[c] == null || a[c].length != iterations) {
        throw new InvalidDrawsException(Reason.RAGGED_CHAINS, what + " chain " + c + " has "
            + (a[c] == null ? "no" : String.valueOf(a[c].length)) + " iterations but expected "
            + iterations);
      }
      for (int i = 0; i < iterations; i++) {
        if (a[c][i] == null || a[c][i].length != columns) {
          throw new InvalidDrawsException(Reason.RAGGED_CHAINS, what + " chain " + c
              + " iteration " + i + " has " + (a[c][i] == null ? 0 : a[c][i].length)
              + " columns but there are " + columns + " names");
        }
        out[c][i] = a[c][i].clone();
      }
    }
    return out;
  }

  /** Number of chains. */
  public int numChains() {
    return values.length;
  }

  /** Number of (post-warmup) iterations per chain. */
  public int numIterations() {
    return values[0].length;
  }

  /** Quantity names in column order. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** Sampler statistic names in column order. */
  public List<String> samplerStatNames() {
    return statNames;
  }

  /** A copy of all quantity values, {@code [chain][iteration][parameter]}. */
  public double[][][] values() {
    return deepCopy(values);
  }

  /** A copy of all sampler statistics, {@code [chain][iteration][statistic]}. */
  public double[][][] samplerStats() {
    return deepCopy(stats);
  }

  /** Draws of one quantity as {@code [chain][iteration]}. */
  public double[][] parameter(String name) {
    return column(values, indexOf(parameterNames, name));
  }

  /** One sampler statistic as {@code [chain][iteration]}. */
  public double[][] samplerStat(String name) {
    return column(stats, indexOf(statNames, name));
  }

  /** Diagnostics and summary statistics of every quantity, in column order. */
  public SummaryTable summary() {
    Map<String, double[][]> byName = new LinkedHashMap<>();
    for (int p = 0; p < parameterNames.size(); p++) {
      byName.put(parameterNames.get(p), column(values, p));
    }
    return SummaryTable.of(byName);
  }

  private static int indexOf(List<String> names, String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new InvalidDrawsException(Reason.INVALID_NAME,
          "unknown name '" + name + "'; known: " + names);
    }
    return index;
  }

  private static double[][] column(double[][][] a, int index) {
    double[][] out = new double[a.length][a[0].length];
    for (int c = 0; c < a.length; c++) {
      for (int i = 0; i < a[c].length; i++) {
        out[c][i] = a[c][i][index];
      }
    }
    return out;
  }

  private static double[][][] deepCopy(double[][][] a) {
    double[][][] out = new double[a.length][][];
    for (int c = 0; c < a.length; c++) {
      out[c] = new double[a[c].length][];
      for (int i = 0; i < a[c].length; i++) {
        out[c][i] = a[c][i].clone();
      }
    }
    return out;
  }
}
