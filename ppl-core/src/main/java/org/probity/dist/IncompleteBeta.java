package org.probity.dist;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * The derivatives of the regularised incomplete beta function I_x(a, b) in both shapes, and the
 * implicit-reparameterisation derivatives of a Beta(a, b) draw x, dx/da = -(dI/da) / f(x) and
 * likewise for b (Figurnov, Mohamed and Mnih, "Implicit Reparameterization Gradients", NeurIPS
 * 2018).
 *
 * <p>I_x(a, b) = x^a (1-x)^b / (a B(a, b)) K with K the continued fraction of Numerical Recipes
 * ({@code betacf}, from Abramowitz and Stegun 26.5.8), used for x &lt; (a + 1) / (a + b + 2) and
 * through the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) otherwise; it is evaluated by the modified
 * Lentz method with the derivatives of every partial convergent in a and b carried along
 * (forward mode, as Boik and Robison-Cox, "Derivatives of the incomplete beta function", J.
 * Statistical Software 1998, do for the same expansion), until the relative change of the value
 * and of both derivatives is below 1e-15. Callers pass x and y = 1 - x separately so that a
 * value near 1 (the Student t near its median) keeps its precision. The ratio I / f is formed
 * without exponentials.
 */
final class IncompleteBeta {
  private static final double EPS = 1e-15;
  private static final double TINY = 1e-300;
  private static final int MAX_TERMS = 10_000_000;

  private IncompleteBeta() {
  }

  /** The log-derivatives of I_x(p, q) in p and q, and the ratio I / f. */
  private record Expansion(double dLogP, double dLogQ, double ratio) {
  }

  // Lentz state: the current d and c with their log-derivatives in p and q.
  private static final class Lentz {
    double d;
    double dp;
    double dq;
    double c = 1;
    double cp;
    double cq;
    double h;
    double hp;
    double hq;

    // Applies one partial numerator aa (with derivatives ap, aq) and returns del - 1.
    double step(double aa, double ap, double aq) {
      double den = 1 + aa * d;
      double denP = ap * d + aa * d * dp;
      double denQ = aq * d + aa * d * dq;
      if (Math.abs(den) < TINY) {
        den = TINY;
      }
      d = 1 / den;
      dp = -denP / den;
      dq = -denQ / den;
      double cn = 1 + aa / c;
      double cnP = ap / c - aa * cp / c;
      double cnQ = aq / c - aa * cq / c;
      if (Math.abs(cn) < TINY) {
        cn = TINY;
      }
      c = cn;
      cp = cnP / cn;
      cq = cnQ / cn;
      double del = d * c;
      h *= del;
      hp += dp + cp;
      hq += dq + cq;
      return del - 1;
    }
  }

  // The expansion of I_x(p, q) for x < (p + 1) / (p + q + 2), y = 1 - x.
  private static Expansion expand(double p, double q, double x, double y) {
    double qab = p + q;
    double qap = p + 1;
    Lentz s = new Lentz();
    double d0 = 1 - qab * x / qap;
    double d0p = -x * (1 - q) / (qap * qap);
    double d0q = -x / qap;
    if (Math.abs(d0) < TINY) {
      d0 = TINY;
    }
    s.d = 1 / d0;
    s.dp = -d0p / d0;
    s.dq = -d0q / d0;
    s.h = s.d;
    s.hp = s.dp;
    s.hq = s.dq;
    for (int m = 1; m < MAX_TERMS; m++) {
      double e1 = p + 2 * m - 1;
      double e2 = p + 2 * m;
      double aa = m * (q - m) * x / (e1 * e2);
      s.step(aa, -aa * (1 / e1 + 1 / e2), m * x / (e1 * e2));
      double e3 = p + 2 * m + 1;
      aa = -(p + m) * (qab + m) * x / (e2 * e3);
      double stepP = s.hp;
      double stepQ = s.hq;
      double delta = s.step(aa, aa * (1 / (p + m) + 1 / (qab + m) - 1 / e2 - 1 / e3), aa / (qab + m));
      double changeP = Math.abs(s.hp - stepP);
      double changeQ = Math.abs(s.hq - stepQ);
      if (Math.abs(delta) <= EPS && changeP <= EPS * Math.max(1, Math.abs(s.hp)) && changeQ <= EPS * Math.max(1, Math.abs(s.hq))) {
        double psiPq = Digamma.value(qab);
        double dLogP = Math.log(x) - Digamma.value(p) + psiPq - 1 / p + s.hp;
        double dLogQ = Math.log(y) - Digamma.value(q) + psiPq + s.hq;
        return new Expansion(dLogP, dLogQ, x * y * s.h / p);
      }
    }
    throw new ArithmeticException("incomplete beta derivative: no convergence for shapes " + p + ", " + q + " at x " + x);
  }

  /**
   * {dx/da, dx/db} at fixed I_x(a, b) for a Beta(a, b) draw x, y = 1 - x; zeros at the end
   * points (the draw does not move there).
   */
  static double[] implicitShapeDerivatives(double a, double b, double x, double y) {
    if (!(x > 0) || !(y > 0)) {
      return new double[] {0, 0};
    }
    if (x < (a + 1) / (a + b + 2)) {
      Expansion e = expand(a, b, x, y);
      return new double[] {-e.ratio() * e.dLogP(), -e.ratio() * e.dLogQ()};
    }
    // I_x(a, b) = 1 - J with J = I_y(b, a): dx/da = J dLogJ/da / f, and J / f is the ratio of J.
    Expansion e = expand(b, a, y, x);
    return new double[] {e.ratio() * e.dLogQ(), e.ratio() * e.dLogP()};
  }

  /** {dI_x(a, b)/da, dI_x(a, b)/db}, y = 1 - x. */
  static double[] shapeDerivatives(double a, double b, double x, double y) {
    double[] dx = implicitShapeDerivatives(a, b, x, y);
    if (dx[0] == 0 && dx[1] == 0) {
      return dx;
    }
    double f = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(y) - LogBeta.value(a, b));
    return new double[] {-f * dx[0], -f * dx[1]};
  }
}
