package org.probity.vi.optim;

import java.util.HashMap;
import java.util.Map;
import org.probity.vi.param.Gradient;
import org.probity.vi.param.ParamStore;

/**
 * Stochastic gradient ascent, optionally with (heavy-ball) momentum: v = mu v + g, theta += lr_t v
 * (Robbins and Monro, 1951; Polyak, 1964).
 */
public final class Sgd implements Optimizer {
  private final Schedule schedule;
  private final double momentum;
  private final Map<String, double[]> velocity = new HashMap<>();
  private int t;

  /** SGD with the given schedule and momentum in [0, 1). */
  public Sgd(Schedule schedule, double momentum) {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("Sgd: momentum must be in [0, 1), got " + momentum);
    }
    this.schedule = schedule;
    this.momentum = momentum;
  }

  /** Plain SGD with a constant learning rate. */
  public static Sgd of(double lr) {
    return new Sgd(Schedule.constant(lr), 0);
  }

  @Override
  public void step(ParamStore store, Gradient g) {
    double lr = schedule.rate(t++);
    for (Map.Entry<String, double[]> e : g.entries().entrySet()) {
      double[] grad = e.getValue();
      double[] u = store.coordinates(e.getKey());
      double[] v = velocity.computeIfAbsent(e.getKey(), k -> new double[grad.length]);
      for (int i = 0; i < u.length; i++) {
        v[i] = momentum * v[i] + grad[i];
        u[i] += lr * v[i];
      }
    }
  }

  @Override
  public int steps() {
    return t;
  }

  @Override
  public String toString() {
    return "SGD" + (momentum > 0 ? "(momentum " + momentum + ")" : "");
  }
}
