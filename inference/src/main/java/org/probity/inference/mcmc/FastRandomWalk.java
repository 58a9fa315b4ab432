package org.probity.inference.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Bernoulli;
import org.probity.dist.Continuous;
import org.probity.dist.Normal;
import org.probity.dist.Plate;
import org.probity.trace.Choice;
import org.probity.trace.FixedRun;
import org.probity.trace.Trace;

/**
 * The fixed-structure fast path of {@link RandomWalkMH}: the chain's state is the flat run of
 * {@link FixedRun} (values, distributions and log densities by position) and a step draws the
 * same noise, computes the same proposal ({@link RandomWalkMH#shift}) and the same acceptance
 * ratio as the kernel's program, and draws the same coin, but re-runs the model without building
 * a trace. When the proposed run changes the structure (another address, a fresh draw, a moved
 * site's support that changed, a site that starts or stops being one the walk moves), the step
 * reports {@link Outcome#CHANGED} and {@link #rest} finishes it on the general path with the
 * noise already drawn.
 */
final class FastRandomWalk<A> implements FastPath<A> {

  private static final Normal STD = Normal.of(0, 1);
  private final RandomWalkMH<A> kernel;
  private final FlatState<A> state;
  private final int[] sites; // positions of the moved sites
  private final int[] watched; // selected positions the walk does not move (not continuous reals): must stay so
  private final Continuous[] dists;
  private final double[] xs;
  private final Object[] given;
  private final double[] jac = new double[1];
  private final Plate noise;
  private double[] lastNoise;

  /** The fast path of the walk on the state, or null when the walk moves a vector site there (left to the general path). */
  static <A> FastRandomWalk<A> of(RandomWalkMH<A> kernel, FlatState<A> state) {
    FixedRun<A> run = state.current;
    for (int i = 0; i < run.size(); i++) {
      if (kernel.movesVector(new Choice(run.address(i), run.dist(i), run.value(i), 0))) {
        return null;
      }
    }
    return new FastRandomWalk<>(kernel, state);
  }

  private FastRandomWalk(RandomWalkMH<A> kernel, FlatState<A> state) {
    this.kernel = kernel;
    this.state = state;
    FixedRun<A> run = state.current;
    int n = run.size();
    int[] s = new int[n];
    int[] w = new int[n];
    int k = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (kernel.movesScalar(new Choice(run.address(i), run.dist(i), run.value(i), 0))) {
        s[k++] = i;
      } else if (kernel.selects(run.address(i))) {
        w[m++] = i; // selected, but not a continuous real in this run
      }
    }
    this.sites = java.util.Arrays.copyOf(s, k);
    this.watched = java.util.Arrays.copyOf(w, m);
    this.dists = new Continuous[k];
    this.xs = new double[k];
    this.given = new Object[n];
    this.noise = k == 0 ? null : Plate.iid(STD, k);
  }

  @Override
  public Outcome step(UniformRandomProvider rng) {
    int k = sites.length;
    if (k == 0) {
      return Outcome.STAYED;
    }
    double s = kernel.scale();
    double[] eps = noise.sample(rng);
    lastNoise = eps;
    FixedRun<A> x = state.current;
    for (int i = 0; i < k; i++) {
      dists[i] = (Continuous) x.dist(sites[i]);
      xs[i] = ((Real) x.value(sites[i])).value();
    }
    if (!RandomWalkMH.shift(dists, xs, k, s, eps, sites, given, jac)) {
      kernel.rejectOutside(k);
      return Outcome.STAYED;
    }
    FixedRun<A> y = state.spare;
    try {
      if (!y.rerun(x, given)) {
        return Outcome.CHANGED;
      }
    } catch (RuntimeException e) {
      return Outcome.CHANGED; // invalid parameters or an infinite density: the general path rejects it by cause, or throws
    }
    if (y.logJoint() == Double.NEGATIVE_INFINITY || !sameSites(y) || supportsMoved(y)) {
      return Outcome.CHANGED; // zero density (counted by cause there), or the structure changed
    }
    double logAlpha = Acceptance.logAlpha(x.logJoint(), y.logJoint(), jac[0] + 0.0 - 0.0);
    if (Double.isNaN(logAlpha) || logAlpha == Double.NEGATIVE_INFINITY) {
      return Outcome.CHANGED; // the general path throws, naming both states, or rejects
    }
    kernel.adaptAfter(logAlpha, k);
    KernelStats stats = kernel.stats();
    boolean accept = logAlpha >= 0 || Bernoulli.of(Math.exp(logAlpha)).sample(rng);
    if (stats != null) {
      stats.step(accept);
    }
    if (!accept) {
      return Outcome.STAYED;
    }
    state.accept();
    return Outcome.MOVED;
  }

  /** Whether exactly the moved positions are sites of the walk in y (a run that stopped early fails). */
  private boolean sameSites(FixedRun<A> y) {
    if (y.logJoint() == Double.NEGATIVE_INFINITY) {
      return true; // a zero-density run: rejected whatever its sites (the general path rejects it too)
    }
    for (int p : sites) {
      if (!(y.dist(p) instanceof Continuous)) {
        return false;
      }
    }
    for (int p : watched) {
      if (y.dist(p) instanceof Continuous && y.value(p) instanceof Real) {
        return false;
      }
    }
    return true;
  }

  /** Whether a moved site's support bounds differ from the current run's (the general path corrects for it). */
  private boolean supportsMoved(FixedRun<A> y) {
    if (y.logJoint() == Double.NEGATIVE_INFINITY) {
      return false;
    }
    for (int i = 0; i < sites.length; i++) {
      Continuous d = (Continuous) y.dist(sites[i]);
      if (d != dists[i] && (d.supportLowerBound() != dists[i].supportLowerBound()
          || d.supportUpperBound() != dists[i].supportUpperBound())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Prob<Trace<A>> rest(Trace<A> x) {
    return kernel.proposeWith(x, lastNoise);
  }

  @Override
  public FastPath<A> restart(FlatState<A> at) {
    return FastRandomWalk.of(kernel, at);
  }
}
