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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.probity.inference.diagnostics.InvalidDrawsException.Reason;

/**
 * Reads and writes {@link Draws} in CmdStan's sampler CSV format, one file per chain.
 *
 * <p>Layout as written by CmdStan's {@code sample} method (CmdStan guide, "Stan CSV File
 * Format"): {@code #} comment lines with the configuration ({@code model}, {@code num_samples},
 * {@code num_warmup}, {@code thin}, {@code id}, {@code seed}, ...), a header row, the adaptation
 * comment block ({@code # Adaptation terminated}, step size, diagonal inverse metric), one row
 * per draw, and an elapsed-time trailer. The header starts with the seven NUTS statistics
 * {@code lp__, accept_stat__, stepsize__, treedepth__, n_leapfrog__, divergent__, energy__}
 * (statistics absent from the draws are written as NaN, or as the header's step size and 0 for
 * the integer columns), then any other statistics, then the quantities ({@code theta.1}, ...).
 * This is the shape cmdstanpy's {@code from_csv} and ArviZ's {@code from_cmdstan} parse.
 * Integral values are written without a fraction (CmdStan writes {@code treedepth__} as
 * {@code 3}); other values use Java's shortest round-trip representation, NaN as {@code nan},
 * infinities as {@code inf}/{@code -inf}.
 */
public final class StanCsv {

  /** CmdStan's standard NUTS statistic columns, in its order. */
  public static final List<String> NUTS_STATS = List.of("lp__", "accept_stat__", "stepsize__",
      "treedepth__", "n_leapfrog__", "divergent__", "energy__");

  /**
   * Run configuration written into the comment header.
   *
   * @param modelName model name ({@code # model = ...})
   * @param seed random seed
   * @param numWarmup number of warmup iterations (not saved)
   * @param thin thinning period
   * @param stepSize adapted step size for the adaptation block
   * @param maxDepth NUTS maximum tree depth
   */
  public record Header(String modelName, long seed, int numWarmup, int thin, double stepSize,
      int maxDepth) {

    /** Validates the configuration. */
    public Header {
      if (modelName == null || modelName.isBlank() || modelName.contains("\n")) {
        throw new IllegalArgumentException("invalid model name: '" + modelName + "'");
      }
      if (numWarmup < 0 || thin < 1 || maxDepth < 1) {
        throw new IllegalArgumentException("need numWarmup >= 0, thin >= 1, maxDepth >= 1 but got "
            + numWarmup + ", " + thin + ", " + maxDepth);
      }
    }

    /** A header with CmdStan's defaults (1000 warmup, thin 1, step size 1, max depth 10). */
    public static Header of(String modelName, long seed) {
      return new Header(modelName, seed, 1000, 1, 1.0, 10);
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
    line(sb, "#     adapt");
    line(sb, "#       engaged = 1 (Default)");
    line(sb, "#     algorithm = hmc (Default)");
    line(sb, "#       hmc");
    line(sb, "#         engine = nuts (Default)");
    line(sb, "#           nuts");
    line(sb, "#             max_depth = " + header.maxDepth());
    line(sb, "#         metric = diag_e (Default)");
    line(sb, "#         stepsize = 1 (Default)");
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

    List<String> stats = new ArrayList<>(NUTS_STATS);
    for (String s : draws.samplerStatNames()) {
      if (!stats.contains(s)) {
        stats.add(s);
      }
    }
    List<String> columns = new ArrayList<>(stats);
    columns.addAll(draws.parameterNames());
    line(sb, String.join(",", columns));
    line(sb, "# Adaptation terminated");
    line(sb, "# Step size = " + format(header.stepSize()));
    line(sb, "# Diagonal elements of inverse mass matrix:");
    String[] ones = new String[Math.max(1, draws.parameterNames().size())];
    Arrays.fill(ones, "1");
    line(sb, "# " + String.join(", ", ones));
    out.write(sb.toString());
    sb.setLength(0);

    double[][][] values = draws.values();
    double[][][] statValues = draws.samplerStats();
    List<String> present = draws.samplerStatNames();
    for (int i = 0; i < draws.numIterations(); i++) {
      for (int k = 0; k < stats.size(); k++) {
        int index = present.indexOf(stats.get(k));
        double v = index >= 0 ? statValues[chain][i][index] : fill(stats.get(k), header);
        sb.append(k == 0 ? "" : ",").append(format(v));
      }
      for (double v : values[chain][i]) {
        sb.append(',').append(format(v));
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

  private static double fill(String stat, Header header) {
    switch (stat) {
      case "stepsize__":
        return header.stepSize();
      case "treedepth__":
      case "n_leapfrog__":
      case "divergent__":
        return 0;
      default:
        return Double.NaN;
    }
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
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] cells = trimmed.split(",", -1);
        if (columns.isEmpty()) {
          columns.addAll(Arrays.asList(cells));
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
