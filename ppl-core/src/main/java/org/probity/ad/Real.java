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
      r[i] = xs[i].value;
    }
    return r;
  }

  /** The numeric value. */
  public double value() {
    return value;
  }

  /** Same as {@link #value()}, for readability in models. */
  public double doubleValue() {
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
    return binary(o, value + o.value, 1.0, 1.0);
  }

  /** this + c. */
  public Real plus(double c) {
    return unary(value + c, 1.0);
  }

  /** this - o. */
  public Real minus(Real o) {
    return binary(o, value - o.value, 1.0, -1.0);
  }

  /** this - c. */
  public Real minus(double c) {
    return unary(value - c, 1.0);
  }

  /** c - this. */
  public Real rminus(double c) {
    return unary(c - value, -1.0);
  }

  /**
   * 1 - this, as the mathematics reads ({@code w.oneMinus()} for 1 - w); the same as {@code rminus(1)}.
   *
   * @return 1 - this
   */
  public Real oneMinus() {
    return unary(1.0 - value, -1.0);
  }

  /**
   * c / this (the reversed division, as {@link #rminus} is the reversed subtraction).
   *
   * @param c the numerator
   * @return c / this
   */
  public Real rdiv(double c) {
    double r = c / value;
    return unary(r, -r / value);
  }

  /** this * o. */
  public Real times(Real o) {
    return binary(o, value * o.value, o.value, value);
  }

  /** this * c. */
  public Real times(double c) {
    return unary(value * c, c);
  }

  /** this / o. */
  public Real div(Real o) {
    double v = value / o.value;
    return binary(o, v, 1.0 / o.value, -v / o.value);
  }

  /** this / c. */
  public Real div(double c) {
    return unary(value / c, 1.0 / c);
  }

  /** -this. */
  public Real negate() {
    return unary(-value, -1.0);
  }

  /** this squared. */
  public Real square() {
    return unary(value * value, 2.0 * value);
  }

  /** Square root. */
  public Real sqrt() {
    double s = Math.sqrt(value);
    return unary(s, 0.5 / s);
  }

  /** e^this. */
  public Real exp() {
    double e = Math.exp(value);
    return unary(e, e);
  }

  /** Natural logarithm. */
  public Real log() {
    return unary(Math.log(value), 1.0 / value);
  }

  /** log(1 + this), accurate near zero. */
  public Real log1p() {
    return unary(Math.log1p(value), 1.0 / (1.0 + value));
  }

  /** e^this - 1, accurate near zero. */
  public Real expm1() {
    return unary(Math.expm1(value), Math.exp(value));
  }

  /** this^p for a constant exponent. */
  public Real pow(double p) {
    double v = Math.pow(value, p);
    return unary(v, p == 0 ? 0.0 : p * Math.pow(value, p - 1));
  }

  /** this^o. */
  public Real pow(Real o) {
    double v = Math.pow(value, o.value);
    double da = o.value == 0 ? 0.0 : o.value * Math.pow(value, o.value - 1);
    double db = v == 0 ? 0.0 : v * Math.log(value); // d/db x^b = x^b log x; 0 where x^b = 0
    return binary(o, v, da, db);
  }

  /** Absolute value (derivative sign(x), 0 at 0). */
  public Real abs() {
    return unary(Math.abs(value), Math.signum(value));
  }

  /** The logistic sigmoid 1 / (1 + e^-this); derivative s(x) s(-x), accurate in both tails. */
  public Real logistic() {
    double s = sigmoid(value);
    return unary(s, s * sigmoid(-value));
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
    return unary(Math.log(value) - Math.log1p(-value), 1.0 / (value * (1.0 - value)));
  }

  /**
   * The standard normal distribution function Phi(this) (Stan's {@code Phi}, the probit link's
   * inverse), accurate in both tails; derivative the standard normal density.
   *
   * @return Phi(this)
   */
  public Real normalCdf() {
    double p = 0.5 * Erfc.value(-value / Math.sqrt(2.0));
    return unary(p, Math.exp(-0.5 * value * value) / Math.sqrt(2 * Math.PI));
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
    return unary(softplus(value), sigmoid(value));
  }

  /** log of the logistic sigmoid, -log1pExp(-x), stable; one node with derivative logistic(-x). */
  public Real logLogistic() {
    return unary(-softplus(-value), sigmoid(-value));
  }

  /** log(1 - this), accurate near zero (defined for this &lt; 1). */
  public Real log1m() {
    return unary(Math.log1p(-value), -1.0 / (1.0 - value));
  }

  /**
   * log(1 - e^this) for this &lt;= 0, using the two-branch evaluation of Maechler, "Accurately
   * computing log(1 - exp(-|a|))" (2012); derivative -1 / expm1(-this).
   */
  public Real log1mExp() {
    double v = log1mExp(value);
    return unary(v, -1.0 / Math.expm1(-value));
  }

  /** log(e^this - e^o) for this &gt;= o, stable: this + log1mExp(o - this). */
  public Real logDiffExp(Real o) {
    double d = o.value - value;
    if (o.value == Double.NEGATIVE_INFINITY) {
      return binary(o, value, 1.0, 0.0);
    }
    double v = value + log1mExp(d);
    // d/dthis = e^a / (e^a - e^b) = -1/expm1(d); d/do = -e^b / (e^a - e^b) = 1/expm1(d) + 1
    double em = Math.expm1(d);
    return binary(o, v, -1.0 / em, 1.0 + 1.0 / em);
  }

  /** 1 / this. */
  public Real reciprocal() {
    double r = 1.0 / value;
    return unary(r, -r * r);
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
    return unary(t, 1.0 - t * t);
  }

  /** Sine. */
  public Real sin() {
    return unary(Math.sin(value), Math.cos(value));
  }

  /** Cosine. */
  public Real cos() {
    return unary(Math.cos(value), -Math.sin(value));
  }

  /** Arc tangent. */
  public Real atan() {
    return unary(Math.atan(value), 1.0 / (1.0 + value * value));
  }

  /** log Gamma(this) (Commons Numbers). */
  public Real logGamma() {
    return unary(LogGamma.value(value), Digamma.value(value));
  }

  /** The digamma function (derivative of log Gamma). */
  public Real digamma() {
    return unary(Digamma.value(value), Trigamma.value(value));
  }

  /** Maximum of two reals (the derivative follows the larger). */
  public Real max(Real o) {
    return value >= o.value ? this : o;
  }

  /** Minimum of two reals (the derivative follows the smaller). */
  public Real min(Real o) {
    return value <= o.value ? this : o;
  }

  @Override
  public int compareTo(Real o) {
    return Double.compare(value, o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Real r && Double.compare(r.value, value) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }

  @Override
  public String toString() {
    return Double.toString(value);
  }
}
