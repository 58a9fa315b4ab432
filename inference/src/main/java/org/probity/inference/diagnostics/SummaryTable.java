package org.probity.inference.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered list of {@link Summary} rows, one per named quantity, printed as a
 * fixed-width table in the style of CmdStan's {@code stansummary} / posterior's
 * {@code summarise_draws}.
 */
public final class SummaryTable {

  private static final String[] HEADERS = {"mean", "sd", "median", "mad", "q5", "q95", "rhat",
      "ess_bulk", "ess_tail", "mcse_mean", "mcse_sd"};

  private final List<Summary> rows;

  /** A table of the given rows, in order. */
  public SummaryTable(List<Summary> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Summarises each named quantity (insertion order is kept).
   *
   * @param draws name -> {@code [chain][iteration]}
   */
  public static SummaryTable of(Map<String, double[][]> draws) {
    List<Summary> rows = new ArrayList<>();
    new LinkedHashMap<>(draws).forEach((name, x) -> rows.add(Summary.of(name, x)));
    return new SummaryTable(rows);
  }

  /** The rows in order. */
  public List<Summary> rows() {
    return rows;
  }

  /** The row of the named quantity, if present. */
  public Optional<Summary> row(String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Fixed-width table: a header line, then one line per quantity. */
  @Override
  public String toString() {
    int nameWidth = "variable".length();
    for (Summary r : rows) {
      nameWidth = Math.max(nameWidth, r.name().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", "variable"));
    for (String h : HEADERS) {
      sb.append(String.format(Locale.ROOT, " %10s", h));
    }
    sb.append('\n');
    for (Summary r : rows) {
      sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", r.name()));
      double[] values = {r.mean(), r.sd(), r.median(), r.mad(), r.q5(), r.q95()};
      for (double v : values) {
        sb.append(' ').append(number(v));
      }
      sb.append(String.format(Locale.ROOT, " %10s", fixed(r.rhat(), 3)));
      sb.append(String.format(Locale.ROOT, " %10s", fixed(r.essBulk(), 0)));
      sb.append(String.format(Locale.ROOT, " %10s", fixed(r.essTail(), 0)));
      sb.append(' ').append(number(r.mcseMean()));
      sb.append(' ').append(number(r.mcseSd()));
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Three significant digits (whole numbers from 1000) in a 10-wide column; exponent if tiny/huge. */
  private static String number(double v) {
    if (Double.isNaN(v)) {
      return String.format(Locale.ROOT, "%10s", "NA");
    }
    double a = Math.abs(v);
    String s = a != 0 && (a < 1e-3 || a >= 1e6)
        ? String.format(Locale.ROOT, "%.2e", v)
        : a >= 1000 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return String.format(Locale.ROOT, "%10s", s);
  }

  private static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
