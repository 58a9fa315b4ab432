package org.probity.proofs.vi;

import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Bernoulli;
import org.probity.dist.Categorical;
import org.probity.dist.Distribution;
import org.probity.semantics.Enumerator;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.Tagged;
import org.probity.vi.param.Init;

/**
 * A generated finite objective program: parameters theta, then a chain of discrete choices
 * (Bernoulli, or Categorical over three values), each with logits linear in theta and in the
 * earlier choices' values and its own gradient estimator, returning
 * f = e0 + e . theta + q theta_0^2 + sum_s (g_s + h_s . theta) v_s + sum_{s < t} m_st v_s v_t,
 * v_s the value of choice s (0/1 or 0/1/2). Printable, so a shrunk counterexample reads as a program.
 *
 * @param theta the parameter values
 * @param sites the choices in order
 * @param e0 the constant of f
 * @param e the coefficients of theta in f
 * @param q the coefficient of theta_0^2
 * @param g per choice, the constant coefficient of its value
 * @param h per choice, the coefficients of theta times its value
 * @param m the coefficients of products of two choices' values (m[s][t] for s &lt; t)
 */
record FiniteObjective(double[] theta, List<Choice> sites, double e0, double[] e, double q, double[] g, double[][] h,
    double[][] m) {

  /**
   * One choice: k = 2 (Bernoulli of logistic(logit)) or 3 (Categorical of softmax(logits)); logit
   * r = c[r] + a[r] . theta + sum_{t < s} b[r][t] v_t; its estimator by name.
   */
  record Choice(int k, double[][] a, double[][] b, double[] c, String estimator) {
  }

  int parameters() {
    return theta.length;
  }

  /** The objective program at the given parameter values, estimators from {@code estimators}. */
  Prob<Real> program(Real[] th, Function<String, Estimator> estimators) {
    return step(th, 0, new double[sites.size()], estimators);
  }

  private Prob<Real> step(Real[] th, int s, double[] v, Function<String, Estimator> estimators) {
    if (s == sites.size()) {
      return pure(value(th, v));
    }
    Choice c = sites.get(s);
    Real[] logits = new Real[c.k() == 2 ? 1 : c.k()];
    for (int r = 0; r < logits.length; r++) {
      Real l = Real.of(c.c()[r]);
      for (int i = 0; i < th.length; i++) {
        l = l.plus(th[i].times(c.a()[r][i]));
      }
      double fromValues = 0;
      for (int t = 0; t < s; t++) {
        fromValues += c.b()[r][t] * v[t];
      }
      logits[r] = l.plus(fromValues);
    }
    Distribution<?> d = c.k() == 2 ? Bernoulli.of(logits[0].logistic()) : Categorical.ofLogits(logits);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Prob<Real> p = sample((Distribution) Tagged.of(d, estimators.apply(c.estimator())), x -> {
      double[] next = v.clone();
      next[s] = x instanceof Boolean b ? (b ? 1 : 0) : (Integer) x;
      return step(th, s + 1, next, estimators);
    });
    return p;
  }

  private Real value(Real[] th, double[] v) {
    Real f = Real.of(e0).plus(th[0].square().times(q));
    for (int i = 0; i < th.length; i++) {
      f = f.plus(th[i].times(e[i]));
    }
    for (int s = 0; s < v.length; s++) {
      Real coef = Real.of(g[s]);
      for (int i = 0; i < th.length; i++) {
        coef = coef.plus(th[i].times(h[s][i]));
      }
      f = f.plus(coef.times(v[s]));
      for (int t = s + 1; t < v.length; t++) {
        f = f.plus(m[s][t] * v[s] * v[t]);
      }
    }
    return f;
  }

  /** The expectation over the parameter vector "theta", initialised at {@link #theta}. */
  Expectation expectation(Function<String, Estimator> estimators) {
    return Expectation.of(p -> program(p.vector("theta", theta.length, Init.values(theta)), estimators));
  }

  /** The exact objective E[f] at the given parameters, by enumeration. */
  double exactObjective(double[] at, Function<String, Estimator> estimators) {
    return Enumerator.enumerate(program(Real.of(at), estimators)).expectation(Real::value);
  }

  /** The gradient of the exact objective by central differences (step 1e-5; error about 1e-9 here). */
  double[] exactGradient(Function<String, Estimator> estimators) {
    double h = 1e-5;
    double[] grad = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += h;
      down[i] -= h;
      grad[i] = (exactObjective(up, estimators) - exactObjective(down, estimators)) / (2 * h);
    }
    return grad;
  }

  /** An upper bound on the number of paths of the estimator program (to keep enumeration small). */
  double estimatorPaths() {
    double rest = 1;
    for (int s = sites.size() - 1; s >= 0; s--) {
      Choice c = sites.get(s);
      int k = c.k();
      String e = c.estimator();
      rest = switch (e.startsWith("ENUM") ? "ENUM" : e.startsWith("MVD") ? "MVD" : e) {
        case "ENUM" -> Math.pow(rest, k);
        case "MVD" -> k * Math.pow(rest, k);
        case "LOO2" -> Math.pow(k * rest, 2);
        case "PHANTOM" -> Math.pow(k * rest, 2);
        default -> k * rest;
      };
    }
    return rest;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append("theta = ").append(vec(theta)).append('\n');
    for (int s = 0; s < sites.size(); s++) {
      Choice c = sites.get(s);
      b.append("v").append(s).append(" ~ ").append(c.k() == 2 ? "Bernoulli(logistic(" : "Categorical(softmax(");
      for (int r = 0; r < (c.k() == 2 ? 1 : c.k()); r++) {
        b.append(r == 0 ? "" : ", ").append(linear(c.c()[r], c.a()[r], "theta", c.b()[r], s));
      }
      b.append(")) [").append(c.estimator()).append("]\n");
    }
    b.append("return ").append(fmt(e0)).append(" + ").append(vec(e)).append(" . theta + ").append(fmt(q)).append(" theta0^2");
    for (int s = 0; s < sites.size(); s++) {
      b.append(" + (").append(fmt(g[s])).append(" + ").append(vec(h[s])).append(" . theta) v").append(s);
      for (int t = s + 1; t < sites.size(); t++) {
        if (m[s][t] != 0) {
          b.append(" + ").append(fmt(m[s][t])).append(" v").append(s).append(" v").append(t);
        }
      }
    }
    return b.toString();
  }

  private static String linear(double c, double[] a, String name, double[] bs, int upTo) {
    StringBuilder b = new StringBuilder(fmt(c));
    for (int i = 0; i < a.length; i++) {
      if (a[i] != 0) {
        b.append(" + ").append(fmt(a[i])).append(' ').append(name).append(i);
      }
    }
    for (int t = 0; t < upTo; t++) {
      if (bs[t] != 0) {
        b.append(" + ").append(fmt(bs[t])).append(" v").append(t);
      }
    }
    return b.toString();
  }

  private static String vec(double[] xs) {
    List<String> s = new ArrayList<>();
    for (double x : xs) {
      s.add(fmt(x));
    }
    return "[" + String.join(", ", s) + "]";
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3g", x);
  }
}
