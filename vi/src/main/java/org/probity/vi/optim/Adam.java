package org.probity.vi.optim;

import java.util.HashMap;
import java.util.Map;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;

/**
 * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015), ascending:
 * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, theta += lr_t m^ / (sqrt(v^) + eps) with the
 * bias-corrected moments m^, v^. Moments are kept per parameter name.
 */
public final class Adam implements Optimizer {
  private final Schedule schedule;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final Map<String, double[][]> moments = new HashMap<>();
  private int t;

  /** Adam with the given schedule and constants. */
  public Adam(Schedule schedule, double beta1, double beta2, double eps) {
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)) {
      throw new IllegalArgumentException("Adam: needs beta1, beta2 in [0, 1) and eps > 0, got " + beta1 + ", " + beta2 + ", " + eps);
    }
    this.schedule = schedule;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  /** Adam with a constant learning rate and the usual constants (0.9, 0.999, 1e-8). */
  public static Adam of(double lr) {
    return new Adam(Schedule.constant(lr), 0.9, 0.999, 1e-8);
  }

  /** Adam with a schedule and the usual constants. */
  public static Adam of(Schedule schedule) {
    return new Adam(schedule, 0.9, 0.999, 1e-8);
  }

  @Override
  public void step(ParamStore store, Gradient g) {
    double lr = schedule.rate(t);
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (Map.Entry<String, double[]> e : g.entries().entrySet()) {
      double[] grad = e.getValue();
      double[][] mv = moments.computeIfAbsent(e.getKey(), k -> new double[][] {new double[grad.length], new double[grad.length]});
      double[] m = mv[0];
      double[] v = mv[1];
      double[] u = store.coordinates(e.getKey());
      for (int i = 0; i < u.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
        v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
        u[i] += lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
      }
    }
  }

  @Override
  public int steps() {
    return t;
  }

  @Override
  public String toString() {
    return "Adam";
  }
}
