package org.probity.ad;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The operation codes of a {@link Tape} recorded as a replayable program ({@link Tape#record}),
 * and their forward evaluation: the value of a node and its local partial derivatives from the
 * values of its (at most three) operands, computed by the same formulas {@link Real}'s operations
 * use, so that a replay gives bit for bit what re-running the computation would.
 */
final class Ops {
  static final byte OPAQUE = 0;
  static final byte LEAF = 1;
  static final byte PLUS = 2;
  static final byte PLUS_C = 3;
  static final byte MINUS = 4;
  static final byte MINUS_C = 5;
  static final byte RMINUS_C = 6;
  static final byte RDIV_C = 7;
  static final byte TIMES = 8;
  static final byte TIMES_C = 9;
  static final byte DIV = 10;
  static final byte DIV_C = 11;
  static final byte NEGATE = 12;
  static final byte SQUARE = 13;
  static final byte SQRT = 14;
  static final byte EXP = 15;
  static final byte LOG = 16;
  static final byte LOG1P = 17;
  static final byte EXPM1 = 18;
  static final byte POW_C = 19;
  static final byte POW = 20;
  static final byte ABS = 21;
  static final byte LOGISTIC = 22;
  static final byte LOGIT = 23;
  static final byte NORMAL_CDF = 24;
  static final byte LOG1P_EXP = 25;
  static final byte LOG_LOGISTIC = 26;
  static final byte LOG1M = 27;
  static final byte LOG1M_EXP = 28;
  static final byte LOG_DIFF_EXP = 29;
  static final byte RECIPROCAL = 30;
  static final byte TANH = 31;
  static final byte SIN = 32;
  static final byte COS = 33;
  static final byte ATAN = 34;
  static final byte LOG_GAMMA = 35;
  static final byte DIGAMMA = 36;
  static final byte NORMAL_LPDF = 37;
  static final byte CAUCHY_LPDF = 38;
  /** The sum of the node's parents' values in edge order (every parent a variable); evaluated by the tape. */
  static final byte SUM = 39;

  static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  static final double LOG_PI = Math.log(Math.PI);

  private Ops() {
  }

  /**
   * Evaluates operation {@code op} on operand values {@code a}, {@code b}, {@code c} (a unary
   * operation's constant parameter is {@code b}) and the recorded auxiliary constant {@code aux};
   * writes the value to {@code out[0]} and the partials with respect to a, b, c to
   * {@code out[1..3]}.
   */
  static void forward(byte op, double a, double b, double c, double aux, double[] out) {
    double v;
    double da = 0;
    double db = 0;
    double dc = 0;
    switch (op) {
      case PLUS -> {
        v = a + b;
        da = 1.0;
        db = 1.0;
      }
      case PLUS_C -> {
        v = a + b;
        da = 1.0;
      }
      case MINUS -> {
        v = a - b;
        da = 1.0;
        db = -1.0;
      }
      case MINUS_C -> {
        v = a - b;
        da = 1.0;
      }
      case RMINUS_C -> {
        v = b - a;
        da = -1.0;
      }
      case RDIV_C -> {
        v = b / a;
        da = -v / a;
      }
      case TIMES -> {
        v = a * b;
        da = b;
        db = a;
      }
      case TIMES_C -> {
        v = a * b;
        da = b;
      }
      case DIV -> {
        v = a / b;
        da = 1.0 / b;
        db = -v / b;
      }
      case DIV_C -> {
        v = a / b;
        da = 1.0 / b;
      }
      case NEGATE -> {
        v = -a;
        da = -1.0;
      }
      case SQUARE -> {
        v = a * a;
        da = 2.0 * a;
      }
      case SQRT -> {
        v = Math.sqrt(a);
        da = 0.5 / v;
      }
      case EXP -> {
        v = Math.exp(a);
        da = v;
      }
      case LOG -> {
        v = Math.log(a);
        da = 1.0 / a;
      }
      case LOG1P -> {
        v = Math.log1p(a);
        da = 1.0 / (1.0 + a);
      }
      case EXPM1 -> {
        v = Math.expm1(a);
        da = Math.exp(a);
      }
      case POW_C -> {
        v = Math.pow(a, b);
        da = b == 0 ? 0.0 : b * Math.pow(a, b - 1);
      }
      case POW -> {
        v = Math.pow(a, b);
        da = b == 0 ? 0.0 : b * Math.pow(a, b - 1);
        db = v == 0 ? 0.0 : v * Math.log(a);
      }
      case ABS -> {
        v = Math.abs(a);
        da = Math.signum(a);
      }
      case LOGISTIC -> {
        v = Real.sigmoid(a);
        da = v * Real.sigmoid(-a);
      }
      case LOGIT -> {
        v = Math.log(a) - Math.log1p(-a);
        da = 1.0 / (a * (1.0 - a));
      }
      case NORMAL_CDF -> {
        v = 0.5 * Erfc.value(-a / Math.sqrt(2.0));
        da = Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI);
      }
      case LOG1P_EXP -> {
        v = Real.softplus(a);
        da = Real.sigmoid(a);
      }
      case LOG_LOGISTIC -> {
        v = -Real.softplus(-a);
        da = Real.sigmoid(-a);
      }
      case LOG1M -> {
        v = Math.log1p(-a);
        da = -1.0 / (1.0 - a);
      }
      case LOG1M_EXP -> {
        v = Real.log1mExp(a);
        da = -1.0 / Math.expm1(-a);
      }
      case LOG_DIFF_EXP -> {
        if (b == Double.NEGATIVE_INFINITY) {
          v = a;
          da = 1.0;
        } else {
          double d = b - a;
          v = a + Real.log1mExp(d);
          double em = Math.expm1(d);
          da = -1.0 / em;
          db = 1.0 + 1.0 / em;
        }
      }
      case RECIPROCAL -> {
        v = 1.0 / a;
        da = -v * v;
      }
      case TANH -> {
        v = Math.tanh(a);
        da = 1.0 - v * v;
      }
      case SIN -> {
        v = Math.sin(a);
        da = Math.cos(a);
      }
      case COS -> {
        v = Math.cos(a);
        da = -Math.sin(a);
      }
      case ATAN -> {
        v = Math.atan(a);
        da = 1.0 / (1.0 + a * a);
      }
      case LOG_GAMMA -> {
        v = LogGamma.value(a);
        da = Digamma.value(a);
      }
      case DIGAMMA -> {
        v = Digamma.value(a);
        da = Trigamma.value(a);
      }
      case NORMAL_LPDF -> {
        // a = x, b = mu, c = sigma; aux = log sigma
        double z = (a - b) / c;
        v = -0.5 * z * z - aux - HALF_LOG_TWO_PI;
        double g = z / c;
        da = -g;
        db = g;
        dc = (z * z - 1.0) / c;
      }
      case CAUCHY_LPDF -> {
        // a = x, b = location, c = scale; aux = log scale: -log(pi) - log(s) - log1p(z^2)
        double z = (a - b) / c;
        double q = 1.0 + z * z;
        v = -LOG_PI - aux - Math.log1p(z * z);
        double g = 2.0 * z / (q * c);
        da = -g;
        db = g;
        dc = (z * z - 1.0) / (q * c);
      }
      default -> throw new IllegalStateException("no forward evaluation for tape operation " + op);
    }
    out[0] = v;
    out[1] = da;
    out[2] = db;
    out[3] = dc;
  }
}
