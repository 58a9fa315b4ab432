package org.probity.inference.composite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.probity.core.Defer;
import org.probity.core.PList;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Bernoulli;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.trace.Trace;
import org.probity.trace.Traces;
import org.probity.inference.smc.Resampler;
import org.probity.inference.smc.Smc;

/**
 * Particle marginal Metropolis-Hastings (Andrieu, Doucet and Holenstein, "Particle Markov chain
 * Monte Carlo methods", JRSS B 2010; monad-bayes' {@code pmmh}): Metropolis-Hastings over the
 * parameters theta of a model whose likelihood p(y | theta) is replaced by the unbiased SMC
 * estimate. The chain is exact: its stationary law has the posterior p(theta | y) as marginal.
 *
 * <p>The proposal is any {@link Kernel} on the parameter prior's traces that leaves the
 * <em>prior</em> invariant, such as {@link Kernels#mh()} or a {@code randomWalk} applied to the
 * prior program (an MH kernel targets the trace's own program, here the prior, which has no
 * observations). For such a proposal the prior and proposal terms cancel and the acceptance
 * ratio is p-hat(y | theta') / p-hat(y | theta), the construction of monad-bayes, whose
 * {@code pmmh} runs MH on the traced parameter prior with the SMC evidence as a factor.
 *
 * <p>Every random step (proposal, SMC, the accept coin) is a sample node, so the chain is a
 * {@code Prob} that runs with the Sampler and that the Enumerator computes exactly on a finite
 * model.
 */
public final class Pmmh {
  private Pmmh() {
  }

  /**
   * A PMMH chain of {@code steps} states after a start drawn from the prior (the start is not in
   * the list): each step proposes theta' with {@code proposal}, runs SMC with {@code particles}
   * particles and {@code resampler} on {@code model(theta')}, and accepts with probability
   * min(1, p-hat(y | theta') / p-hat(y | theta)).
   */
  public static <T, A> Prob<List<PmmhState<T, A>>> pmmh(Prob<T> parameterPrior, Function<? super T, ? extends Prob<A>> model,
      int particles, int steps, Resampler resampler, Kernel<T> proposal) {
    if (steps < 0) {
      throw new IllegalArgumentException("pmmh: steps must be non-negative, got " + steps);
    }
    Function<PmmhState<T, A>, Prob<PmmhState<T, A>>> step = step(model, particles, resampler, proposal);
    return start(parameterPrior, model, particles, resampler).flatMap(s -> chain(s, step, steps, null));
  }

  /** PMMH with single-site MH proposals from the prior ({@link Kernels#mh()}) and systematic resampling. */
  public static <T, A> Prob<List<PmmhState<T, A>>> pmmh(Prob<T> parameterPrior, Function<? super T, ? extends Prob<A>> model,
      int particles, int steps) {
    return pmmh(parameterPrior, model, particles, steps, Resampler.SYSTEMATIC, Kernels.mh());
  }

  /** The start: theta from the prior and an SMC run of the model at theta. */
  public static <T, A> Prob<PmmhState<T, A>> start(Prob<T> parameterPrior, Function<? super T, ? extends Prob<A>> model,
      int particles, Resampler resampler) {
    return Traces.prior(parameterPrior).flatMap(x -> smcAt(x, model, particles, resampler));
  }

  /** One PMMH transition, as a program. */
  public static <T, A> Function<PmmhState<T, A>, Prob<PmmhState<T, A>>> step(Function<? super T, ? extends Prob<A>> model,
      int particles, Resampler resampler, Kernel<T> proposal) {
    return s -> proposal.apply(s.parameter()).flatMap(x -> smcAt(x, model, particles, resampler))
        .flatMap(t -> accept(s, t));
  }

  private static <T, A> Prob<PmmhState<T, A>> smcAt(Trace<T> x, Function<? super T, ? extends Prob<A>> model,
      int particles, Resampler resampler) {
    return Smc.smc(model.apply(x.output()), particles, resampler)
        .map(pop -> new PmmhState<>(x, pop, pop.logEvidenceEstimate()));
  }

  private static <T, A> Prob<PmmhState<T, A>> accept(PmmhState<T, A> from, PmmhState<T, A> to) {
    if (to.logEvidence() == Double.NEGATIVE_INFINITY) {
      return new Pure<>(from);
    }
    double logA = to.logEvidence() - from.logEvidence();
    if (logA >= 0) {
      return new Pure<>(to);
    }
    return new Sample<Boolean, PmmhState<T, A>>(null, Bernoulli.of(Math.exp(logA)), b -> new Pure<>(b ? to : from));
  }

  private static <T, A> Prob<List<PmmhState<T, A>>> chain(PmmhState<T, A> s, Function<PmmhState<T, A>, Prob<PmmhState<T, A>>> step,
      int left, PList<PmmhState<T, A>> acc) {
    return new Defer<>(() -> {
      if (left == 0) {
        List<PmmhState<T, A>> out = new ArrayList<>();
        for (PList<PmmhState<T, A>> c = acc; c != null; c = c.tail()) {
          out.add(c.head());
        }
        Collections.reverse(out);
        return new Pure<>(Collections.unmodifiableList(out));
      }
      return step.apply(s).flatMap(n -> chain(n, step, left - 1, PList.cons(n, acc)));
    });
  }
}
