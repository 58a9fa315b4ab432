package org.probity.bench.workloads;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probity.bench.api.RunResult;
import org.probity.bench.api.Workload;
import org.probity.bench.handcoded.VaeByHand;
import org.probity.examples.Vae;
import org.probity.random.Rngs;

/**
 * {@code vi-vae}: training steps of the {@code vae} example (8 x 8 bar images, encoder 64-32-4,
 * decoder 2-32-64, minibatch B drawn with replacement, one reparameterised draw per image,
 * Adam(0.01)), {@value #STEPS} steps per run from fresh Glorot initial weights. Probity:
 * {@code Vae.train} (the objective a program over a vectorised minibatch, each layer one tape
 * block); the baseline backpropagates by hand. Reports the mean ELBO estimate over the last 100
 * steps.
 */
public final class VaeWorkload implements Workload {
  /** Training steps per run. */
  public static final int STEPS = 500;

  @Override
  public String name() {
    return "vi-vae";
  }

  @Override
  public String algorithm() {
    return "vae-elbo-adam";
  }

  @Override
  public List<String> sizes(boolean quick) {
    return quick ? List.of("N1000-B32") : List.of("N1000-B32", "N1000-B64", "N1000-B128");
  }

  @Override
  public Instance prepare(String size, Path dataDir) {
    int n = Sizes.get(size, 'N');
    int batch = Sizes.get(size, 'B');
    Vae.Images images = Vae.bars(n, Sizes.DATA_SEED);
    return new Instance() {
      @Override
      public RunResult probity(long seed) {
        return result(Vae.train(images, STEPS, batch, seed, false).objective());
      }

      @Override
      public RunResult handcoded(long seed) {
        return result(VaeByHand.train(images.pixels(), STEPS, batch, 0.01, Rngs.of(seed)));
      }
    };
  }

  private static RunResult result(double[] trace) {
    Map<String, Double> means = new LinkedHashMap<>();
    double s = 0;
    for (int t = trace.length - 100; t < trace.length; t++) {
      s += trace[t];
    }
    means.put("elbo", s / 100);
    return RunResult.smc(Double.NaN, means, Map.of());
  }
}
