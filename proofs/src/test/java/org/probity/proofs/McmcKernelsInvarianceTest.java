package org.probity.proofs;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.Probity;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Distribution;
import org.probity.inference.mcmc.Acceptance;
import org.probity.inference.mcmc.Kernel;
import org.probity.inference.mcmc.Kernels;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Property;
import org.probity.testkit.programs.Program;
import org.probity.trace.Choice;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * Every kernel of {@code org.probity.inference.mcmc} leaves the exact posterior over traces
 * invariant (Tierney, Ann. Stat. 1994), exactly by enumeration, on generated programs with
 * stochastic control flow ({@code KernelInvariance} on the real traces and kernels): single-site
 * lightweight MH (Wingate et al. 2011), proposal MH with a full-support proposal, enumerative
 * Gibbs at a site, and their cycle and mixture. Planted bugs (MH without the proposal correction;
 * proposal MH without the backward density) are found and shrunk small.
 */
class McmcKernelsInvarianceTest {

  static void invariant(McmcInvarianceTest.KernelFor kernels) {
    McmcInvarianceTest.invariant(kernels);
  }

  /**
   * The uniform distribution on a finite list of values (the proposal of {@link #uniformRedraw}).
   */
  record UniformOver<X>(List<X> values) implements Distribution<X> {
    @Override
    public X sample(UniformRandomProvider rng) {
      return values.get(rng.nextInt(values.size()));
    }

    @Override
    public Real logProb(X x) {
      return Real.of(values.contains(x) ? -Math.log(values.size()) : Double.NEGATIVE_INFINITY);
    }

    @Override
    public boolean hasFiniteSupport() {
      return true;
    }

    @Override
    public List<X> enumerateSupport() {
      return values;
    }
  }

  /**
   * A proposal program for {@code Kernels.proposalMh}: redraw the first named site of the trace
   * uniformly over its distribution's support. Side condition (stated, and met by every
   * generated program, whose choices all have finite support): the proposal's choices are named
   * with addresses of the model and have full support on the site's support, so the backward
   * proposal can always reproduce the old value (q(x | x') > 0 whenever q(x' | x) > 0). Programs
   * with no named site get the empty proposal (the kernel is then the identity).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <A> Prob<?> uniformRedraw(Trace<A> t) {
    for (Address a : t.addresses()) {
      if (!a.isAnonymous()) {
        Choice c = t.choice(a);
        return Probity.sample(a, new UniformOver(((Distribution<Object>) c.dist()).enumerateSupport()));
      }
    }
    return Probity.pure(0);
  }

  /** A fixed site of the model for Gibbs: the least address (by its text) of any posterior trace. */
  static <A> Address gibbsSite(Prob<A> model) {
    TreeSet<Address> all = new TreeSet<>(Comparator.comparing(Address::toString));
    for (Trace<A> t : Enumerator.enumerate(Traces.posterior(model)).support()) {
      all.addAll(t.addresses());
    }
    return all.isEmpty() ? Address.of("absent") : all.first();
  }

  /** Kernels built from the model (Gibbs needs a site of it). */
  interface PerModel {
    <A> Kernel<A> of(Prob<A> model, Address site);
  }

  /** The kernel for each model, given the model's Gibbs site. */
  static McmcInvarianceTest.KernelFor perModel(PerModel k) {
    return new McmcInvarianceTest.KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return k.of(model, gibbsSite(model));
      }
    };
  }

  @Test
  void singleSiteMhLeavesThePosteriorInvariant() {
    invariant(new McmcInvarianceTest.KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return Kernels.mh();
      }
    });
  }

  @Test
  void proposalMhLeavesThePosteriorInvariant() {
    invariant(new McmcInvarianceTest.KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return Kernels.proposalMh(McmcKernelsInvarianceTest::uniformRedraw);
      }
    });
  }

  @Test
  void gibbsAtASiteLeavesThePosteriorInvariant() {
    invariant(perModel(new PerModel() {
      @Override
      public <A> Kernel<A> of(Prob<A> model, Address site) {
        return Kernels.gibbs(site);
      }
    }));
  }

  @Test
  void cycleLeavesThePosteriorInvariant() {
    invariant(perModel(new PerModel() {
      @Override
      @SuppressWarnings("unchecked")
      public <A> Kernel<A> of(Prob<A> model, Address site) {
        return Kernels.cycle(Kernels.gibbs(site), Kernels.mh(), Kernels.proposalMh(McmcKernelsInvarianceTest::uniformRedraw));
      }
    }));
  }

  @Test
  void mixtureLeavesThePosteriorInvariant() {
    invariant(perModel(new PerModel() {
      @Override
      public <A> Kernel<A> of(Prob<A> model, Address site) {
        return Kernels.mixture(new double[] {0.3, 0.5, 0.2},
            List.of(Kernels.gibbs(site), Kernels.mh(), Kernels.proposalMh(McmcKernelsInvarianceTest::uniformRedraw)));
      }
    }));
  }

  // ---- planted bugs ----

  /** Single-site MH with prior proposals and no proposal correction: accepts with p(x') / p(x). */
  static <A> Kernel<A> mhWithoutProposalCorrection() {
    return x -> {
      List<Address> sites = x.addresses();
      if (sites.isEmpty()) {
        return Probity.pure(x);
      }
      double[] u = new double[sites.size()];
      java.util.Arrays.fill(u, 1.0 / u.length);
      return Probity.sample(Probity.categorical(u)).flatMap(i ->
          Traces.regenerate(x, Selection.of(sites.get(i))).flatMap(up ->
              Acceptance.accept(x, up.trace(), Acceptance.logAlpha(x, up.trace(), 0))));
    };
  }

  /** Proposal MH (the uniform redraw) that forgets the backward proposal density and the prior's fresh/stale terms. */
  @SuppressWarnings("unchecked")
  static <A> Kernel<A> proposalMhWithoutBackward() {
    return x -> Traces.prior((Prob<Object>) uniformRedraw(x)).flatMap(fwd ->
        Traces.update(x, fwd.values(), Selection.none()).flatMap(up -> {
          Trace<A> y = up.trace();
          double back = Traces.reverseLogFresh(x, y, fwd.choices().keySet(), Selection.none());
          return Acceptance.accept(x, y, Acceptance.logAlpha(x, y, -fwd.logPrior() + back - up.logFresh()));
        }));
  }

  @Test
  void findsMhWithoutTheProposalCorrection() {
    Property.assertFindsSmall(() -> invariant(new McmcInvarianceTest.KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return mhWithoutProposalCorrection();
      }
    }), 3, c -> ((Program) c).size());
  }

  @Test
  void findsProposalMhWithoutTheBackwardDensity() {
    Property.assertFindsSmall(() -> invariant(new McmcInvarianceTest.KernelFor() {
      @Override
      public <A> Kernel<A> of(Prob<A> model) {
        return proposalMhWithoutBackward();
      }
    }), 4, c -> ((Program) c).size());
  }

}
