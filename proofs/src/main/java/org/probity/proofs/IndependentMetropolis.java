package org.probity.proofs;

import java.util.Map;
import org.probity.Probity;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Density;

/**
 * The reference MCMC kernel: independent Metropolis-Hastings with the prior as proposal (a whole
 * new run of the model), accepted with probability min(1, L(new) / L(old)) where L is the
 * likelihood (observations and factors); valid for every program, stochastic control flow
 * included (Tierney 1994; Wingate et al. 2011).
 */
public final class IndependentMetropolis implements McmcKernel {
  @Override
  public Prob<Map<Address, Object>> step(Prob<?> model, Map<Address, Object> trace) {
    return typed(model, trace);
  }

  private static <A> Prob<Map<Address, Object>> typed(Prob<A> model, Map<Address, Object> trace) {
    double old = Density.replay(model, trace).logLikelihood().value();
    Prob<Weighted<Traced<A>>> proposal = WeightAsValue.transform(TraceAsValue.transform(model));
    return proposal.flatMap(w -> {
      double logAccept = Math.min(0.0, w.logWeight() - old);
      double p = Double.isNaN(logAccept) ? 0.0 : Math.exp(logAccept);
      return Probity.sample(Probity.bernoulli(p), accept -> Probity.pure(accept ? w.value().choices() : trace));
    });
  }
}
