package org.probity.vi.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.observe;
import static org.probity.Probity.pure;
import static org.probity.Probity.sample;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.vi.adev.Estimator;
import org.probity.vi.adev.Estimators;
import org.probity.vi.adev.Expectation;
import org.probity.vi.adev.Policy;
import org.probity.vi.adev.ValueAndGradient;
import org.probity.vi.param.ParamStore;

/** Models given data as choices, policies by address, and the guide's addresses seen by ADEV. */
class GenerativeTest {
  private static final Generative<Boolean> GUIDE = Generative.of(p -> sample("z", bernoulli(p.real("phi", 0.4).logistic())));

  @Test
  void dataGivenAsChoicesScoresLikeAnObservation() {
    Generative<Boolean> observed = Generative.of(sample("z", bernoulli(0.3)).flatMap(z -> observe(bernoulli(z ? 0.9 : 0.2), true)
        .then(() -> pure(z))));
    Generative<Boolean> unobserved = Generative.of(sample("z", bernoulli(0.3)).flatMap(z -> sample("y", bernoulli(z ? 0.9 : 0.2))
        .map(y -> z)));
    ValueAndGradient a = Objectives.elbo(observed, GUIDE).exactMean(new ParamStore());
    ValueAndGradient b = Objectives.elbo(unobserved.given(Map.of(Address.parse("y"), true)), GUIDE).exactMean(new ParamStore());
    assertEquals(a.value(), b.value(), 1e-12);
    assertEquals(a.gradient().get("phi", 0), b.gradient().get("phi", 0), 1e-12);
  }

  @Test
  void aPolicyChoosesByTheGuidesOwnAddress() {
    Generative<Boolean> model = Generative.of(sample("z", bernoulli(0.3)));
    java.util.List<Address> seen = new java.util.ArrayList<>();
    Estimator spy = (site, k) -> {
      seen.add(site.address());
      return Estimators.ENUM.estimate(site, k);
    };
    Expectation e = Expectation.of(p -> Objectives.logWeight(model, GUIDE, p), Policy.DEFAULT.at("z", spy));
    ValueAndGradient vg = e.valueAndGradEstimate(new ParamStore(), org.probity.random.Rngs.of(1));
    assertEquals(java.util.List.of(Address.parse("z")), seen);
    ValueAndGradient exact = Objectives.elbo(model, GUIDE).exactMean(new ParamStore());
    assertEquals(exact.gradient().get("phi", 0), vg.gradient().get("phi", 0), 1e-12, "ENUM chosen by the policy is exact");
    assertTrue(vg.gradient().names().contains("phi"));
  }
}
