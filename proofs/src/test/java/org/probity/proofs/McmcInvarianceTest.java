package org.probity.proofs;

import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.core.Prob;
import org.probity.inference.mcmc.Kernel;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Property;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.KernelInvariance;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;
import org.probity.trace.Traces;

/**
 * An MCMC kernel leaves the exact posterior over traces invariant (Tierney 1994), checked exactly
 * by enumeration ({@link KernelInvariance}) on generated programs with stochastic control flow,
 * for kernels of {@code org.probity.inference.mcmc} ({@link Kernel}: a trace to a program of
 * traces). Here the reference kernel, independent Metropolis-Hastings with the prior as proposal,
 * and two planted bugs (a kernel that always accepts the prior draw; the acceptance ratio
 * inverted); {@link McmcKernelsInvarianceTest} checks the library's kernels.
 */
class McmcInvarianceTest {
  static final long SEED = 1994L;
  static final int TRIES = Tries.of(60, 800);

  /** The kernel under test for a model (a fixed kernel per model, never per state). */
  interface KernelFor {
    <A> Kernel<A> of(Prob<A> model);
  }

  static void invariant(KernelFor kernels) {
    ProgramGen gen = ProgramGen.models();
    Property.forAll((rng, size) -> gen.generate(rng, Math.min(size, 6)), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Prob<Integer> model = Compiler.compile(p);
      if (Enumerator.unnormalised(model).isEmpty()) {
        return true; // no posterior to keep (and no site for a kernel built from the posterior)
      }
      KernelInvariance.check(model, kernels.of(model)::apply);
      return true;
    });
  }

  /**
   * Independent Metropolis-Hastings with the prior as proposal (a whole new run of the model,
   * {@code Traces.prior}), accepted with probability min(1, L(new) / L(old)), L the likelihood
   * (observations and factors): valid for every program, stochastic control flow included
   * (Tierney 1994; Wingate et al. 2011). {@code inverted} plants the reciprocal ratio.
   */
  static <A> Kernel<A> independentMetropolis(boolean inverted) {
    return x -> Traces.prior(x.program()).flatMap(y -> {
      double log = inverted ? x.logLikelihood() - y.logLikelihood() : y.logLikelihood() - x.logLikelihood();
      double a = Math.min(0.0, log);
      double p = Double.isNaN(a) ? 0.0 : Math.exp(a);
      return Probity.sample(Probity.bernoulli(p), accept -> Probity.pure(accept ? y : x));
    });
  }

  @Test
  void independentMetropolisLeavesThePosteriorInvariant() {
    invariant(new KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return independentMetropolis(false);
      }
    });
  }

  @Test
  void findsAKernelThatAlwaysAccepts() {
    Property.assertFindsSmall(() -> invariant(new KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return x -> Traces.prior(x.program());
      }
    }), 4, c -> ((Program) c).size());
  }

  @Test
  void findsAKernelWithTheAcceptanceRatioInverted() {
    Property.assertFindsSmall(() -> invariant(new KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return independentMetropolis(true);
      }
    }), 4, c -> ((Program) c).size());
  }

}
