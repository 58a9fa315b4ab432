package org.probity.inference.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.dist.Distribution;
import org.probity.semantics.Enumeration;
import org.probity.semantics.Enumerator;
import org.probity.testkit.laws.KernelInvariance;
import org.probity.trace.Choice;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * One step of each kernel from the exact posterior leaves the exact posterior (to 1e-10), the
 * transition law computed by the Enumerator; deliberately broken kernels fail the same check.
 */
class KernelExactnessTest {

  /** Largest difference between the posterior and the law after one kernel step ({@link KernelInvariance}). */
  static <A> double distance(Prob<A> model, Kernel<A> kernel) {
    return KernelInvariance.distance(model, kernel::apply);
  }

  static <A> void assertInvariant(Prob<A> model, Kernel<A> kernel) {
    double d = distance(model, kernel);
    assertTrue(d < 1e-10, "the kernel moved the posterior by " + d);
  }

  /** Flip b with a state-dependent probability and propose x from the branch's support (b and x named). */
  static Prob<?> branchProposal(Trace<Integer> t) {
    boolean b = (Boolean) t.value("b");
    return sample("b", bernoulli(b ? 0.3 : 0.8)).flatMap(nb -> nb
        ? sample("x", categorical(0.5, 0.25, 0.25)).map(x -> (Object) x)
        : sample("x", bernoulli(0.6)).map(x -> (Object) x));
  }

  @TestFactory
  Stream<DynamicTest> kernelsLeaveThePosteriorInvariant() {
    Kernel<Integer> mh = Kernels.mh();
    Kernel<Integer> prop = Kernels.proposalMh(KernelExactnessTest::branchProposal);
    Kernel<Integer> propX = Kernels.proposalMh(t -> (Boolean) t.value("b")
        ? sample("x", categorical(0.1, 0.1, 0.8)) : sample("x", bernoulli(0.9)));
    Kernel<Integer> gx = Kernels.gibbs("x");
    Kernel<Integer> gb = Kernels.gibbs("b");
    Kernel<Integer> gy = Kernels.gibbs("y");
    List<Object[]> cases = List.of(
        new Object[] {"single-site MH", mh},
        new Object[] {"single-site MH on {x, y}", Kernels.<Integer>mh(Selection.names("x", "y"))},
        new Object[] {"proposal MH (b and x)", prop},
        new Object[] {"proposal MH (x only)", propX},
        new Object[] {"Gibbs x", gx},
        new Object[] {"Gibbs y", gy},
        new Object[] {"Gibbs b (structure-changing: left out)", gb},
        new Object[] {"cycle(Gibbs x, MH, proposal)", Kernels.cycle(gx, mh, prop)},
        new Object[] {"mixture(0.2 Gibbs x, 0.5 MH, 0.3 proposal)", Kernels.mixture(new double[] {0.2, 0.5, 0.3}, List.of(gx, mh, prop))},
        new Object[] {"repeat(3, MH)", Kernels.repeat(3, mh)});
    return Stream.concat(
        cases.stream().map(c -> DynamicTest.dynamicTest("branching: " + c[0], () -> assertInvariant(Models.branching(), cast(c[1])))),
        Stream.of(
            DynamicTest.dynamicTest("shrinking support: single-site MH", () -> assertInvariant(Models.shrinking(), Kernels.mh())),
            DynamicTest.dynamicTest("shrinking support: Gibbs x then MH", () -> assertInvariant(Models.shrinking(),
                Kernels.cycle(Kernels.gibbs("x"), Kernels.gibbs(Address.parse("#0")), Kernels.mh()))),
            DynamicTest.dynamicTest("shrinking support: proposal MH", () -> assertInvariant(Models.shrinking(),
                Kernels.proposalMh(t -> sample("x", categorical(0.2, 0.3, 0.5)))))));
  }

  @SuppressWarnings("unchecked")
  private static Kernel<Integer> cast(Object k) {
    return (Kernel<Integer>) k;
  }

  @Test
  void mhIsNotTheIdentity() {
    Prob<Integer> m = Models.branching();
    Trace<Integer> t = Enumerator.enumerate(Traces.posterior(m)).support().get(0);
    Enumeration<Trace<Integer>> step = Enumerator.enumerate(Kernels.<Integer>mh().apply(t));
    assertTrue(step.support().size() > 2, "MH from one trace should reach several traces: " + step);
  }

  /** Lightweight MH with the resampled site's prior correction but without |X|/|X'| and the fresh/stale terms. */
  static Kernel<Integer> withoutFreshStale() {
    return x -> {
      List<Address> sites = x.addresses();
      return sample(SingleSiteMH.uniform(sites.size())).flatMap(i -> {
        Address a = sites.get(i);
        return Traces.regenerate(x, Selection.of(a)).flatMap(u -> {
          Trace<Integer> y = u.trace();
          double la = Acceptance.logAlpha(x, y, x.choice(a).logDensity() - y.choice(a).logDensity());
          return Acceptance.accept(x, y, la);
        });
      });
    };
  }

  /** MH with prior proposals and no proposal correction at all: accept with p(x')/p(x). */
  static Kernel<Integer> withoutProposalCorrection() {
    return x -> {
      List<Address> sites = x.addresses();
      return sample(SingleSiteMH.uniform(sites.size())).flatMap(i ->
          Traces.regenerate(x, Selection.of(sites.get(i))).flatMap(u ->
              Acceptance.accept(x, u.trace(), Acceptance.logAlpha(x, u.trace(), 0))));
    };
  }

  /** Proposal MH that forgets the backward proposal density. */
  static Kernel<Integer> proposalWithoutBackward() {
    return x -> Traces.prior(branchProposal(x)).flatMap(fwd ->
        Traces.update(x, fwd.values(), Selection.none()).flatMap(up -> {
          Trace<Integer> y = up.trace();
          double back = Traces.reverseLogFresh(x, y, fwd.choices().keySet(), Selection.none());
          return Acceptance.accept(x, y, Acceptance.logAlpha(x, y, -fwd.logPrior() + back - up.logFresh()));
        }));
  }

  @Test
  void brokenKernelsFailTheCheck() {
    assertTrue(distance(Models.branching(), withoutFreshStale()) > 1e-3, "missing fresh/stale terms must be detected");
    assertTrue(distance(Models.branching(), withoutProposalCorrection()) > 1e-3, "missing proposal correction must be detected");
    assertTrue(distance(Models.branching(), proposalWithoutBackward()) > 1e-3, "missing backward density must be detected");
  }

  @Test
  void posteriorOverTracesMatchesTheModel() {
    Prob<Integer> m = Models.branching();
    Enumeration<Integer> direct = Enumerator.enumerate(m);
    Enumeration<Trace<Integer>> traced = Enumerator.enumerate(Traces.posterior(m));
    assertEquals(direct.logEvidence(), traced.logEvidence(), 1e-12);
    for (Integer v : direct.support()) {
      assertEquals(direct.probability(v), traced.probabilityOf(t -> t.output().equals(v)), 1e-12);
    }
    for (Trace<Integer> t : traced.support()) {
      double lp = 0;
      for (Choice c : t.choices().values()) {
        @SuppressWarnings("unchecked")
        Distribution<Object> d = (Distribution<Object>) c.dist();
        lp += d.logDensity(c.value());
      }
      assertEquals(lp, t.logPrior(), 1e-12);
    }
  }
}
