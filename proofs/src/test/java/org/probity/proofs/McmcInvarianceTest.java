package org.probity.proofs;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Weighted;

/**
 * An MCMC kernel leaves the exact posterior over traces invariant (Tierney 1994), checked exactly
 * by enumeration on generated programs with stochastic control flow. The reference
 * {@link IndependentMetropolis} kernel is checked now; the {@code mcmc} branch's kernels plug in
 * as {@link McmcKernel}s once merged.
 */
class McmcInvarianceTest {
  static final long SEED = 1994L;
  static final int TRIES = Tries.of(60, 800);

  static void invariant(McmcKernel kernel) {
    ProgramGen gen = ProgramGen.models();
    Property.forAll((rng, size) -> gen.generate(rng, Math.min(size, 6)), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Prob<Integer> model = Compiler.compile(p);
      if (org.probity.semantics.Enumerator.unnormalised(model).isEmpty()) {
        return true; // no posterior to keep
      }
      McmcProperties.leavesPosteriorInvariant(kernel, model);
      return true;
    });
  }

  @Test
  void independentMetropolisLeavesThePosteriorInvariant() {
    invariant(new IndependentMetropolis());
  }

  @Test
  void findsAKernelThatAlwaysAccepts() {
    McmcKernel prior = (model, trace) -> WeightAsValue.transform(TraceAsValue.transform(model))
        .map(w -> w.value().choices());
    Programs.assertFoundSmall(() -> invariant(prior), 4, c -> ((Program) c).size());
  }

  @Test
  void findsAKernelWithTheAcceptanceRatioInverted() {
    McmcKernel inverted = new McmcKernel() {
      @Override
      public Prob<Map<Address, Object>> step(Prob<?> model, Map<Address, Object> trace) {
        return typed(model, trace);
      }

      private <A> Prob<Map<Address, Object>> typed(Prob<A> model, Map<Address, Object> trace) {
        double old = org.probity.semantics.Density.replay(model, trace).logLikelihood().value();
        Prob<Weighted<Traced<A>>> proposal = WeightAsValue.transform(TraceAsValue.transform(model));
        return proposal.flatMap(w -> {
          double a = Math.min(0.0, old - w.logWeight());
          double p = Double.isNaN(a) ? 0.0 : Math.exp(a);
          return Probity.sample(Probity.bernoulli(p), acc -> Probity.pure(acc ? w.value().choices() : trace));
        });
      }
    };
    Programs.assertFoundSmall(() -> invariant(inverted), 4, c -> ((Program) c).size());
  }
}
