package org.probity.inference.mcmc;

import org.probity.trace.Traces;

import org.probity.trace.Selection;

import org.probity.trace.Choice;

import org.probity.trace.Trace;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;

/**
 * Metropolis-Hastings with a user proposal program (Gen's {@code mh(trace, proposal)},
 * Cusumano-Towner et al., PLDI 2019): {@code proposal.apply(x)} is a program whose named choices
 * are addresses of the model; their values replace the model's, other values are kept, and new
 * addresses of the model are drawn from their prior. The backward proposal is the same program
 * run on the new trace, scored at the old trace's values. The acceptance ratio is
 * p(x') q(x|x') / (p(x) q(x'|x)), with both proposal densities and the fresh/stale prior terms.
 *
 * <p>Every choice of the proposal must have a named address that the model reaches; anonymous
 * proposal choices are an error (they could not be scored backwards).
 */
public final class ProposalMH<A> implements Kernel<A> {
  private final Function<? super Trace<A>, ? extends Prob<?>> proposal;
  private final KernelStats stats; // a chain copy's counts; null in the template

  /** MH with the given proposal program. */
  public ProposalMH(Function<? super Trace<A>, ? extends Prob<?>> proposal) {
    this(proposal, null);
  }

  private ProposalMH(Function<? super Trace<A>, ? extends Prob<?>> proposal, KernelStats stats) {
    this.proposal = proposal;
    this.stats = stats;
  }

  @Override
  public Kernel<A> forChain() {
    return new ProposalMH<>(proposal, new KernelStats());
  }

  @Override
  public KernelStats stats() {
    return stats;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Prob<Trace<A>> apply(Trace<A> x) {
    Prob<Object> q = (Prob<Object>) proposal.apply(x);
    return Traces.prior(q).flatMap(fwd -> afterForward(x, fwd));
  }

  /** The forward proposal's program at x (its draws are the first randomness of a step). */
  @SuppressWarnings("unchecked")
  Prob<Trace<Object>> forward(Trace<A> x) {
    return Traces.prior((Prob<Object>) proposal.apply(x));
  }

  /** Refuses a forward proposal with an anonymous choice, or one at a deterministic site of x. */
  static void check(Trace<?> x, Trace<Object> fwd) {
    for (Address a : fwd.choices().keySet()) {
      if (a.isAnonymous()) {
        throw new ProbityException("a proposal choice must be named with an address of the model; the proposal made an"
            + " anonymous choice at " + a);
      }
      Choice c = x.choice(a);
      if (c != null && c.isDeterministic()) {
        throw new ProbityException("the proposal makes a choice at " + a + ", a deterministic site of the model ("
            + c.dist().name() + "), which every run recomputes: propose the choices it is computed from");
      }
    }
  }

  /**
   * The rest of a step once the forward proposal is drawn (the fixed-structure fast path,
   * {@link Chain}, hands it a move whose run changed structure or hit a zero density, with the
   * same draws).
   */
  Prob<Trace<A>> afterForward(Trace<A> x, Trace<Object> fwd) {
    check(x, fwd);
    Map<Address, Object> u = fwd.values();
    return Traces.tryUpdate(x, u, Selection.none()).flatMap(up -> judge(x, up.trace(), fwd, up.logFresh()));
  }

  /** The accept/reject step from x to y: the backward proposal scored at x, the fresh/stale terms, the coin (counted). */
  @SuppressWarnings("unchecked")
  Prob<Trace<A>> judge(Trace<A> x, Trace<A> y, Trace<Object> fwd, double logFresh) {
    if (y.logJoint() == Double.NEGATIVE_INFINITY) {
      return Acceptance.accept(x, y, Double.NEGATIVE_INFINITY, stats); // no backward proposal from outside the support
    }
    Prob<Object> qb = (Prob<Object>) proposal.apply(y);
    Optional<Trace<Object>> bwd = Traces.scoreAt(qb, x.choices());
    if (bwd.isEmpty()) {
      return Acceptance.accept(x, y, Double.NEGATIVE_INFINITY, stats);
    }
    double back = Traces.reverseLogFresh(x, y, bwd.get().choices().keySet(), Selection.none());
    double corr = bwd.get().logPrior() - fwd.logPrior() + back - logFresh;
    return Acceptance.accept(x, y, Acceptance.logAlpha(x, y, corr), stats);
  }
}
