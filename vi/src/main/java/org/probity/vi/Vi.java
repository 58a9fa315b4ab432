package org.probity.vi;

import java.util.function.Function;
import org.probity.core.Prob;
import org.probity.dist.Distribution;
import org.probity.trace.LogDensity;
import org.probity.trace.Selection;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.Policy;
import org.probity.vi.guides.AutoGuide;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Marginal;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.objectives.Sir;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * Programmable variational inference in one static import ({@code import static
 * org.probity.vi.Vi.*}): expectations of objective programs (ADEV), per-choice gradient
 * estimators, the objectives library, marginals, optimisation and automatic guides. Each entry
 * delegates to the class named in its documentation.
 */
public final class Vi {
  /** {@link Estimators#REINFORCE}. */
  public static final Estimator REINFORCE = Estimators.REINFORCE;
  /** {@link Estimators#REPARAM}. */
  public static final Estimator REPARAM = Estimators.REPARAM;
  /** {@link Estimators#ENUM}. */
  public static final Estimator ENUM = Estimators.ENUM;
  /** {@link Estimators#MVD}. */
  public static final Estimator MVD = Estimators.MVD;
  /** {@link Estimators#DETACH}. */
  public static final Estimator DETACH = Estimators.DETACH;

  private Vi() {
  }

  /**
   * {@link Expectation#of(Function)}: E[program(params)], untagged choices by the default policy.
   *
   * @param program a program of the parameters whose result is the number to take the expectation of
   * @return the expectation, differentiable in the parameters
   */
  public static Expectation expectation(Function<? super Params, ? extends Prob<?>> program) {
    return Expectation.of(program);
  }

  /**
   * {@link Expectation#of(Function, Policy)}.
   *
   * @param program a program of the parameters whose result is the number to take the expectation of
   * @param policy the gradient estimator of each untagged choice
   * @return the expectation, differentiable in the parameters
   */
  public static Expectation expectation(Function<? super Params, ? extends Prob<?>> program, Policy policy) {
    return Expectation.of(program, policy);
  }

  /**
   * {@link Estimators#reinforce}.
   *
   * @param dist a distribution
   * @param <X> the value type
   * @return {@code dist}, its gradient estimated by REINFORCE (score function)
   */
  public static <X> Distribution<X> reinforce(Distribution<X> dist) {
    return Estimators.reinforce(dist);
  }

  /**
   * {@link Estimators#reparam}.
   *
   * @param dist a reparameterisable distribution
   * @param <X> the value type
   * @return {@code dist}, its gradient estimated by reparameterisation
   */
  public static <X> Distribution<X> reparam(Distribution<X> dist) {
    return Estimators.reparam(dist);
  }

  /**
   * {@link Estimators#enumerate}.
   *
   * @param dist a distribution of finite support
   * @param <X> the value type
   * @return {@code dist}, its expectation taken exactly by enumerating its support
   */
  public static <X> Distribution<X> enumerate(Distribution<X> dist) {
    return Estimators.enumerate(dist);
  }

  /**
   * {@link Estimators#mvd}.
   *
   * @param dist a distribution
   * @param <X> the value type
   * @return {@code dist}, its gradient estimated by the measure-valued derivative
   */
  public static <X> Distribution<X> mvd(Distribution<X> dist) {
    return Estimators.mvd(dist);
  }

  /**
   * {@link Estimators#baseline(Distribution, double)}.
   *
   * @param dist a distribution
   * @param b the constant baseline
   * @param <X> the value type
   * @return {@code dist}, its gradient estimated by REINFORCE with baseline {@code b}
   */
  public static <X> Distribution<X> baseline(Distribution<X> dist, double b) {
    return Estimators.baseline(dist, b);
  }

  /**
   * {@link Estimators#leaveOneOut}.
   *
   * @param m the number of draws, at least 2
   * @return the estimator: REINFORCE with leave-one-out baselines
   */
  public static Estimator leaveOneOut(int m) {
    return Estimators.leaveOneOut(m);
  }

  /**
   * {@link Generative#of(Function)}: a parameterised program as a model or a guide.
   *
   * @param program the program, a function of the parameters
   * @param <A> the result type
   * @return the program as a model or guide
   */
  public static <A> Generative<A> generative(Function<? super Params, ? extends Prob<A>> program) {
    return Generative.of(program);
  }

  /**
   * {@link Generative#of(Prob)}: a program without parameters as a model or a guide.
   *
   * @param program the program
   * @param <A> the result type
   * @return the program as a model or guide
   */
  public static <A> Generative<A> generative(Prob<A> program) {
    return Generative.of(program);
  }

  /**
   * {@link Objectives#elbo}.
   *
   * @param model the model, with its observations
   * @param guide the guide, proposing the model's latent choices
   * @return the evidence lower bound, E_q[log p(x, z) - log q(z)]
   */
  public static Expectation elbo(Generative<?> model, Generative<?> guide) {
    return Objectives.elbo(model, guide);
  }

  /**
   * {@link Objectives#iwelbo}.
   *
   * @param model the model, with its observations
   * @param guide the guide, proposing the model's latent choices
   * @param k the number of importance samples, at least 1
   * @return the importance-weighted ELBO with {@code k} samples
   */
  public static Expectation iwelbo(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.iwelbo(model, guide, k);
  }

  /**
   * {@link Objectives#vimco}.
   *
   * @param model the model, with its observations
   * @param guide the guide, proposing the model's latent choices
   * @param k the number of samples, at least 2
   * @return the IWELBO with VIMCO's leave-one-out control variates
   */
  public static Expectation vimco(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.vimco(model, guide, k);
  }

  /**
   * {@link Objectives#wakeP}.
   *
   * @param model the model, with its observations
   * @param guide the guide, held fixed
   * @param k the number of importance samples, at least 1
   * @return the wake-phase objective of the model's parameters
   */
  public static Expectation wakeP(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.wakeP(model, guide, k);
  }

  /**
   * {@link Objectives#wakeQ}.
   *
   * @param model the model, held fixed
   * @param guide the guide
   * @param k the number of importance samples, at least 1
   * @return the wake-phase objective of the guide's parameters
   */
  public static Expectation wakeQ(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.wakeQ(model, guide, k);
  }

  /**
   * {@link Marginal#of}: the marginal of a family on a selection, auxiliaries integrated out by SIR.
   *
   * @param selection the addresses to keep
   * @param family the parameterised program
   * @param sir the sampling-importance-resampling settings for the other choices
   * @param <A> the result type
   * @return the marginal distribution of the selected choices
   */
  public static <A> Marginal<A> marginal(Selection selection, Function<? super Params, ? extends Prob<A>> family, Sir sir) {
    return Marginal.of(selection, family, sir);
  }

  /**
   * {@link Sir#of(int)}.
   *
   * @param particles the number of particles, at least 1
   * @return SIR settings with that number of particles
   */
  public static Sir sir(int particles) {
    return Sir.of(particles);
  }

  /**
   * {@link Optimize#maximize(Expectation, ParamStore, Optimize.Config)} with Adam(lr) and a progress line.
   *
   * @param objective the objective to maximise
   * @param store the parameters, updated in place
   * @param steps the number of optimisation steps, at least 1
   * @param lr Adam's learning rate, positive
   * @return the objective's estimate at each step and whether it converged (the parameters are in {@code store})
   */
  public static Optimize.Result maximize(Expectation objective, ParamStore store, int steps, double lr) {
    return Optimize.maximize(objective, store, Optimize.Config.of(steps).optimizer(Adam.of(lr)));
  }

  /**
   * {@link AutoGuide#meanField}: a mean-field Gaussian guide of the model's unconstrained space.
   *
   * @param model the model, whose latent choices the guide covers
   * @param name the prefix of the guide's parameter names
   * @return the guide
   */
  public static AutoGuide meanField(Prob<?> model, String name) {
    return AutoGuide.meanField(LogDensity.of(model), name);
  }

  /**
   * {@link AutoGuide#fullRank}: a full-rank Gaussian guide of the model's unconstrained space.
   *
   * @param model the model, whose latent choices the guide covers
   * @param name the prefix of the guide's parameter names
   * @return the guide
   */
  public static AutoGuide fullRank(Prob<?> model, String name) {
    return AutoGuide.fullRank(LogDensity.of(model), name);
  }
}
