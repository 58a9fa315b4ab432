package org.probity.inference.diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/**
 * Reads and writes {@link Draws} in CmdStan's sampler CSV format, one file per chain.
 *
 * <p>Layout as written by CmdStan's {@code sample} method (CmdStan guide, "Stan CSV File
 * Format"): {@code #} comment lines with the configuration ({@code model}, {@code num_samples},
 * {@code num_warmup}, {@code thin}, the algorithm and its settings, {@code id}, {@code seed},
 * ...), a header row, for NUTS the adaptation comment block ({@code # Adaptation terminated},
 * step size, diagonal inverse metric), one row per draw, and an elapsed-time trailer.
 *
 * <p>The header names the algorithm that made the draws ({@link Algorithm}) and the CSV has only
 * the sampler columns that algorithm has: a NUTS run must supply CmdStan's seven per-draw
 * statistics ({@link #NUTS_STATS}) and gets {@code algorithm = hmc, engine = nuts}; any other
 * algorithm (a random walk, Gibbs, ...) is written under its own name with {@code lp__} first and
 * then only the statistics the draws carry, so that tools which look for {@code divergent__} or
 * {@code treedepth__} find none rather than made-up zeros. Then the quantities ({@code theta.1},
 * ...). This is the shape cmdstanpy's {@code from_csv} and ArviZ's {@code from_cmdstan} parse.
 * Integral values are written without a fraction (CmdStan writes {@code treedepth__} as
 * {@code 3}); other values use Java's shortest round-trip representation, NaN as {@code nan},
 * infinities as {@code inf}/{@code -inf}. Reading skips a UTF-8 byte-order mark.
 */
public final class StanCsv {

  /** CmdStan's standard NUTS statistic columns, in its order. */
  public static final List<String> NUTS_STATS = List.of("lp__", "accept_stat__", "stepsize__",
      "treedepth__", "n_leapfrog__", "divergent__", "energy__");

  /** The sampler that made the draws, as the CSV header names it. */
  public sealed interface Algorithm {

    /**
     * CmdStan's NUTS ({@code algorithm = hmc, engine = nuts}); the draws must carry every one of
     * {@link #NUTS_STATS} per draw.
     *
     * @param stepSize the adapted step size
     * @param maxDepth the maximum tree depth
     * @param metric {@code diag_e}, {@code dense_e} or {@code unit_e}
     * @param inverseMetric the diagonal of the adapted inverse metric, one entry per unconstrained
     *     parameter
     * @return the algorithm
     */
    static Algorithm nuts(double stepSize, int maxDepth, String metric, double[] inverseMetric) {
      return new Nuts(stepSize, maxDepth, metric, inverseMetric);
    }

    /**
     * Any other algorithm, written as {@code algorithm = name} with its settings below it.
     *
     * @param name lower case letters, digits and underscores, e.g.
     *     {@code random_walk_metropolis}
     * @param settings name to value, written in this order as {@code name = value}
     * @return the algorithm
     */
    static Algorithm named(String name, Map<String, ?> settings) {
      return new Named(name, settings);
    }

    /** An algorithm the caller did not name ({@code algorithm = unspecified}). */
    static Algorithm unspecified() {
      return new Named("unspecified", Map.of());
    }
  }

  /**
   * CmdStan's NUTS; see {@link Algorithm#nuts}.
   *
   * @param stepSize the adapted step size
   * @param maxDepth the maximum tree depth
   * @param metric {@code diag_e}, {@code dense_e} or {@code unit_e}
   * @param inverseMetric the diagonal of the adapted inverse metric
   */
  public record Nuts(double stepSize, int maxDepth, String metric, double[] inverseMetric)
      implements Algorithm {

    /** Validates and copies. */
    public Nuts {
      if (!(stepSize > 0) || Double.isInfinite(stepSize) || maxDepth < 1) {
        throw new IllegalArgumentException("NUTS needs a positive finite step size and max depth"
            + " >= 1, got " + stepSize + ", " + maxDepth);
      }
      if (!List.of("diag_e", "dense_e", "unit_e").contains(metric)) {
        throw new IllegalArgumentException("NUTS metric must be diag_e, dense_e or unit_e, got '"
            + metric + "'");
      }
      inverseMetric = inverseMetric.clone();
    }

    /** The diagonal of the inverse metric (a copy). */
    @Override
    public double[] inverseMetric() {
      return inverseMetric.clone();
    }
  }

  /**
   * Any other algorithm; see {@link Algorithm#named}.
   *
   * @param name the algorithm's name
   * @param settings its settings, in order
   */
  public record Named(String name, Map<String, ?> settings) implements Algorithm {

    /** Validates and copies, keeping the order. */
    public Named {
      if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("algorithm name must be lower case letters, digits and"
            + " '_', got '" + name + "'");
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      settings.forEach((k, v) -> {
        if (!String.valueOf(k).matches("[a-z][a-z0-9_]*") || String.valueOf(v).contains("\n")) {
          throw new IllegalArgumentException("invalid setting " + k + " = " + v);
        }
        copy.put(k, v);
      });
      settings = Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Run configuration written into the comment header.
   *
   * @param modelName model name ({@code # model = ...})
   * @param seed random seed
   * @param numWarmup number of warmup iterations (not saved)
   * @param thin thinning period
   * @param algorithm the sampler that made the draws
   */
  public record Header(String modelName, long seed, int numWarmup, int thin, Algorithm algorithm) {

    /** Validates the configuration. */
    public Header {
      if (modelName == null || modelName.isBlank() || modelName.contains("\n")) {
        throw new IllegalArgumentException("invalid model name: '" + modelName + "'");
      }
      if (numWarmup < 0 || thin < 1) {
        throw new IllegalArgumentException("need numWarmup >= 0, thin >= 1 but got "
            + numWarmup + ", " + thin);
      }
      if (algorithm == null) {
        throw new IllegalArgumentException("name the algorithm (Algorithm.unspecified() if unknown)");
      }
    }

    /**
     * The former constructor, which claimed NUTS for every run. It now names no algorithm
     * ({@code algorithm = unspecified}) and ignores the step size and tree depth; callers should
     * name their algorithm with {@link #Header(String, long, int, int, Algorithm)}.
     *
     * @param modelName model name
     * @param seed random seed
     * @param numWarmup number of warmup iterations
     * @param thin thinning period
     * @param stepSize ignored
     * @param maxDepth ignored
     * @deprecated name the algorithm instead
     */
    @Deprecated
    public Header(String modelName, long seed, int numWarmup, int thin, double stepSize,
        int maxDepth) {
      this(modelName, seed, numWarmup, thin, Algorithm.unspecified());
    }

    /**
     * A header with CmdStan's defaults (1000 warmup, thin 1).
     *
     * @param modelName model name
     * @param seed random seed
     * @param algorithm the sampler that made the draws
     * @return the header
     */
    public static Header of(String modelName, long seed, Algorithm algorithm) {
      return new Header(modelName, seed, 1000, 1, algorithm);
    }
  }

  private StanCsv() {}

  /**
   * Writes one CSV file per chain, {@code <prefix>-<chain>.csv} (chain ids from 1).
   *
   * @return the written files in chain order
   */
  public static List<Path> write(Draws draws, Header header, Path directory, String prefix)
      throws IOException {
    Files.createDirectories(directory);
    List<Path> files = new ArrayList<>();
    for (int c = 0; c < draws.numChains(); c++) {
      Path file = directory.resolve(prefix + "-" + (c + 1) + ".csv");
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        writeChain(draws, c, header, file.getFileName().toString(), out);
      }
      files.add(file);
    }
    return files;
  }

  /** Writes chain {@code chain} (0-based; its CmdStan id is {@code chain + 1}). */
  public static void writeChain(Draws draws, int chain, Header header, String outputFile,
      Writer out) throws IOException {
    if (chain < 0 || chain >= draws.numChains()) {
      throw new IllegalArgumentException(
          "chain " + chain + " out of range [0, " + draws.numChains() + ")");
    }
    StringBuilder sb = new StringBuilder();
    line(sb, "# stan_version_major = 2");
    line(sb, "# stan_version_minor = 33");
    line(sb, "# stan_version_patch = 0");
    line(sb, "# model = " + header.modelName());
    line(sb, "# method = sample (Default)");
    line(sb, "#   sample");
    line(sb, "#     num_samples = " + draws.numIterations() * header.thin());
    line(sb, "#     num_warmup = " + header.numWarmup());
    line(sb, "#     save_warmup = 0 (Default)");
    line(sb, "#     thin = " + header.thin());
    Algorithm algorithm = header.algorithm();
    if (algorithm instanceof Nuts nuts) {
      line(sb, "#     adapt");
      line(sb, "#       engaged = 1 (Default)");
      line(sb, "#     algorithm = hmc (Default)");
      line(sb, "#       hmc");
      line(sb, "#         engine = nuts (Default)");
      line(sb, "#           nuts");
      line(sb, "#             max_depth = " + nuts.maxDepth());
      line(sb, "#         metric = " + nuts.metric());
      line(sb, "#         stepsize = " + format(nuts.stepSize()));
    } else if (algorithm instanceof Named named) {
      line(sb, "#     algorithm = " + named.name());
      if (!named.settings().isEmpty()) {
        line(sb, "#       " + named.name());
        named.settings().forEach((k, v) -> line(sb, "#         " + k + " = "
            + (v instanceof Double d ? format(d) : String.valueOf(v))));
      }
    }
    line(sb, "#     num_chains = 1 (Default)");
    line(sb, "# id = " + (chain + 1));
    line(sb, "# data");
    line(sb, "#   file =  (Default)");
    line(sb, "# init = 2 (Default)");
    line(sb, "# random");
    line(sb, "#   seed = " + header.seed());
    line(sb, "# output");
    line(sb, "#   file = " + outputFile);
    line(sb, "#   diagnostic_file =  (Default)");
    line(sb, "#   refresh = 100 (Default)");
    line(sb, "#   sig_figs = -1 (Default)");
    line(sb, "# generator = probity");

    List<String> stats = samplerColumns(draws, algorithm);
    List<String> columns = new ArrayList<>(stats);
    columns.addAll(draws.parameterNames());
    line(sb, String.join(",", columns));
    if (algorithm instanceof Nuts nuts) {
      line(sb, "# Adaptation terminated");
      line(sb, "# Step size = " + format(nuts.stepSize()));
      line(sb, "# " + (nuts.metric().equals("dense_e") ? "Elements" : "Diagonal elements")
          + " of inverse mass matrix:");
      String[] entries = new String[nuts.inverseMetric().length];
      for (int k = 0; k < entries.length; k++) {
        entries[k] = format(nuts.inverseMetric()[k]);
      }
      line(sb, "# " + String.join(", ", entries));
    }
    out.write(sb.toString());
    sb.setLength(0);

    double[][][] values = draws.values();
    double[][][] statValues = draws.samplerStats();
    List<String> present = draws.samplerStatNames();
    for (int i = 0; i < draws.numIterations(); i++) {
      for (int k = 0; k < stats.size(); k++) {
        double v = statValues[chain][i][present.indexOf(stats.get(k))];
        sb.append(k == 0 ? "" : ",").append(format(v));
      }
      for (int p = 0; p < values[chain][i].length; p++) {
        sb.append(stats.isEmpty() && p == 0 ? "" : ",").append(format(values[chain][i][p]));
      }
      sb.append('\n');
      out.write(sb.toString());
      sb.setLength(0);
    }
    line(sb, "# ");
    line(sb, "#  Elapsed Time: 0 seconds (Warm-up)");
    line(sb, "#                0 seconds (Sampling)");
    line(sb, "#                0 seconds (Total)");
    line(sb, "# ");
    out.write(sb.toString());
  }

  /**
   * The sampler columns written for this algorithm: NUTS's seven, all of which the draws must
   * carry; otherwise {@code lp__} first (if present) and the draws' other statistics.
   */
  private static List<String> samplerColumns(Draws draws, Algorithm algorithm) {
    List<String> present = draws.samplerStatNames();
    if (algorithm instanceof Nuts) {
      List<String> missing = NUTS_STATS.stream().filter(s -> !present.contains(s)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("a NUTS run must supply every NUTS statistic per draw;"
            + " missing " + missing + " (the draws have " + present + ")");
      }
      List<String> out = new ArrayList<>(NUTS_STATS);
      present.stream().filter(s -> !out.contains(s)).forEach(out::add);
      return out;
    }
    List<String> out = new ArrayList<>();
    if (present.contains("lp__")) {
      out.add("lp__");
    }
    present.stream().filter(s -> !out.contains(s)).forEach(out::add);
    return out;
  }

  /** Reads one file per chain into draws; all files must have the same columns and length. */
  public static Draws read(List<Path> files) throws IOException {
    List<Reader> readers = new ArrayList<>();
    try {
      for (Path file : files) {
        readers.add(Files.newBufferedReader(file, StandardCharsets.UTF_8));
      }
      return readChains(readers);
    } finally {
      for (Reader r : readers) {
        r.close();
      }
    }
  }

  /**
   * Reads chains from CSV text; columns ending in {@code __} become sampler statistics, the rest
   * quantities.
   *
   * @throws InvalidDrawsException if the text is malformed or chains differ in shape
   */
  public static Draws readChains(List<? extends Reader> chains) {
    if (chains.isEmpty()) {
      throw new InvalidDrawsException(Reason.TOO_FEW_DRAWS, "need at least 1 chain but got 0");
    }
    List<String> header = null;
    List<double[][]> rows = new ArrayList<>();
    for (int c = 0; c < chains.size(); c++) {
      List<String> columns = new ArrayList<>();
      double[][] chain = readChain(chains.get(c), columns, c);
      if (header == null) {
        header = columns;
      } else if (!header.equals(columns)) {
        throw new InvalidDrawsException(Reason.MALFORMED_CSV,
            "chain " + c + " has columns " + columns + " but chain 0 has " + header);
      }
      if (c > 0 && chain.length != rows.get(0).length) {
        throw new InvalidDrawsException(Reason.RAGGED_CHAINS, "chain " + c + " has "
            + chain.length + " draws but chain 0 has " + rows.get(0).length);
      }
      rows.add(chain);
    }
    List<Integer> statCols = new ArrayList<>();
    List<Integer> paramCols = new ArrayList<>();
    for (int k = 0; k < header.size(); k++) {
      (header.get(k).endsWith("__") ? statCols : paramCols).add(k);
    }
    int n = rows.get(0).length;
    double[][][] values = new double[rows.size()][n][paramCols.size()];
    double[][][] stats = new double[rows.size()][n][statCols.size()];
    for (int c = 0; c < rows.size(); c++) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < paramCols.size(); k++) {
          values[c][i][k] = rows.get(c)[i][paramCols.get(k)];
        }
        for (int k = 0; k < statCols.size(); k++) {
          stats[c][i][k] = rows.get(c)[i][statCols.get(k)];
        }
      }
    }
    List<String> header0 = header;
    return new Draws(paramCols.stream().map(header0::get).toList(), values,
        statCols.stream().map(header0::get).toList(), stats);
  }

  private static double[][] readChain(Reader reader, List<String> columns, int chain) {
    List<double[]> rows = new ArrayList<>();
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    try {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] cells = trimmed.split(",", -1);
        if (columns.isEmpty()) {
          columns.addAll(List.of(cells));
          continue;
        }
        if (cells.length != columns.size()) {
          throw new InvalidDrawsException(Reason.MALFORMED_CSV, "chain " + chain + " line "
              + lineNo + " has " + cells.length + " values but the header has " + columns.size());
        }
        double[] row = new double[cells.length];
        for (int k = 0; k < cells.length; k++) {
          row[k] = parse(cells[k], chain, lineNo);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (columns.isEmpty()) {
      throw new InvalidDrawsException(Reason.MALFORMED_CSV, "chain " + chain + " has no header");
    }
    return rows.toArray(new double[0][]);
  }

  private static double parse(String cell, int chain, int lineNo) {
    String s = cell.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "nan":
      case "-nan":
        return Double.NaN;
      case "inf":
      case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new InvalidDrawsException(Reason.MALFORMED_CSV,
              "chain " + chain + " line " + lineNo + ": '" + cell + "' is not a number");
        }
    }
  }

  /** Integral values without fraction, others in shortest round-trip form, CmdStan NaN/inf. */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      if (v == 0) {
        return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
      }
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static void line(StringBuilder sb, String text) {
    sb.append(text).append('\n');
  }
}
