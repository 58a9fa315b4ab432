package org.probity.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strict conversion of text cells (CSV) to numbers, integers and 0/1 labels. A cell is either a
 * plain decimal literal or an error: no hexadecimal, no {@code 1d}/{@code 1f} suffixes, no
 * {@code NaN} or {@code Inf}, no value beyond the double range; an integer has no fraction or
 * exponent ({@code 100.7} and {@code 1e2} are not integers). The empty cell and {@code NA} (R's
 * missing value) are missing values. Each method returns null when the cell is fine and converts
 * into {@code out}; otherwise it returns the problem, quoting the cell.
 */
final class Cells {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private Cells() {
  }

  /** True for the cells that mean "no value": empty and {@code NA}. */
  static boolean isMissing(String cell) {
    return cell.isEmpty() || cell.equals("NA");
  }

  /** Parses a finite double into {@code out[index]}; returns the problem or null. */
  static String toDouble(String cell, double[] out, int index) {
    if (isMissing(cell)) {
      return "missing value" + (cell.isEmpty() ? "" : " (" + cell + ")");
    }
    if (!DECIMAL.matcher(cell).matches()) {
      String lower = cell.toLowerCase(Locale.ROOT);
      if (lower.matches("[+-]?(nan|inf|infinity)")) {
        return Problems.quote(cell) + " is not a finite number";
      }
      return Problems.quote(cell) + " is not a number";
    }
    double v = Double.parseDouble(cell);
    if (Double.isInfinite(v)) {
      return Problems.quote(cell) + " is beyond the range of a double";
    }
    out[index] = v;
    return null;
  }

  /** Parses an int into {@code out[index]}; returns the problem or null. */
  static String toInt(String cell, int[] out, int index) {
    if (isMissing(cell)) {
      return "missing value" + (cell.isEmpty() ? "" : " (" + cell + ")");
    }
    if (!INTEGER.matcher(cell).matches()) {
      return Problems.quote(cell) + " is not an integer";
    }
    try {
      out[index] = Integer.parseInt(cell.startsWith("+") ? cell.substring(1) : cell);
      return null;
    } catch (NumberFormatException e) {
      return Problems.quote(cell) + " is outside the int range";
    }
  }

  /** Parses a 0/1 label ({@code 0}, {@code 1}, {@code true}, {@code false}, any case). */
  static String toLabel(String cell, boolean[] out, int index) {
    if (isMissing(cell)) {
      return "missing value" + (cell.isEmpty() ? "" : " (" + cell + ")");
    }
    switch (cell.toLowerCase(Locale.ROOT)) {
      case "0", "false" -> out[index] = false;
      case "1", "true" -> out[index] = true;
      default -> {
        return Problems.quote(cell) + " is not a 0/1 label";
      }
    }
    return null;
  }
}
