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
 * copied in and out; the draws are kept by column.
 */
public final class Draws {

  private static final Pattern STAT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final List<String> parameterNames;
  private final double[][][] columns; // [chain][parameter][iteration]
  private final List<String> statNames;
  private final double[][][] statColumns; // [chain][statistic][iteration]
  private final int iterations;

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
    checkNames(this.parameterNames, this.statNames);
    if (values == null || values.length == 0) {
      throw new InvalidDrawsException(Reason.TOO_FEW_DRAWS, "need at least 1 chain but got 0");
    }
    this.iterations = values[0] == null ? 0 : values[0].length;
    this.columns = transpose(values, values.length, iterations, this.parameterNames.size(), "values");
    this.statColumns = this.statNames.isEmpty() && (stats == null || stats.length == 0)
        ? new double[values.length][0][]
        : transpose(stats, values.length, iterations, this.statNames.size(), "stats");
  }

  private Draws(List<String> parameterNames, double[][][] columns, List<String> statNames,
      double[][][] statColumns, int iterations) {
    this.parameterNames = parameterNames;
    this.columns = columns;
    this.statNames = statNames;
    this.statColumns = statColumns;
    this.iterations = iterations;
  }

  /**
   * Draws given by column, as a chain runner records them.
   *
   * @param parameterNames quantity names, unique, e.g. {@code mu}, {@code theta.1}
   * @param columns {@code [chain][parameter][iteration]}
   * @param statNames sampler statistic names ending in {@code __}
   * @param statColumns {@code [chain][statistic][iteration]}, same chains and iterations as columns
   * @return the draws (the arrays copied in)
   * @throws InvalidDrawsException for bad names or shapes
   */
  public static Draws ofColumns(List<String> parameterNames, double[][][] columns, List<String> statNames,
      double[][][] statColumns) {
    List<String> names = List.copyOf(parameterNames);
    List<String> stats = List.copyOf(statNames);
    checkNames(names, stats);
    if (columns == null || columns.length == 0) {
      throw new InvalidDrawsException(Reason.TOO_FEW_DRAWS, "need at least 1 chain but got 0");
    }
    int iterations = -1;
    for (double[][] chain : columns) {
      if (chain != null && chain.length > 0 && chain[0] != null) {
        iterations = chain[0].length;
        break;
      }
    }
    if (iterations < 0) {
      iterations = statColumns != null && statColumns.length > 0 && statColumns[0] != null
          && statColumns[0].length > 0 && statColumns[0][0] != null ? statColumns[0][0].length : 0;
    }
    double[][][] v = copyColumns(columns, columns.length, iterations, names.size(), "values");
    double[][][] s = stats.isEmpty() && (statColumns == null || statColumns.length == 0)
        ? new double[columns.length][0][]
        : copyColumns(statColumns, columns.length, iterations, stats.size(), "stats");
    return new Draws(names, v, stats, s, iterations);
  }

  /** Draws without sampler statistics. */
  public static Draws of(List<String> parameterNames, double[][][] values) {
    return new Draws(parameterNames, values, List.of(), null);
  }

  /**
   * Checks quantity and sampler statistic names as the constructors do.
   *
   * @param parameterNames quantity names
   * @param statNames sampler statistic names
   * @throws InvalidDrawsException for an invalid or duplicate name
   */
  public static void checkNames(List<String> parameterNames, List<String> statNames) {
    Set<String> seen = new HashSet<>();
    for (String name : parameterNames) {
      if (!VariableName.NAME.matcher(name).matches() || name.endsWith("__")) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "invalid quantity name '" + name
            + "' (letters, digits, '_', then optional indices .i.j, [i,j] or [i][j]; no trailing"
            + " '__')");
      }
      if (!seen.add(name)) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "duplicate name '" + name + "'");
      }
    }
    for (String name : statNames) {
      if (!name.endsWith("__") || !STAT_NAME.matcher(name).matches()) {
        throw new InvalidDrawsException(Reason.INVALID_NAME,
            "invalid sampler statistic name '" + name + "' (must end in '__')");
      }
      if (!seen.add(name)) {
        throw new InvalidDrawsException(Reason.INVALID_NAME, "duplicate name '" + name + "'");
      }
    }
  }

  // [chain][iteration][column] checked and copied into [chain][column][iteration]
  private static double[][][] transpose(double[][][] a, int chains, int iterations, int columns, String what) {
    checkChains(a, chains, what);
    double[][][] out = new double[chains][columns][iterations];
    for (int c = 0; c < chains; c++) {
      if (a[c] == null || a[c].length != iterations) {
        throw raggedIterations(what, c, a[c] == null ? -1 : a[c].length, iterations);
      }
      for (int i = 0; i < iterations; i++) {
        if (a[c][i] == null || a[c][i].length != columns) {
          throw new InvalidDrawsException(Reason.RAGGED_CHAINS, what + " chain " + c
              + " iteration " + i + " has " + (a[c][i] == null ? 0 : a[c][i].length)
              + " columns but there are " + columns + " names");
        }
        for (int j = 0; j < columns; j++) {
          out[c][j][i] = a[c][i][j];
        }
      }
    }
    return out;
  }

  // [chain][column][iteration] checked and copied
  private static double[][][] copyColumns(double[][][] a, int chains, int iterations, int columns, String what) {
    checkChains(a, chains, what);
    double[][][] out = new double[chains][columns][];
    for (int c = 0; c < chains; c++) {
      if (a[c] == null || a[c].length != columns) {
        throw new InvalidDrawsException(Reason.RAGGED_CHAINS, what + " chain " + c + " has "
            + (a[c] == null ? 0 : a[c].length) + " columns but there are " + columns + " names");
      }
      for (int j = 0; j < columns; j++) {
        if (a[c][j] == null || a[c][j].length != iterations) {
          throw raggedIterations(what + " column " + j + " of", c, a[c][j] == null ? -1 : a[c][j].length,
              iterations);
        }
        out[c][j] = a[c][j].clone();
      }
    }
    return out;
  }

  private static void checkChains(double[][][] a, int chains, String what) {
    if (a == null) {
      throw new InvalidDrawsException(Reason.NULL, what + " must not be null");
    }
    if (a.length != chains) {
      throw new InvalidDrawsException(Reason.RAGGED_CHAINS,
          what + " has " + a.length + " chains but expected " + chains);
    }
  }

  private static InvalidDrawsException raggedIterations(String what, int chain, int got, int iterations) {
    return new InvalidDrawsException(Reason.RAGGED_CHAINS, what + " chain " + chain + " has "
        + (got < 0 ? "no" : String.valueOf(got)) + " iterations but expected " + iterations);
  }

  /** Number of chains. */
  public int numChains() {
    return columns.length;
  }

  /** Number of (post-warmup) iterations per chain. */
  public int numIterations() {
    return iterations;
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
    return rows(columns);
  }

  /** A copy of all sampler statistics, {@code [chain][iteration][statistic]}. */
  public double[][][] samplerStats() {
    return rows(statColumns);
  }

  /** Draws of one quantity as {@code [chain][iteration]}. */
  public double[][] parameter(String name) {
    return column(columns, indexOf(parameterNames, name));
  }

  /** One sampler statistic as {@code [chain][iteration]}. */
  public double[][] samplerStat(String name) {
    return column(statColumns, indexOf(statNames, name));
  }

  /** Diagnostics and summary statistics of every quantity, in column order. */
  public SummaryTable summary() {
    Map<String, double[][]> byName = new LinkedHashMap<>();
    for (int p = 0; p < parameterNames.size(); p++) {
      byName.put(parameterNames.get(p), column(columns, p));
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
    double[][] out = new double[a.length][];
    for (int c = 0; c < a.length; c++) {
      out[c] = a[c][index].clone();
    }
    return out;
  }

  private double[][][] rows(double[][][] a) {
    double[][][] out = new double[a.length][iterations][];
    for (int c = 0; c < a.length; c++) {
      for (int i = 0; i < iterations; i++) {
        double[] row = new double[a[c].length];
        for (int j = 0; j < row.length; j++) {
          row[j] = a[c][j][i];
        }
        out[c][i] = row;
      }
    }
    return out;
  }
}
