package org.probity.vi.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.normal;
import static org.probity.Probity.observe;
import static org.probity.Probity.plate;
import static org.probity.Probity.pure;
import static org.probity.Probity.replicate;
import static org.probity.Probity.sample;
import static org.probity.vi.Vi.elbo;
import static org.probity.vi.Vi.generative;
import static org.probity.vi.Vi.maximize;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.vi.adev.Expectation;
import org.probity.vi.param.ParamStore;

/** The code in docs/vi.md compiles and does what the text says. */
class DocExamplesTest {
  /** The quick start: the conjugate model's ELBO maximised; its optimum is the exact posterior N(sum y / (n + 1), 1 / (n + 1)). */
  @Test
  void quickStart() {
    double[] ys = {0.7, 1.9, 1.1, -0.3};
    Generative<Real> model = generative(sample("mu", normal(0, 1)).flatMap(mu -> plate(normal(mu, 1.0), ys).then(() -> pure(mu))));
    Generative<Real> guide = generative(p -> sample("mu", normal(p.real("m", 0), p.positive("s", 1))));
    ParamStore store = new ParamStore();
    org.probity.vi.optim.Optimize.maximize(elbo(model, guide), store, org.probity.vi.optim.Optimize.Config.of(3000)
        .optimizer(org.probity.vi.optim.Adam.of(org.probity.vi.optim.Schedule.exponentialDecay(0.05, 0.05, 3000)))
        .samples(4).progress(false));
    assertEquals(3.4 / 5, store.scalar("m"), 0.03);
    assertEquals(Math.sqrt(1 / 5.0), store.scalar("s"), 0.03);
    maximize(elbo(model, guide), new ParamStore(), 10, 0.05); // the one-line form of the text
  }

  /** The Renyi bound of the text, as written there. */
  static Expectation vr(Generative<?> model, Generative<?> guide, int k, double alpha) {
    return Expectation.of(p -> replicate(k, Objectives.logWeight(model, guide, p)).map(ws -> {
      Real[] scaled = ws.stream().map(w -> w.times(1 - alpha)).toArray(Real[]::new);
      return Objectives.logMeanExp(scaled).div(1 - alpha);
    }));
  }

  /** With alpha = 0 the VR bound is the IWELBO: same exact value and exact expected gradient. */
  @Test
  void renyiBoundAtAlphaZeroIsTheIwelbo() {
    Generative<Boolean> model = generative(sample("z", bernoulli(0.3)).flatMap(z -> observe(bernoulli(z ? 0.9 : 0.2), true)
        .then(() -> pure(z))));
    Generative<Boolean> guide = generative(p -> sample("z", bernoulli(p.real("phi", 0.4).logistic())));
    var a = vr(model, guide, 2, 0.0).exactMean(new ParamStore());
    var b = Objectives.iwelbo(model, guide, 2).exactMean(new ParamStore());
    assertEquals(b.value(), a.value(), 1e-12);
    assertEquals(b.gradient().get("phi", 0), a.gradient().get("phi", 0), 1e-12);
  }
}
