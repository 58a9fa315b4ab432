package org.probity.inference.mcmc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.semantics.Sampler;
import org.probity.trace.Choice;
import org.probity.trace.FixedRun;
import org.probity.trace.Trace;

/**
 * The fixed-structure fast path of {@link ProposalMH}: the forward proposal is drawn as the
 * kernel draws it, the model is re-run on the flat run of {@link FixedRun} (values given by
 * position) instead of through the trace interpreter, and the backward proposal, the correction
 * terms and the coin are the kernel's own ({@link ProposalMH#judge}). A proposal at an address the
 * structure lacks, or a run that changes the structure, reports {@link Outcome#CHANGED} and
 * {@link #rest} finishes the step on the general path with the forward proposal already drawn.
 */
final class FastProposal<A> implements FastPath<A> {
  private final ProposalMH<A> kernel;
  private final FlatState<A> state;
  private final Map<Address, Integer> index = new HashMap<>();
  private final Object[] given;
  private Trace<Object> lastForward;

  FastProposal(ProposalMH<A> kernel, FlatState<A> state) {
    this.kernel = kernel;
    this.state = state;
    FixedRun<A> run = state.current;
    for (int i = 0; i < run.size(); i++) {
      index.put(run.address(i), i);
    }
    this.given = new Object[run.size()];
  }

  @Override
  public Outcome step(UniformRandomProvider rng) {
    FixedRun<A> current = state.current;
    FixedRun<A> proposal = state.spare;
    Trace<A> x = current.trace();
    Trace<Object> fwd = Sampler.run(kernel.forward(x), rng).value();
    lastForward = fwd;
    ProposalMH.check(x, fwd);
    Arrays.fill(given, null);
    for (Choice c : fwd.ordered()) {
      Integer i = index.get(c.address());
      if (i == null) {
        return Outcome.CHANGED;
      }
      given[i] = c.value();
    }
    try {
      if (!proposal.rerun(current, given) || proposal.logJoint() == Double.NEGATIVE_INFINITY) {
        return Outcome.CHANGED; // another structure, or a zero density (rejected by cause on the general path)
      }
    } catch (RuntimeException e) {
      return Outcome.CHANGED; // invalid parameters or an infinite density: the general path rejects it, or throws
    }
    Trace<A> y = proposal.trace();
    Trace<A> next = Sampler.run(kernel.judge(x, y, fwd, 0.0), rng).value();
    if (next != y) {
      return Outcome.STAYED;
    }
    state.accept();
    return Outcome.MOVED;
  }

  @Override
  public Prob<Trace<A>> rest(Trace<A> x) {
    return kernel.afterForward(x, lastForward);
  }

  @Override
  public FastPath<A> restart(FlatState<A> at) {
    return new FastProposal<>(kernel, at);
  }
}
