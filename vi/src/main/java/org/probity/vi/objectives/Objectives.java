package org.probity.vi.objectives;

import static org.probity.Probity.replicate;

import java.util.List;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.trace.Selection;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.Surrogate;
import org.probity.vi.param.Params;

/**
 * Variational objectives as ordinary programs (Becker, Lew et al., "Probabilistic programming with
 * programmable variational inference", PLDI 2024, figure 5): each is a few lines that simulate the
 * guide, score the model and return a real; ADEV turns it into a gradient estimator, each choice
 * estimated as its tag or the policy says. Every objective is maximised.
 */
public final class Objectives {
  private Objectives() {
  }

  /** log p(x, z) - log q(z) for z ~ q: one importance log weight (log of estimates for marginals). */
  public static Prob<Real> logWeight(Generative<?> model, Generative<?> guide, Params p) {
    return guide.simulate(p).flatMap(q -> model.logDensity(p, q.choices()).map(lp -> lp.minus(q.score())));
  }

  /** ELBO = E_q[log p(x, z) - log q(z)] (Jordan et al., 1999). */
  public static Expectation elbo(Generative<?> model, Generative<?> guide) {
    return Expectation.of(p -> logWeight(model, guide, p));
  }

  /** IWELBO(K) = E[log (1/K) sum_k w_k], K independent weights (Burda, Grosse and Salakhutdinov, 2016). */
  public static Expectation iwelbo(Generative<?> model, Generative<?> guide, int k) {
    return Expectation.of(p -> replicate(k, logWeight(model, guide, p)).map(Objectives::logMeanExp));
  }

  /** HVI: the ELBO of the marginal of {@code family} on {@code selection}, auxiliaries scored with their true values (SIR(1)). */
  public static <A> Expectation hvi(Generative<?> model, Function<? super Params, ? extends Prob<A>> family,
      Selection selection) {
    return elbo(model, Marginal.of(selection, family, Sir.of(1)));
  }

  /** IWHVI(K): the ELBO of the marginal with SIR(K) densities (Sobolev and Vetrov, 2019). */
  public static <A> Expectation iwhvi(Generative<?> model, Function<? super Params, ? extends Prob<A>> family,
      Selection selection, int k) {
    return elbo(model, Marginal.of(selection, family, Sir.of(k)));
  }

  /** DIWHVI(N, K): the IWELBO(N) of the marginal with SIR(K) densities (doubly importance weighted). */
  public static <A> Expectation diwhvi(Generative<?> model, Function<? super Params, ? extends Prob<A>> family,
      Selection selection, int n, int k) {
    return iwelbo(model, Marginal.of(selection, family, Sir.of(k)), n);
  }

  /** A particle: the model's and the guide's log densities at a draw from the guide held fixed (DETACH). */
  private record Particle(Real logP, Real logQ) {
    Real logWeight() {
      return logP.minus(logQ);
    }
  }

  private static Prob<List<Particle>> particles(Generative<?> model, Generative<?> guide, Params p, int k) {
    return replicate(k, Estimators.with(guide.simulate(p), Estimators.DETACH)
        .flatMap(q -> model.logDensity(p, q.choices()).map(lp -> new Particle(lp, q.score()))));
  }

  /**
   * Reweighted wake-sleep, wake phase for the model (Bornschein and Bengio, ICLR 2015; Le et al.,
   * "Revisiting reweighted wake-sleep", UAI 2019): the gradient sum_k w~_k grad log p(x, z_k), z_k
   * ~ q held fixed, w~ the self-normalised weights; the value is the IWELBO(K) estimate. Biased
   * for finite K by design (consistent as K grows).
   */
  public static Expectation wakeP(Generative<?> model, Generative<?> guide, int k) {
    return Expectation.of(p -> particles(model, guide, p, k).map(ps -> selfNormalised(ps, Particle::logP)));
  }

  /** Reweighted wake-sleep, wake phase for the guide: the gradient sum_k w~_k grad log q(z_k), z_k ~ q held fixed. */
  public static Expectation wakeQ(Generative<?> model, Generative<?> guide, int k) {
    return Expectation.of(p -> particles(model, guide, p, k).map(ps -> selfNormalised(ps, Particle::logQ)));
  }

  private static Real selfNormalised(List<Particle> ps, Function<Particle, Real> term) {
    Real[] lw = ps.stream().map(Particle::logWeight).toArray(Real[]::new);
    double bound = logMeanExp(lw).value();
    double lse = bound + Math.log(lw.length);
    Real g = Real.ZERO;
    for (int i = 0; i < lw.length; i++) {
      g = g.plus(term.apply(ps.get(i)).times(Math.exp(lw[i].value() - lse)));
    }
    return Surrogate.valueWithGradient(bound, g);
  }

  /**
   * VIMCO(K) (Mnih and Rezende, "Variational inference for Monte Carlo objectives", ICML 2016):
   * the IWELBO(K) with the guide's draws held fixed and score terms added by hand, each with the
   * leave-one-out learning signal L - L_{-k}, L_{-k} the bound with w_k replaced by the geometric
   * mean of the others; unbiased for the gradient of the IWELBO (L_{-k} does not depend on z_k).
   */
  public static Expectation vimco(Generative<?> model, Generative<?> guide, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("vimco: needs K >= 2 particles, got " + k);
    }
    return Expectation.of(p -> particles(model, guide, p, k).map(ps -> {
      Real[] lw = ps.stream().map(Particle::logWeight).toArray(Real[]::new);
      Real bound = logMeanExp(lw);
      double sum = 0;
      for (Real w : lw) {
        sum += w.value();
      }
      Real s = bound;
      for (int j = 0; j < k; j++) {
        Real[] others = lw.clone();
        others[j] = Real.of((sum - lw[j].value()) / (k - 1));
        s = Surrogate.score(s, ps.get(j).logQ(), logMeanExp(Surrogate.stopAll(others)).value());
      }
      return s;
    }));
  }

  /** log((1/K) sum_k exp(w_k)), one node. */
  public static Real logMeanExp(List<Real> ws) {
    return logMeanExp(ws.toArray(new Real[0]));
  }

  /** log((1/K) sum_k exp(w_k)), one node. */
  public static Real logMeanExp(Real... ws) {
    return Marginal.logMeanExp(ws);
  }
}
