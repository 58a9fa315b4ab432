package org.probity.vi.adev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.addr;
import static org.probity.Probity.bernoulli;
import static org.probity.Probity.fold;
import static org.probity.Probity.normal;
import static org.probity.Probity.sample;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.random.Rngs;
import org.probity.vi.objectives.Generative;
import org.probity.vi.objectives.Objectives;
import org.probity.vi.param.ParamStore;
import org.probity.vi.param.Params;

/**
 * Estimator programs run in constant JVM stack: an ELBO over a guide with 20,000 choices
 * (REPARAM and REINFORCE, each pending a score term until the end) runs on a thread with a small
 * (256 KB) stack.
 */
class StackSafetyTest {
  private static final int N = 20_000;

  private static Prob<Real> chain(Params p, boolean discrete) {
    Real m = p.real("m", 0.1);
    return fold(0, N, Real.ZERO, (Real acc, Integer i) -> discrete
        ? sample(addr("z", i), bernoulli(m.logistic())).map(b -> b ? acc.plus(1) : acc)
        : sample(addr("z", i), normal(m, 1.0)).map(acc::plus));
  }

  @Test
  void aLongGuideRunsInASmallStack() throws InterruptedException {
    double[] out = new double[2];
    Thread t = new Thread(null, () -> {
      for (int k = 0; k < 2; k++) {
        boolean discrete = k == 1;
        Generative<Real> model = Generative.of(p -> discrete
            ? fold(0, N, Real.ZERO, (Real acc, Integer i) -> sample(addr("z", i), bernoulli(0.5)).map(b -> acc))
            : fold(0, N, Real.ZERO, (Real acc, Integer i) -> sample(addr("z", i), normal(0, 1)).map(x -> acc)));
        Expectation elbo = Objectives.elbo(model, Generative.of(p -> chain(p, discrete)));
        out[k] = elbo.valueAndGradEstimate(new ParamStore(), Rngs.of(1)).gradient().get("m", 0);
      }
    }, "small-stack", 256 * 1024);
    Throwable[] failure = new Throwable[1];
    t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
    t.start();
    t.join();
    assertEquals(null, failure[0], () -> String.valueOf(failure[0]));
    assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]));
  }
}
