package org.probity.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.DuplicateAddressException;
import org.probity.core.InvalidWeightException;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.random.Rngs;

class SamplerTest {

  private static Prob<Double> plateOfParts() {
    return independent(200, i -> sample(normal(i, 1)).flatMap(x -> observe(normal(x.value(), 1), 0.5).map(u -> x.value())))
        .map(xs -> xs.stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void independentPartsAreBitIdenticalWhateverTheThreadCount() throws Exception {
    Prob<Double> p = plateOfParts();
    var one = new ForkJoinPool(1).submit(() -> Sampler.run(p, 7)).get();
    var four = new ForkJoinPool(4).submit(() -> Sampler.run(p, 7)).get();
    var common = Sampler.run(p, 7);
    assertEquals(one, four);
    assertEquals(one, common);
    assertTrue(Sampler.run(p, 8).value() != one.value(), "a different seed gives a different draw");
  }

  @Test
  void duplicateNamedAddressIsAnError() {
    Prob<Real> p = sample("z", normal(0, 1)).flatMap(a -> sample("z", normal(0, 1)));
    DuplicateAddressException e = assertThrows(DuplicateAddressException.class, () -> Sampler.run(p, 1));
    assertTrue(e.getMessage().contains("z"), e.getMessage());
    Prob<List<Real>> q = forEach(0, 3, t -> sample(addr("z", t), normal(0, 1)));
    assertEquals(3, Sampler.run(q, 1).value().size());
  }

  @Test
  void anonymousSitesGetDeterministicPositionalAddresses() {
    Prob<Real> p = sample(normal(0, 1)).flatMap(a -> sample("named", normal(0, 1)).flatMap(b -> sample(normal(0, 1))));
    var r1 = Sampler.record(p, Rngs.of(3));
    var r2 = Sampler.record(p, Rngs.of(4));
    assertEquals(List.of(Address.parse("#0"), Address.of("named"), Address.parse("#1")), List.copyOf(r1.choices().keySet()));
    assertEquals(r1.choices().keySet(), r2.choices().keySet());
  }

  @Test
  void nanDensityNamesSiteDistributionAndValue() {
    Prob<?> p = observe("y", new org.probity.dist.Distribution<Double>() {
      @Override
      public Double sample(org.apache.commons.rng.UniformRandomProvider rng) {
        return 0.0;
      }

      @Override
      public Real logProb(Double x) {
        return Real.of(Double.NaN);
      }

      @Override
      public String toString() {
        return "Broken()";
      }
    }, 2.5);
    InvalidWeightException e = assertThrows(InvalidWeightException.class, () -> Sampler.run(p, 1));
    assertTrue(e.getMessage().contains("y") && e.getMessage().contains("Broken") && e.getMessage().contains("2.5"), e.getMessage());
  }

  @Test
  void densityReplaysAndRejectsMissingOrExtraAddresses() {
    Prob<Real> p = sample("mu", normal(0, 1)).flatMap(mu -> observe(normal(mu, 1), 1.0).map(u -> mu));
    Real lj = Density.logJoint(p, Map.of(Address.of("mu"), Real.of(0.3)));
    assertEquals(normal(0, 1).logDensity(0.3) + normal(0.3, 1).logDensity(1.0), lj.value(), 1e-12);
    assertThrows(ProbityException.class, () -> Density.logJoint(p, Map.of()));
    assertThrows(ProbityException.class, () -> Density.logJoint(p, Map.of(Address.of("mu"), Real.of(0), Address.of("x"), Real.of(1))));
  }

  /** Normal-Normal: mu ~ N(0, 1), y ~ N(mu, 1) with y = 1.2: posterior N(0.6, 1/2), evidence N(1.2; 0, 2). */
  @Test
  void importanceSamplingWithAProposalIsUnbiasedForTheConjugatePosterior() {
    double y = 1.2;
    Prob<Real> model = sample("mu", normal(0, 1)).flatMap(mu -> observe(normal(mu, 1), y).map(u -> mu));
    Prob<Real> proposal = sample("mu", normal(0.5, 1.0));
    int n = 40_000;
    WeightedSample<Real> ws = ImportanceSampling.withProposal(model, proposal, n, 11);
    double mean = ws.expectation(Real::value);
    double se = Math.sqrt(0.5 / ws.ess());
    assertEquals(0.6, mean, 5 * se, "posterior mean within 5 standard errors (ESS " + ws.ess() + ")");
    double exactLogZ = normal(0, Math.sqrt(2)).logDensity(y);
    // relative SE of the evidence estimate: sd of normalised weights / sqrt(n), via ESS: var(w)/mean(w)^2 = n/ESS - 1
    double relSe = Math.sqrt((n / ws.ess() - 1) / n);
    assertEquals(Math.exp(exactLogZ), Math.exp(ws.logEvidence()), 5 * relSe * Math.exp(exactLogZ));
    WeightedSample<Real> lw = ImportanceSampling.run(model, n, 12);
    assertEquals(0.6, lw.expectation(Real::value), 5 * Math.sqrt(0.5 / lw.ess()));
  }

  @Test
  void aProposalMustNotCarryWeightNorChooseAddressesTheModelLacks() {
    Prob<Real> model = sample("x", normal(0, 1));
    Prob<Real> weighted = sample("x", normal(0, 1)).flatMap(x -> factor(-x.value() * x.value()).map(u -> x));
    assertThrows(ProbityException.class, () -> ImportanceSampling.withProposal(model, weighted, 10, 1));
    Prob<Real> extra = sample("x", normal(0, 1)).flatMap(x -> sample("aux", normal(0, 0.1)).map(a -> x));
    ProbityException e = assertThrows(ProbityException.class, () -> ImportanceSampling.withProposal(model, extra, 10, 1));
    assertTrue(e.getMessage().contains("aux"), e.getMessage());
  }

  @Test
  void theEnumeratorRejectsAPartReusingAnEarlierNamedAddressAsTheSamplerDoes() {
    Prob<List<Boolean>> p = sample("z", bernoulli(0.5)).flatMap(z -> independent(2, i -> sample("z", bernoulli(0.5))));
    assertThrows(DuplicateAddressException.class, () -> Sampler.run(p, 1));
    assertThrows(DuplicateAddressException.class, () -> Enumerator.enumerate(p));
  }

  @Test
  void plateCopiesItsData() {
    double[] y = {0.0};
    Prob<?> p = plate(normal(0, 1), y);
    double before = Enumerator.logEvidence(p);
    y[0] = 100;
    assertEquals(before, Enumerator.logEvidence(p), 0.0);
  }
}
