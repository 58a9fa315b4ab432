package org.probity.inference.mcmc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.probity.ad.Real;
import org.probity.core.Prob;
import org.probity.dist.Continuous;
import org.probity.dist.Normal;
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
 * noise already drawn. When the walk is the chain's only kernel and {@link StagedWalk} applies, a
 * proposal is scored on the model's recorded log joint instead of a re-run (the same number bit for
 * bit), and only a proposal whose run leaves the recording's path is re-run.
 */
final class FastRandomWalk<A> implements FastPath<A> {

  private static final Normal STD = Normal.of(0, 1);
  private final RandomWalkMH<A> kernel;
  private final FlatState<A> state;
  private final int[] sites; // positions of the moved sites
  private final int[] watched; // selected positions the walk does not move (not continuous reals): must stay so
  private final Continuous[] dists;
  private final double[] xs;
  private final double[] ys;
  private final Object[] given;
  private final double[] jac = new double[1];
  private final double[] eps; // this step's noise (the general path finishing the step reads it too)
  private UniformRandomProvider noiseRng; // the generator gaussian draws from
  private ZigguratSampler.NormalizedGaussian gaussian;
  private final boolean alone; // the chain's only kernel: the state is this walk's alone, so it may be staged
  private final StagedWalk<A> staged; // null: every proposal re-runs the model
  private long scored; // proposals scored on the staged log density, this walk's and its predecessors' (for tests)

  /**
   * The fast path of the walk on the state, or null when the walk moves a vector site there (left
   * to the general path); {@code alone}: the walk is the chain's only kernel.
   */
  static <A> FastRandomWalk<A> of(RandomWalkMH<A> kernel, FlatState<A> state, boolean alone) {
    FixedRun<A> run = state.current;
    for (int i = 0; i < run.size(); i++) {
      if (kernel.movesVector(new Choice(run.address(i), run.dist(i), run.value(i), 0))) {
        return null;
      }
    }
    return new FastRandomWalk<>(kernel, state, alone);
  }

  private FastRandomWalk(RandomWalkMH<A> kernel, FlatState<A> state, boolean alone) {
    this.kernel = kernel;
    this.state = state;
    this.alone = alone;
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
    this.ys = new double[k];
    this.given = new Object[n];
    this.eps = new double[k];
    this.staged = alone && m == 0 ? StagedWalk.of(state, sites) : null;
  }

  @Override
  public Outcome step(UniformRandomProvider rng) {
    int k = sites.length;
    if (k == 0) {
      return Outcome.STAYED;
    }
    double s = kernel.scale();
    if (rng != noiseRng) {
      noiseRng = rng;
      gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }
    STD.sampleDoubles(gaussian, eps); // the kernel's program's noise, Plate.iid(N(0, 1), k), the same draws
    if (staged != null) {
      if (!staged.shift(s, eps, jac)) {
        kernel.rejectOutside(k);
        return Outcome.STAYED;
      }
      double ly = staged.logJointOfProposal();
      if (ly > Double.NEGATIVE_INFINITY && ly < Double.POSITIVE_INFINITY) {
        scored++;
        return decide(staged.logJoint(), ly, k, rng, true);
      }
      staged.settle(); // the run there leaves the recording's path (or has zero density): re-run it
      double[] y = staged.proposal();
      for (int i = 0; i < k; i++) {
        dists[i] = staged.dists()[i]; // the bounds the re-run's supports are compared with
        given[sites[i]] = Real.of(y[i]);
      }
      return rerunAndDecide(k, rng);
    }
    FixedRun<A> run = state.current;
    for (int i = 0; i < k; i++) {
      dists[i] = (Continuous) run.dist(sites[i]);
      xs[i] = ((Real) run.value(sites[i])).value();
    }
    if (!RandomWalkMH.shift(dists, xs, k, s, eps, ys, jac)) {
      kernel.rejectOutside(k);
      return Outcome.STAYED;
    }
    for (int i = 0; i < k; i++) {
      given[sites[i]] = Real.of(ys[i]);
    }
    return rerunAndDecide(k, rng);
  }

  // The proposal in given scored by a re-run of the model from the current flat run.
  private Outcome rerunAndDecide(int k, UniformRandomProvider rng) {
    FixedRun<A> x = state.current;
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
    return decide(x.logJoint(), y.logJoint(), k, rng, false);
  }

  // The acceptance of a proposal of log joint ly from a state of log joint lx, as the kernel's
  // program decides it; recorded: ly is the staged one (else the proposal's run is in state.spare).
  private Outcome decide(double lx, double ly, int k, UniformRandomProvider rng, boolean recorded) {
    double logAlpha = Acceptance.logAlpha(lx, ly, jac[0] + 0.0 - 0.0);
    if (Double.isNaN(logAlpha) || logAlpha == Double.NEGATIVE_INFINITY) {
      if (staged != null) {
        staged.settle();
      }
      return Outcome.CHANGED; // the general path throws, naming both states, or rejects
    }
    kernel.adaptAfter(logAlpha, k);
    KernelStats stats = kernel.stats();
    boolean accept = logAlpha >= 0 || rng.nextDouble() < Math.exp(logAlpha); // the draw of Bernoulli(exp(logAlpha))
    if (stats != null) {
      stats.step(accept);
    }
    if (!accept) {
      return Outcome.STAYED;
    }
    if (recorded) {
      staged.accept(ly);
    } else {
      state.accept();
      if (staged != null) {
        staged.adoptRun();
      }
    }
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

  /** The number of proposals scored on the staged log density, without a run (for tests). */
  long stagedScores() {
    return scored;
  }

  /** The staged log density of this walk, or null (every proposal re-runs the model). */
  StagedWalk<A> staged() {
    return staged;
  }

  @Override
  public void settle() {
    if (staged != null) {
      staged.settle();
    }
  }

  @Override
  public Prob<Trace<A>> rest(Trace<A> x) {
    return kernel.proposeWith(x, eps);
  }

  @Override
  public FastPath<A> restart(FlatState<A> at) {
    FastRandomWalk<A> f = FastRandomWalk.of(kernel, at, alone);
    if (f != null) {
      f.scored = scored;
    }
    return f;
  }
}
