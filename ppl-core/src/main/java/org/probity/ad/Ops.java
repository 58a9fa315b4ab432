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
   * {@code out[1..3]}. Each operation is also a static method of its own ({@link #method}), which
   * compiled tapes ({@link TapeCompiler}) call directly.
   */
  static void forward(byte op, double a, double b, double c, double aux, double[] out) {
    switch (op) {
      case PLUS -> opPlus(a, b, c, aux, out);
      case PLUS_C -> opPlusC(a, b, c, aux, out);
      case MINUS -> opMinus(a, b, c, aux, out);
      case MINUS_C -> opMinusC(a, b, c, aux, out);
      case RMINUS_C -> opRminusC(a, b, c, aux, out);
      case RDIV_C -> opRdivC(a, b, c, aux, out);
      case TIMES -> opTimes(a, b, c, aux, out);
      case TIMES_C -> opTimesC(a, b, c, aux, out);
      case DIV -> opDiv(a, b, c, aux, out);
      case DIV_C -> opDivC(a, b, c, aux, out);
      case NEGATE -> opNegate(a, b, c, aux, out);
      case SQUARE -> opSquare(a, b, c, aux, out);
      case SQRT -> opSqrt(a, b, c, aux, out);
      case EXP -> opExp(a, b, c, aux, out);
      case LOG -> opLog(a, b, c, aux, out);
      case LOG1P -> opLog1p(a, b, c, aux, out);
      case EXPM1 -> opExpm1(a, b, c, aux, out);
      case POW_C -> opPowC(a, b, c, aux, out);
      case POW -> opPow(a, b, c, aux, out);
      case ABS -> opAbs(a, b, c, aux, out);
      case LOGISTIC -> opLogistic(a, b, c, aux, out);
      case LOGIT -> opLogit(a, b, c, aux, out);
      case NORMAL_CDF -> opNormalCdf(a, b, c, aux, out);
      case LOG1P_EXP -> opLog1pExp(a, b, c, aux, out);
      case LOG_LOGISTIC -> opLogLogistic(a, b, c, aux, out);
      case LOG1M -> opLog1m(a, b, c, aux, out);
      case LOG1M_EXP -> opLog1mExp(a, b, c, aux, out);
      case LOG_DIFF_EXP -> opLogDiffExp(a, b, c, aux, out);
      case RECIPROCAL -> opReciprocal(a, b, c, aux, out);
      case TANH -> opTanh(a, b, c, aux, out);
      case SIN -> opSin(a, b, c, aux, out);
      case COS -> opCos(a, b, c, aux, out);
      case ATAN -> opAtan(a, b, c, aux, out);
      case LOG_GAMMA -> opLogGamma(a, b, c, aux, out);
      case DIGAMMA -> opDigamma(a, b, c, aux, out);
      case NORMAL_LPDF -> opNormalLpdf(a, b, c, aux, out);
      case CAUCHY_LPDF -> opCauchyLpdf(a, b, c, aux, out);
      default -> throw new IllegalStateException("no forward evaluation for tape operation " + op);
    }
  }

  /**
   * The name of the static method computing only the value of {@code op} (signature
   * {@code (DDDD)D}; the value its {@link #method} writes, by the same method), or null for LEAF,
   * SUM and OPAQUE.
   */
  static String valueMethod(byte op) {
    String m = method(op);
    return m == null ? null : "val" + m.substring(2);
  }

  /** The name of the static method evaluating {@code op} (signature {@code (DDDD[D)V}), or null for LEAF, SUM and OPAQUE. */
  static String method(byte op) {
    return switch (op) {
      case PLUS -> "opPlus";
      case PLUS_C -> "opPlusC";
      case MINUS -> "opMinus";
      case MINUS_C -> "opMinusC";
      case RMINUS_C -> "opRminusC";
      case RDIV_C -> "opRdivC";
      case TIMES -> "opTimes";
      case TIMES_C -> "opTimesC";
      case DIV -> "opDiv";
      case DIV_C -> "opDivC";
      case NEGATE -> "opNegate";
      case SQUARE -> "opSquare";
      case SQRT -> "opSqrt";
      case EXP -> "opExp";
      case LOG -> "opLog";
      case LOG1P -> "opLog1p";
      case EXPM1 -> "opExpm1";
      case POW_C -> "opPowC";
      case POW -> "opPow";
      case ABS -> "opAbs";
      case LOGISTIC -> "opLogistic";
      case LOGIT -> "opLogit";
      case NORMAL_CDF -> "opNormalCdf";
      case LOG1P_EXP -> "opLog1pExp";
      case LOG_LOGISTIC -> "opLogLogistic";
      case LOG1M -> "opLog1m";
      case LOG1M_EXP -> "opLog1mExp";
      case LOG_DIFF_EXP -> "opLogDiffExp";
      case RECIPROCAL -> "opReciprocal";
      case TANH -> "opTanh";
      case SIN -> "opSin";
      case COS -> "opCos";
      case ATAN -> "opAtan";
      case LOG_GAMMA -> "opLogGamma";
      case DIGAMMA -> "opDigamma";
      case NORMAL_LPDF -> "opNormalLpdf";
      case CAUCHY_LPDF -> "opCauchyLpdf";
      default -> null;
    };
  }

  static double valPlus(double a, double b, double c, double aux) {
    return a + b;
  }

  static void opPlus(double a, double b, double c, double aux, double[] out) {
    double v = valPlus(a, b, c, aux);
    put(out, v, 1.0, 1.0, 0);
  }

  static double valPlusC(double a, double b, double c, double aux) {
    return a + b;
  }

  static void opPlusC(double a, double b, double c, double aux, double[] out) {
    double v = valPlusC(a, b, c, aux);
    put(out, v, 1.0, 0, 0);
  }

  static double valMinus(double a, double b, double c, double aux) {
    return a - b;
  }

  static void opMinus(double a, double b, double c, double aux, double[] out) {
    double v = valMinus(a, b, c, aux);
    put(out, v, 1.0, -1.0, 0);
  }

  static double valMinusC(double a, double b, double c, double aux) {
    return a - b;
  }

  static void opMinusC(double a, double b, double c, double aux, double[] out) {
    double v = valMinusC(a, b, c, aux);
    put(out, v, 1.0, 0, 0);
  }

  static double valRminusC(double a, double b, double c, double aux) {
    return b - a;
  }

  static void opRminusC(double a, double b, double c, double aux, double[] out) {
    double v = valRminusC(a, b, c, aux);
    put(out, v, -1.0, 0, 0);
  }

  static double valRdivC(double a, double b, double c, double aux) {
    return b / a;
  }

  static void opRdivC(double a, double b, double c, double aux, double[] out) {
    double v = valRdivC(a, b, c, aux);
    put(out, v, -v / a, 0, 0);
  }

  static double valTimes(double a, double b, double c, double aux) {
    return a * b;
  }

  static void opTimes(double a, double b, double c, double aux, double[] out) {
    double v = valTimes(a, b, c, aux);
    put(out, v, b, a, 0);
  }

  static double valTimesC(double a, double b, double c, double aux) {
    return a * b;
  }

  static void opTimesC(double a, double b, double c, double aux, double[] out) {
    double v = valTimesC(a, b, c, aux);
    put(out, v, b, 0, 0);
  }

  static double valDiv(double a, double b, double c, double aux) {
    return a / b;
  }

  static void opDiv(double a, double b, double c, double aux, double[] out) {
    double v = valDiv(a, b, c, aux);
    put(out, v, 1.0 / b, -v / b, 0);
  }

  static double valDivC(double a, double b, double c, double aux) {
    return a / b;
  }

  static void opDivC(double a, double b, double c, double aux, double[] out) {
    double v = valDivC(a, b, c, aux);
    put(out, v, 1.0 / b, 0, 0);
  }

  static double valNegate(double a, double b, double c, double aux) {
    return -a;
  }

  static void opNegate(double a, double b, double c, double aux, double[] out) {
    double v = valNegate(a, b, c, aux);
    put(out, v, -1.0, 0, 0);
  }

  static double valSquare(double a, double b, double c, double aux) {
    return a * a;
  }

  static void opSquare(double a, double b, double c, double aux, double[] out) {
    double v = valSquare(a, b, c, aux);
    put(out, v, 2.0 * a, 0, 0);
  }

  static double valSqrt(double a, double b, double c, double aux) {
    return Math.sqrt(a);
  }

  static void opSqrt(double a, double b, double c, double aux, double[] out) {
    double v = valSqrt(a, b, c, aux);
    put(out, v, 0.5 / v, 0, 0);
  }

  static double valExp(double a, double b, double c, double aux) {
    return Math.exp(a);
  }

  static void opExp(double a, double b, double c, double aux, double[] out) {
    double v = valExp(a, b, c, aux);
    put(out, v, v, 0, 0);
  }

  static double valLog(double a, double b, double c, double aux) {
    return Math.log(a);
  }

  static void opLog(double a, double b, double c, double aux, double[] out) {
    double v = valLog(a, b, c, aux);
    put(out, v, 1.0 / a, 0, 0);
  }

  static double valLog1p(double a, double b, double c, double aux) {
    return Math.log1p(a);
  }

  static void opLog1p(double a, double b, double c, double aux, double[] out) {
    double v = valLog1p(a, b, c, aux);
    put(out, v, 1.0 / (1.0 + a), 0, 0);
  }

  static double valExpm1(double a, double b, double c, double aux) {
    return Math.expm1(a);
  }

  static void opExpm1(double a, double b, double c, double aux, double[] out) {
    double v = valExpm1(a, b, c, aux);
    put(out, v, Math.exp(a), 0, 0);
  }

  static double valPowC(double a, double b, double c, double aux) {
    return Math.pow(a, b);
  }

  static void opPowC(double a, double b, double c, double aux, double[] out) {
    double v = valPowC(a, b, c, aux);
    put(out, v, b == 0 ? 0.0 : b * Math.pow(a, b - 1), 0, 0);
  }

  static double valPow(double a, double b, double c, double aux) {
    return Math.pow(a, b);
  }

  static void opPow(double a, double b, double c, double aux, double[] out) {
    double v = valPow(a, b, c, aux);
    put(out, v, b == 0 ? 0.0 : b * Math.pow(a, b - 1), v == 0 ? 0.0 : v * Math.log(a), 0);
  }

  static double valAbs(double a, double b, double c, double aux) {
    return Math.abs(a);
  }

  static void opAbs(double a, double b, double c, double aux, double[] out) {
    double v = valAbs(a, b, c, aux);
    put(out, v, Math.signum(a), 0, 0);
  }

  static double valLogistic(double a, double b, double c, double aux) {
    return Real.sigmoid(a);
  }

  static void opLogistic(double a, double b, double c, double aux, double[] out) {
    double v = valLogistic(a, b, c, aux);
    put(out, v, v * Real.sigmoid(-a), 0, 0);
  }

  static double valLogit(double a, double b, double c, double aux) {
    return Math.log(a) - Math.log1p(-a);
  }

  static void opLogit(double a, double b, double c, double aux, double[] out) {
    double v = valLogit(a, b, c, aux);
    put(out, v, 1.0 / (a * (1.0 - a)), 0, 0);
  }

  static double valNormalCdf(double a, double b, double c, double aux) {
    return 0.5 * Erfc.value(-a / Math.sqrt(2.0));
  }

  static void opNormalCdf(double a, double b, double c, double aux, double[] out) {
    double v = valNormalCdf(a, b, c, aux);
    put(out, v, Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI), 0, 0);
  }

  static double valLog1pExp(double a, double b, double c, double aux) {
    return Real.softplus(a);
  }

  static void opLog1pExp(double a, double b, double c, double aux, double[] out) {
    double v = valLog1pExp(a, b, c, aux);
    put(out, v, Real.sigmoid(a), 0, 0);
  }

  static double valLogLogistic(double a, double b, double c, double aux) {
    return -Real.softplus(-a);
  }

  static void opLogLogistic(double a, double b, double c, double aux, double[] out) {
    double v = valLogLogistic(a, b, c, aux);
    put(out, v, Real.sigmoid(-a), 0, 0);
  }

  static double valLog1m(double a, double b, double c, double aux) {
    return Math.log1p(-a);
  }

  static void opLog1m(double a, double b, double c, double aux, double[] out) {
    double v = valLog1m(a, b, c, aux);
    put(out, v, -1.0 / (1.0 - a), 0, 0);
  }

  static double valLog1mExp(double a, double b, double c, double aux) {
    return Real.log1mExp(a);
  }

  static void opLog1mExp(double a, double b, double c, double aux, double[] out) {
    double v = valLog1mExp(a, b, c, aux);
    put(out, v, -1.0 / Math.expm1(-a), 0, 0);
  }

  static double valReciprocal(double a, double b, double c, double aux) {
    return 1.0 / a;
  }

  static void opReciprocal(double a, double b, double c, double aux, double[] out) {
    double v = valReciprocal(a, b, c, aux);
    put(out, v, -v * v, 0, 0);
  }

  static double valTanh(double a, double b, double c, double aux) {
    return Math.tanh(a);
  }

  static void opTanh(double a, double b, double c, double aux, double[] out) {
    double v = valTanh(a, b, c, aux);
    put(out, v, 1.0 - v * v, 0, 0);
  }

  static double valSin(double a, double b, double c, double aux) {
    return Math.sin(a);
  }

  static void opSin(double a, double b, double c, double aux, double[] out) {
    double v = valSin(a, b, c, aux);
    put(out, v, Math.cos(a), 0, 0);
  }

  static double valCos(double a, double b, double c, double aux) {
    return Math.cos(a);
  }

  static void opCos(double a, double b, double c, double aux, double[] out) {
    double v = valCos(a, b, c, aux);
    put(out, v, -Math.sin(a), 0, 0);
  }

  static double valAtan(double a, double b, double c, double aux) {
    return Math.atan(a);
  }

  static void opAtan(double a, double b, double c, double aux, double[] out) {
    double v = valAtan(a, b, c, aux);
    put(out, v, 1.0 / (1.0 + a * a), 0, 0);
  }

  static double valLogGamma(double a, double b, double c, double aux) {
    return LogGamma.value(a);
  }

  static void opLogGamma(double a, double b, double c, double aux, double[] out) {
    double v = valLogGamma(a, b, c, aux);
    put(out, v, Digamma.value(a), 0, 0);
  }

  static double valDigamma(double a, double b, double c, double aux) {
    return Digamma.value(a);
  }

  static void opDigamma(double a, double b, double c, double aux, double[] out) {
    double v = valDigamma(a, b, c, aux);
    put(out, v, Trigamma.value(a), 0, 0);
  }

  static double valLogDiffExp(double a, double b, double c, double aux) {
    return b == Double.NEGATIVE_INFINITY ? a : a + Real.log1mExp(b - a);
  }

  static void opLogDiffExp(double a, double b, double c, double aux, double[] out) {
    double v = valLogDiffExp(a, b, c, aux);
    if (b == Double.NEGATIVE_INFINITY) {
      put(out, v, 1.0, 0, 0);
    } else {
      double em = Math.expm1(b - a);
      put(out, v, -1.0 / em, 1.0 + 1.0 / em, 0);
    }
  }

  static double valNormalLpdf(double a, double b, double c, double aux) {
    // a = x, b = mu, c = sigma; aux = log sigma
    double z = (a - b) / c;
    return -0.5 * z * z - aux - HALF_LOG_TWO_PI;
  }

  static void opNormalLpdf(double a, double b, double c, double aux, double[] out) {
    double z = (a - b) / c;
    double g = z / c;
    put(out, valNormalLpdf(a, b, c, aux), -g, g, (z * z - 1.0) / c);
  }

  static double valCauchyLpdf(double a, double b, double c, double aux) {
    // a = x, b = location, c = scale; aux = log scale: -log(pi) - log(s) - log1p(z^2)
    double z = (a - b) / c;
    return -LOG_PI - aux - Math.log1p(z * z);
  }

  static void opCauchyLpdf(double a, double b, double c, double aux, double[] out) {
    double z = (a - b) / c;
    double q = 1.0 + z * z;
    double g = 2.0 * z / (q * c);
    put(out, valCauchyLpdf(a, b, c, aux), -g, g, (z * z - 1.0) / (q * c));
  }

  // The value and the partials with respect to a, b, c.
  private static void put(double[] out, double v, double da, double db, double dc) {
    out[0] = v;
    out[1] = da;
    out[2] = db;
    out[3] = dc;
  }
}
