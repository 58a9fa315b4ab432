package org.probity.inference.mcmc;

import org.probity.core.Address;
import org.probity.dist.Deterministic;
import org.probity.trace.FixedRun;
import org.probity.trace.LogDensity;

/**
 * A Hamiltonian chain's kept draws without a run of the model per draw: where the model's run at a
 * point follows the verified recording of its log density ({@link LogDensity#followsRecording}),
 * its choices are those of a template run (the same addresses, the same held values) with the moved
 * sites' values at the point ({@link LogDensity#constrainedValues}), and its output is the
 * template's. A template is kept only from a run that itself followed the recording, has no
 * deterministic site (their values are computed from the point) and returns null or an enum
 * constant (a value that does not depend on the point); otherwise every draw runs the model.
 */
final class KeptDraws {
  private final LogDensity density;
  private final int[] positions; // the run's position of each moved site, in the layout's order
  private final Address[] addresses;
  private final Object[] held; // the template's values (the moved positions are overwritten per draw)
  private final Object output;
  private long reads;

  /**
   * The kept draws of {@code density} with {@code template}, the model's run at a point that
   * follows the recording ({@link LogDensity#followsRecording}) and is {@link #eligible}.
   */
  KeptDraws(LogDensity density, int[] positions, FixedRun<?> template) {
    this.density = density;
    this.positions = positions.clone();
    int n = template.size();
    this.addresses = new Address[n];
    this.held = new Object[n];
    for (int i = 0; i < n; i++) {
      addresses[i] = template.address(i);
      held[i] = template.value(i);
    }
    this.output = template.output();
  }

  /** Whether a run can stand for other points: no deterministic site, and an output that is null or an enum constant. */
  static boolean eligible(FixedRun<?> run) {
    Object out = run.output();
    if (out != null && !(out instanceof Enum<?>)) {
      return false;
    }
    for (int i = 0; i < run.size(); i++) {
      if (run.dist(i) instanceof Deterministic<?>) {
        return false;
      }
    }
    return true;
  }

  /** The choices at theta, or null when the model's run there does not follow the recording (run it). */
  Columns.Source at(double[] theta) {
    return density.followsRecording(theta) ? atFollowing(theta) : null;
  }

  /** The choices at theta, a point known to follow the recording (its recorded log density was finite). */
  Columns.Source atFollowing(double[] theta) {
    reads++;
    Object[] moved = density.constrainedValues(theta);
    Object[] values = held.clone();
    for (int k = 0; k < moved.length; k++) {
      values[positions[k]] = moved[k];
    }
    return Columns.Source.of(addresses, values);
  }

  /** The number of draws read without a run (for tests). */
  long reads() {
    return reads;
  }

  /** The output of the model's run at any point where {@link #at} gives the choices. */
  Object output() {
    return output;
  }
}
