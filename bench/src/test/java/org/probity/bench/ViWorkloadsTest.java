package org.probity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.probity.bench.data.LogisticData;
import org.probity.bench.handcoded.LogisticMeanFieldAdvi;
import org.probity.bench.handcoded.VaeByHand;
import org.probity.bench.probity.LogisticModel;
import org.probity.examples.Vae;
import org.probity.random.Rngs;
import org.probity.trace.LogDensity;
import org.probity.vi.guides.AutoGuide;
import org.probity.vi.optim.Adam;
import org.probity.vi.optim.Optimize;
import org.probity.vi.param.ParamStore;

/**
 * The hand-written VI baselines compute the same estimator as Probity: over four seeds each, the
 * mean of the last objective estimates of both systems agree within 5 combined standard errors
 * (the two use different random streams, so only their laws can agree).
 */
class ViWorkloadsTest {
  private static double tail(double[] trace, int last) {
    double s = 0;
    for (int t = trace.length - last; t < trace.length; t++) {
      s += trace[t];
    }
    return s / last;
  }

  private static void assertSameLaw(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    for (int i = 0; i < a.length; i++) {
      va += (a[i] - ma) * (a[i] - ma) / (a.length - 1);
      vb += (b[i] - mb) * (b[i] - mb) / (b.length - 1);
    }
    double se = Math.sqrt(va / a.length + vb / b.length);
    assertEquals(ma, mb, 5 * se + 1e-9, "probity " + ma + " vs handcoded " + mb);
  }

  @Test
  void meanFieldAdviAgrees() {
    LogisticData data = LogisticData.generate(200, 5);
    AutoGuide guide = AutoGuide.meanField(LogDensity.of(new LogisticModel(data).program()), "q");
    double[] p = new double[4];
    double[] h = new double[4];
    for (int s = 0; s < 4; s++) {
      p[s] = tail(Optimize.maximize(guide.elbo(), new ParamStore(s), Optimize.Config.of(1000).optimizer(Adam.of(0.05))
          .progress(false).seed(s)).objective(), 500);
      h[s] = tail(LogisticMeanFieldAdvi.run(data, 1000, 0.05, Rngs.of(s)).elbo(), 500);
    }
    assertSameLaw(p, h);
  }

  @Test
  void vaeAgrees() {
    Vae.Images images = Vae.bars(300, 5);
    double[] p = new double[4];
    double[] h = new double[4];
    for (int s = 0; s < 4; s++) {
      p[s] = tail(Vae.train(images, 200, 32, s, false).objective(), 100);
      h[s] = tail(VaeByHand.train(images.pixels(), 200, 32, 0.01, Rngs.of(s)), 100);
    }
    assertSameLaw(p, h);
  }
}
