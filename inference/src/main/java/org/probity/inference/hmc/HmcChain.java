package org.probity.inference.hmc;

import java.util.List;

/**
 * The output of one chain: its kept draws and their transitions, the warm-up transitions (and
 * draws when kept), and the adapted step size and metric with which the draws were made.
 * Immutable; arrays are copied out.
 */
public final class HmcChain {
  private final double[][] draws;
  private final List<Transition> transitions;
  private final double[][] warmupDraws;
  private final List<Transition> warmupTransitions;
  private final double stepSize;
  private final Metric metric;
  private final long gradientEvaluations;

  HmcChain(double[][] draws, List<Transition> transitions, double[][] warmupDraws,
      List<Transition> warmupTransitions, double stepSize, Metric metric, long gradientEvaluations) {
    this.draws = draws;
    this.transitions = List.copyOf(transitions);
    this.warmupDraws = warmupDraws;
    this.warmupTransitions = List.copyOf(warmupTransitions);
    this.stepSize = stepSize;
    this.metric = metric;
    this.gradientEvaluations = gradientEvaluations;
  }

  /** The number of kept draws. */
  public int numDraws() {
    return draws.length;
  }

  /** A copy of the kept draws, {@code [iteration][coordinate]}. */
  public double[][] draws() {
    return copy(draws);
  }

  /** Coordinate {@code j} of kept draw {@code i}. */
  public double value(int i, int j) {
    return draws[i][j];
  }

  /** A copy of kept draw {@code i}. */
  public double[] draw(int i) {
    return draws[i].clone();
  }

  /** The sampler parameters of the kept draws. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** A copy of the warm-up draws (empty unless the run kept them). */
  public double[][] warmupDraws() {
    return copy(warmupDraws);
  }

  /** The sampler parameters of the warm-up transitions. */
  public List<Transition> warmupTransitions() {
    return warmupTransitions;
  }

  /** The step size of the kept draws (adapted, or as given without warm-up). */
  public double stepSize() {
    return stepSize;
  }

  /** The metric of the kept draws. */
  public Metric metric() {
    return metric;
  }

  /**
   * Log-density-and-gradient evaluations by the chain's kernel: at its starting point, in the
   * step-size searches and in every leapfrog step (the random initial-point attempts excluded).
   */
  public long gradientEvaluations() {
    return gradientEvaluations;
  }

  /** A copy of the last kept draw (where a continuation starts). */
  public double[] lastDraw() {
    return draws[draws.length - 1].clone();
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
