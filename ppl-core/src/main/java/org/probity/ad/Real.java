package org.probity.ad;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The scalar of continuous values and parameters: a plain double when no derivative is taken
 * ({@link #of}), a node of a reverse-mode {@link Tape} when one is.
 *
 * <p>Every operation checks whether an operand lives on a tape; constants never touch one, so
 * code written once over {@code Real} runs at double speed when no gradient is wanted. Mixing
 * nodes of two different tapes is an error.
 */
public final class Real implements Comparable<Real> {
  /** The constant 0. */
  public static final Real ZERO = new Real(0.0, null, -1);
  /** The constant 1. */
  public static final Real ONE = new Real(1.0, null, -1);
  /** The constant negative infinity (log of zero). */
  public static final Real NEGATIVE_INFINITY = new Real(Double.NEGATIVE_INFINITY, null, -1);

  private final double value;
  private final Tape tape;
  private final int index;

  Real(double value, Tape tape, int index) {
    this.value = value;
    this.tape = tape;
    this.index = index;
  }

  /** A constant (no derivative). */
  public static Real of(double value) {
    return new Real(value, null, -1);
  }

  /** Constants for every entry of the array. */
  public static Real[] of(double... values) {
    Real[] r = new Real[values.length];
    for (int i = 0; i < values.length; i++) {
      r[i] = of(values[i]);
    }
    return r;
  }

  /** The plain values of an array of reals. */
  public static double[] values(Real[] xs) {
    double[] r = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      r[i] = xs[i].value();
    }
    return r;
  }

  /**
   * The numeric value. On a tape recording a replayable program ({@link Tape#record}), reading the
   * value of a node makes the recording not replayable, since the reader may decide with it: decide
   * with {@link #test} instead where a replay should stay possible.
   */
  public double value() {
    Tape t = tape;
    if (t != null && t.program) {
      t.valueRead();
    }
    return value;
  }

  /** Same as {@link #value()}, for readability in models. */
  public double doubleValue() {
    return value();
  }

  /**
   * The outcome of a test of this value, recorded as a guard when this node is on a tape recording
   * a replayable program ({@link Tape#record}): a replay then checks that the test has the same
   * outcome, and is refused otherwise. This is how code branches on a value without making the
   * computation unreplayable ({@code x.test(v -> v < 0)} instead of {@code x.value() < 0}). The
   * test must be a pure function of the value.
   *
   * @param test the test
   * @return its outcome on this value
   */
  public boolean test(java.util.function.DoublePredicate test) {
    boolean r = test.test(value);
    Tape t = tape;
    if (t != null && t.program) {
      t.guard(index, test, r);
    }
    return r;
  }

  /**
   * The value, read without making a recording tape unreplayable (see {@link #value()}): only for
   * code that keeps the number for a double-valued path (a distribution's plain {@code logDensity})
   * and neither decides with it nor computes a {@code Real} from it. Everything else reads
   * {@link #value()}.
   *
   * @return the value
   */
  public double untrackedValue() {
    return value;
  }

  /** Whether this value is recorded on a tape (a gradient flows through it). */
  public boolean isVariable() {
    return tape != null;
  }

  /** The tape this node belongs to, or null for a constant. */
  public Tape tape() {
    return tape;
  }

  /** Index on the tape, or -1 for a constant. */
  public int index() {
    return index;
  }

  static Tape common(Real a, Real b) {
    if (a.tape == null) {
      return b.tape;
    }
    if (b.tape != null && b.tape != a.tape) {
      throw new IllegalStateException("cannot combine nodes of two different tapes (nested gradients are not supported)");
    }
    return a.tape;
  }

  /** Unary node: value v with local derivative d (with respect to this). */
  Real unary(double v, double d) {
    if (tape == null) {
      return new Real(v, null, -1);
    }
    return new Real(v, tape, tape.push1(index, d));
  }

  // A unary operation recorded with its code (and constant parameter c) for a replay (Tape.record).
  private Real un(byte op, double c, double v, double d) {
    Tape t = tape;
    if (t == null) {
      return new Real(v, null, -1);
    }
    int id = t.push1Op(index, d);
    if (t.program) {
      t.recordOp(id, op, index, 0, -1, c, -1, 0, 0, v);
    }
    return new Real(v, t, id);
  }

  // A binary operation recorded with its code; a constant operand is recorded by value.
  private Real bin(byte op, Real o, double v, double da, double db) {
    Tape t = common(this, o);
    if (t == null) {
      return new Real(v, null, -1);
    }
    int id;
    if (tape == null) {
      id = t.push1Op(o.index, db);
    } else if (o.tape == null) {
      id = t.push1Op(index, da);
    } else {
      id = t.push2Op(index, da, o.index, db);
    }
    if (t.program) {
      t.recordOp(id, op, index, value, o.index, o.value, -1, 0, 0, v);
    }
    return new Real(v, t, id);
  }

  /**
   * The normal log density log N(x | mu, sigma) as one node (Stan's {@code normal_lpdf} with its
   * analytic partials: -z / sigma, z / sigma, (z^2 - 1) / sigma for z = (x - mu) / sigma).
   * {@code logSigma} is log(sigma) precomputed for a constant sigma; for a variable sigma it is
   * recomputed here.
   */
  static Real normalLpdf(Real x, Real mu, Real sigma, double logSigma) {
    return lpdf3(Ops.NORMAL_LPDF, x, mu, sigma, logSigma);
  }

  /** The Cauchy log density log Cauchy(x | loc, scale) as one node; as {@link #normalLpdf}. */
  static Real cauchyLpdf(Real x, Real loc, Real scale, double logScale) {
    return lpdf3(Ops.CAUCHY_LPDF, x, loc, scale, logScale);
  }

  private static Real lpdf3(byte op, Real x, Real mu, Real sigma, double logSigma) {
    double aux = sigma.tape == null ? logSigma : Math.log(sigma.value);
    double[] out = new double[4];
    Ops.forward(op, x.value, mu.value, sigma.value, aux, out);
    Tape t = common(common3(x, mu), sigma);
    if (t == null) {
      return new Real(out[0], null, -1);
    }
    int id;
    int n = (x.tape == null ? 0 : 1) + (mu.tape == null ? 0 : 1) + (sigma.tape == null ? 0 : 1);
    if (n == 1) {
      id = x.tape != null ? t.push1Op(x.index, out[1]) : mu.tape != null ? t.push1Op(mu.index, out[2])
          : t.push1Op(sigma.index, out[3]);
    } else {
      int[] ps = {x.index, mu.index, sigma.index};
      id = t.pushNOp(ps, new double[] {out[1], out[2], out[3]}, 3);
    }
    if (t.program) {
      t.recordOp(id, op, x.index, x.value, mu.index, mu.value, sigma.index, sigma.value, aux, out[0]);
    }
    return new Real(out[0], t, id);
  }

  private static Real common3(Real a, Real b) {
    Tape t = common(a, b);
    return t == null ? ZERO : t == a.tape ? a : b;
  }

  /** The sum of the entries as one node; replayable when every entry is a variable. */
  static Real sum(Real[] xs) {
    double s = 0;
    Tape t = null;
    int variables = 0;
    for (Real x : xs) {
      s += x.value;
      if (x.tape != null) {
        if (t != null && t != x.tape) {
          throw new IllegalStateException("cannot combine nodes of two different tapes");
        }
        t = x.tape;
        variables++;
      }
    }
    if (t == null) {
      return new Real(s, null, -1);
    }
    int[] ps = new int[xs.length];
    double[] d = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ps[i] = xs[i].index;
      d[i] = 1.0;
    }
    int id = t.pushNOp(ps, d, xs.length);
    if (t.program) {
      if (variables == xs.length) {
        t.recordOp(id, Ops.SUM, -1, 0, -1, 0, -1, 0, 0, s);
      } else {
        t.valueRead(); // constants interleaved in the sum: not replayed in the same order
      }
    }
    return new Real(s, t, id);
  }

  Real binary(Real o, double v, double da, double db) {
    Tape t = common(this, o);
    if (t == null) {
      return new Real(v, null, -1);
    }
    int id;
    if (tape == null) {
      id = t.push1(o.index, db);
    } else if (o.tape == null) {
      id = t.push1(index, da);
    } else {
      id = t.push2(index, da, o.index, db);
    }
    return new Real(v, t, id);
  }

  /** this + o. */
  public Real plus(Real o) {
    return bin(Ops.PLUS, o, value + o.value, 1.0, 1.0);
  }

  /** this + c. */
  public Real plus(double c) {
    return un(Ops.PLUS_C, c, value + c, 1.0);
  }

  /** this - o. */
  public Real minus(Real o) {
    return bin(Ops.MINUS, o, value - o.value, 1.0, -1.0);
  }

  /** this - c. */
  public Real minus(double c) {
    return un(Ops.MINUS_C, c, value - c, 1.0);
  }

  /** c - this. */
  public Real rminus(double c) {
    return un(Ops.RMINUS_C, c, c - value, -1.0);
  }

  /**
   * 1 - this, as the mathematics reads ({@code w.oneMinus()} for 1 - w); the same as {@code rminus(1)}.
   *
   * @return 1 - this
   */
  public Real oneMinus() {
    return un(Ops.RMINUS_C, 1.0, 1.0 - value, -1.0);
  }

  /**
   * c / this (the reversed division, as {@link #rminus} is the reversed subtraction).
   *
   * @param c the numerator
   * @return c / this
   */
  public Real rdiv(double c) {
    double r = c / value;
    return un(Ops.RDIV_C, c, r, -r / value);
  }

  /** this * o. */
  public Real times(Real o) {
    return bin(Ops.TIMES, o, value * o.value, o.value, value);
  }

  /** this * c. */
  public Real times(double c) {
    return un(Ops.TIMES_C, c, value * c, c);
  }

  /** this / o. */
  public Real div(Real o) {
    double v = value / o.value;
    return bin(Ops.DIV, o, v, 1.0 / o.value, -v / o.value);
  }

  /** this / c. */
  public Real div(double c) {
    return un(Ops.DIV_C, c, value / c, 1.0 / c);
  }

  /** -this. */
  public Real negate() {
    return un(Ops.NEGATE, 0, -value, -1.0);
  }

  /** this squared. */
  public Real square() {
    return un(Ops.SQUARE, 0, value * value, 2.0 * value);
  }

  /** Square root. */
  public Real sqrt() {
    double s = Math.sqrt(value);
    return un(Ops.SQRT, 0, s, 0.5 / s);
  }

  /** e^this. */
  public Real exp() {
    double e = Math.exp(value);
    return un(Ops.EXP, 0, e, e);
  }

  /** Natural logarithm. */
  public Real log() {
    return un(Ops.LOG, 0, Math.log(value), 1.0 / value);
  }

  /** log(1 + this), accurate near zero. */
  public Real log1p() {
    return un(Ops.LOG1P, 0, Math.log1p(value), 1.0 / (1.0 + value));
  }

  /** e^this - 1, accurate near zero. */
  public Real expm1() {
    return un(Ops.EXPM1, 0, Math.expm1(value), Math.exp(value));
  }

  /** this^p for a constant exponent. */
  public Real pow(double p) {
    double v = Math.pow(value, p);
    return un(Ops.POW_C, p, v, p == 0 ? 0.0 : p * Math.pow(value, p - 1));
  }

  /** this^o. */
  public Real pow(Real o) {
    double v = Math.pow(value, o.value);
    double da = o.value == 0 ? 0.0 : o.value * Math.pow(value, o.value - 1);
    double db = v == 0 ? 0.0 : v * Math.log(value); // d/db x^b = x^b log x; 0 where x^b = 0
    return bin(Ops.POW, o, v, da, db);
  }

  /** Absolute value (derivative sign(x), 0 at 0). */
  public Real abs() {
    return un(Ops.ABS, 0, Math.abs(value), Math.signum(value));
  }

  /** The logistic sigmoid 1 / (1 + e^-this); derivative s(x) s(-x), accurate in both tails. */
  public Real logistic() {
    double s = sigmoid(value);
    return un(Ops.LOGISTIC, 0, s, s * sigmoid(-value));
  }

  /**
   * The inverse logit 1 / (1 + e^-this) (Stan's {@code inv_logit}); the same as {@link #logistic}.
   *
   * @return the probability whose log-odds this is
   */
  public Real inverseLogit() {
    return logistic();
  }

  /**
   * The log-odds log(this / (1 - this)) of a probability in (0, 1); derivative 1 / (this (1 - this)).
   *
   * @return the logit
   */
  public Real logit() {
    return un(Ops.LOGIT, 0, Math.log(value) - Math.log1p(-value), 1.0 / (value * (1.0 - value)));
  }

  /**
   * The standard normal distribution function Phi(this) (Stan's {@code Phi}, the probit link's
   * inverse), accurate in both tails; derivative the standard normal density.
   *
   * @return Phi(this)
   */
  public Real normalCdf() {
    double p = 0.5 * Erfc.value(-value / Math.sqrt(2.0));
    return un(Ops.NORMAL_CDF, 0, p, Math.exp(-0.5 * value * value) / Math.sqrt(2 * Math.PI));
  }

  /**
   * 1 / this; the same as {@link #reciprocal}, by the name a statistician may look for (a precision's
   * inverse is a variance).
   *
   * @return 1 / this
   */
  public Real inverse() {
    return reciprocal();
  }

  /** log(1 + e^this) (softplus), stable for large |x|; derivative logistic(x). */
  public Real log1pExp() {
    return un(Ops.LOG1P_EXP, 0, softplus(value), sigmoid(value));
  }

  /** log of the logistic sigmoid, -log1pExp(-x), stable; one node with derivative logistic(-x). */
  public Real logLogistic() {
    return un(Ops.LOG_LOGISTIC, 0, -softplus(-value), sigmoid(-value));
  }

  /** log(1 - this), accurate near zero (defined for this &lt; 1). */
  public Real log1m() {
    return un(Ops.LOG1M, 0, Math.log1p(-value), -1.0 / (1.0 - value));
  }

  /**
   * log(1 - e^this) for this &lt;= 0, using the two-branch evaluation of Maechler, "Accurately
   * computing log(1 - exp(-|a|))" (2012); derivative -1 / expm1(-this).
   */
  public Real log1mExp() {
    double v = log1mExp(value);
    return un(Ops.LOG1M_EXP, 0, v, -1.0 / Math.expm1(-value));
  }

  /** log(e^this - e^o) for this &gt;= o, stable: this + log1mExp(o - this). */
  public Real logDiffExp(Real o) {
    double d = o.value - value;
    if (o.value == Double.NEGATIVE_INFINITY) {
      return bin(Ops.LOG_DIFF_EXP, o, value, 1.0, 0.0);
    }
    double v = value + log1mExp(d);
    // d/dthis = e^a / (e^a - e^b) = -1/expm1(d); d/do = -e^b / (e^a - e^b) = 1/expm1(d) + 1
    double em = Math.expm1(d);
    return bin(Ops.LOG_DIFF_EXP, o, v, -1.0 / em, 1.0 + 1.0 / em);
  }

  /** 1 / this. */
  public Real reciprocal() {
    double r = 1.0 / value;
    return un(Ops.RECIPROCAL, 0, r, -r * r);
  }

  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  static double log1mExp(double x) {
    if (x > 0) {
      return Double.NaN;
    }
    return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }

  /** Hyperbolic tangent. */
  public Real tanh() {
    double t = Math.tanh(value);
    return un(Ops.TANH, 0, t, 1.0 - t * t);
  }

  /** Sine. */
  public Real sin() {
    return un(Ops.SIN, 0, Math.sin(value), Math.cos(value));
  }

  /** Cosine. */
  public Real cos() {
    return un(Ops.COS, 0, Math.cos(value), -Math.sin(value));
  }

  /** Arc tangent. */
  public Real atan() {
    return un(Ops.ATAN, 0, Math.atan(value), 1.0 / (1.0 + value * value));
  }

  /** log Gamma(this) (Commons Numbers). */
  public Real logGamma() {
    return un(Ops.LOG_GAMMA, 0, LogGamma.value(value), Digamma.value(value));
  }

  /** The digamma function (derivative of log Gamma). */
  public Real digamma() {
    return un(Ops.DIGAMMA, 0, Digamma.value(value), Trigamma.value(value));
  }

  /** Maximum of two reals (the derivative follows the larger). */
  public Real max(Real o) {
    return value() >= o.value() ? this : o;
  }

  /** Minimum of two reals (the derivative follows the smaller). */
  public Real min(Real o) {
    return value() <= o.value() ? this : o;
  }

  @Override
  public int compareTo(Real o) {
    return Double.compare(value(), o.value());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Real r && Double.compare(r.value(), value()) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value());
  }

  @Override
  public String toString() {
    return Double.toString(value());
  }
}
