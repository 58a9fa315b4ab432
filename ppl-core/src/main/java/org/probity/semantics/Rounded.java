package org.probity.semantics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as results print them ({@code toString}s of samples, enumerations and parameters): four
 * significant digits without trailing zeros ({@code -7.005}, {@code 0.6429}, {@code 2}), in
 * scientific notation only when very large or very small ({@code 1.235e+06}, {@code 3.000e-05}).
 */
public final class Rounded {
  private Rounded() {
  }

  /**
   * A number to four significant digits.
   *
   * @param v the number (NaN and infinities print as Java prints them)
   * @return the text
   */
  public static String of(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e6 || a < 1e-4) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    String s = BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  /**
   * A number with at most four decimals, trailing zeros dropped: for log evidences and log
   * probabilities, whose absolute error matters ({@code -7.0046}, and {@code 0} for a rounding
   * error of 1e-16).
   *
   * @param v the number
   * @return the text
   */
  public static String decimals(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    String s = BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    return s.equals("-0") || s.equals("0.0000") ? "0" : s;
  }

  /**
   * Numbers to four significant digits, as {@code [0.1, 2.5]}.
   *
   * @param vs the numbers
   * @return the text
   */
  public static String of(double[] vs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < vs.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(of(vs[i]));
    }
    return sb.append(']').toString();
  }
}
