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

  /** {@link Expectation#of(Function)}: E[program(params)], untagged choices by the default policy. */
  public static Expectation expectation(Function<? super Params, ? extends Prob<?>> program) {
    return Expectation.of(program);
  }

  /** {@link Expectation#of(Function, Policy)}. */
  public static Expectation expectation(Function<? super Params, ? extends Prob<?>> program, Policy policy) {
    return Expectation.of(program, policy);
  }

  /** {@link Estimators#reinforce}. */
  public static <X> Distribution<X> reinforce(Distribution<X> dist) {
    return Estimators.reinforce(dist);
  }

  /** {@link Estimators#reparam}. */
  public static <X> Distribution<X> reparam(Distribution<X> dist) {
    return Estimators.reparam(dist);
  }

  /** {@link Estimators#enumerate}. */
  public static <X> Distribution<X> enumerate(Distribution<X> dist) {
    return Estimators.enumerate(dist);
  }

  /** {@link Estimators#mvd}. */
  public static <X> Distribution<X> mvd(Distribution<X> dist) {
    return Estimators.mvd(dist);
  }

  /** {@link Estimators#baseline(Distribution, double)}. */
  public static <X> Distribution<X> baseline(Distribution<X> dist, double b) {
    return Estimators.baseline(dist, b);
  }

  /** {@link Estimators#leaveOneOut}. */
  public static Estimator leaveOneOut(int m) {
    return Estimators.leaveOneOut(m);
  }

  /** {@link Generative#of(Function)}: a parameterised program as a model or a guide. */
  public static <A> Generative<A> generative(Function<? super Params, ? extends Prob<A>> program) {
    return Generative.of(program);
  }

  /** {@link Generative#of(Prob)}: a program without parameters as a model or a guide. */
  public static <A> Generative<A> generative(Prob<A> program) {
    return Generative.of(program);
  }

  /** {@link Objectives#elbo}. */
  public static Expectation elbo(Generative<?> model, Generative<?> guide) {
    return Objectives.elbo(model, guide);
  }

  /** {@link Objectives#iwelbo}. */
  public static Expectation iwelbo(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.iwelbo(model, guide, k);
  }

  /** {@link Objectives#vimco}. */
  public static Expectation vimco(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.vimco(model, guide, k);
  }

  /** {@link Objectives#wakeP}. */
  public static Expectation wakeP(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.wakeP(model, guide, k);
  }

  /** {@link Objectives#wakeQ}. */
  public static Expectation wakeQ(Generative<?> model, Generative<?> guide, int k) {
    return Objectives.wakeQ(model, guide, k);
  }

  /** {@link Marginal#of}: the marginal of a family on a selection, auxiliaries integrated out by SIR. */
  public static <A> Marginal<A> marginal(Selection selection, Function<? super Params, ? extends Prob<A>> family, Sir sir) {
    return Marginal.of(selection, family, sir);
  }

  /** {@link Sir#of(int)}. */
  public static Sir sir(int particles) {
    return Sir.of(particles);
  }

  /** {@link Optimize#maximize(Expectation, ParamStore, Optimize.Config)} with Adam(lr) and a progress line. */
  public static Optimize.Result maximize(Expectation objective, ParamStore store, int steps, double lr) {
    return Optimize.maximize(objective, store, Optimize.Config.of(steps).optimizer(Adam.of(lr)));
  }

  /** {@link AutoGuide#meanField}: a mean-field Gaussian guide of the model's unconstrained space. */
  public static AutoGuide meanField(Prob<?> model, String name) {
    return AutoGuide.meanField(LogDensity.of(model), name);
  }

  /** {@link AutoGuide#fullRank}: a full-rank Gaussian guide of the model's unconstrained space. */
  public static AutoGuide fullRank(Prob<?> model, String name) {
    return AutoGuide.fullRank(LogDensity.of(model), name);
  }
}
