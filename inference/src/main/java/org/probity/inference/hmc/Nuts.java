package org.probity.inference.hmc;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.ad.LogDensityFunction;

/**
 * The No-U-Turn sampler with multinomial sampling of the trajectory, exactly as Stan's
 * {@code base_nuts} (src/stan/mcmc/hmc/nuts/base_nuts.hpp; Betancourt, "A Conceptual
 * Introduction to Hamiltonian Monte Carlo", 2017, appendix A; Hoffman and Gelman 2014 for the
 * doubling scheme).
 *
 * <p>The trajectory grows by doubling, each new subtree in a uniformly random direction, until
 * the generalised no-U-turn criterion fails (Betancourt 2017, A.4.2: p#(-) . rho > 0 and
 * p#(+) . rho > 0 with rho the summed momenta and p# = M^-1 p at the ends), checked on every
 * subtree and, as Stan since 2.21 (2019), also across the two halves of each merge (the left half
 * extended by the first point of the right one and vice versa), until the maximum tree depth
 * (default 10), or until a leapfrog step's energy error H - H0 exceeds the divergence threshold
 * (default 1000). Points are weighted by exp(H0 - H): within a subtree the proposal is chosen by
 * uniform progressive sampling, and between the old trajectory and a new subtree by biased
 * progressive sampling (the new subtree's proposal is taken with probability min(1, w_new /
 * w_old)), which favours points far from the start. NumPyro's {@code hmc_util.py}
 * ({@code _biased_transition_kernel}, {@code _uniform_transition_kernel}) implements the same.
 *
 * <p>All work arrays are allocated at construction (those of the recursion per tree level, on
 * first use); a transition allocates only its {@link Transition}.
 */
public final class Nuts extends HamiltonianKernel {
  /** Stan's default maximum tree depth. */
  public static final int DEFAULT_MAX_DEPTH = 10;
  /** Stan's default divergence threshold on the energy error. */
  public static final double DEFAULT_MAX_DELTA_H = 1000;

  private final int maxDepth;
  private final double maxDeltaH;

  // Trajectory state of a transition, as in base_nuts::transition.
  private final PhasePoint zFwd;
  private final PhasePoint zBck;
  private final PhasePoint zSample;
  private final PhasePoint zPropose;
  private final double[] pFwdFwd;
  private final double[] pSharpFwdFwd;
  private final double[] pFwdBck;
  private final double[] pSharpFwdBck;
  private final double[] pBckFwd;
  private final double[] pSharpBckFwd;
  private final double[] pBckBck;
  private final double[] pSharpBckBck;
  private final double[] rho;
  private final double[] rhoFwd;
  private final double[] rhoBck;
  private final double[] rhoExtended;
  /** Work arrays of build_tree's locals, one set per tree level (index = depth). */
  private final Level[] levels;

  // Accumulators passed by reference in Stan.
  private int nLeapfrog;
  private double sumMetroProb;
  private boolean divergent;
  /** The log sum of weights of the subtree the last buildTree call built. */
  private double subtreeLogWeight;

  /** The locals of one level of the recursion. */
  private static final class Level {
    final double[] pInitEnd;
    final double[] pSharpInitEnd;
    final double[] rhoInit;
    final PhasePoint zProposeFinal;
    final double[] pFinalBeg;
    final double[] pSharpFinalBeg;
    final double[] rhoFinal;
    final double[] rhoSubtree;

    Level(int n) {
      pInitEnd = new double[n];
      pSharpInitEnd = new double[n];
      rhoInit = new double[n];
      zProposeFinal = new PhasePoint(n);
      pFinalBeg = new double[n];
      pSharpFinalBeg = new double[n];
      rhoFinal = new double[n];
      rhoSubtree = new double[n];
    }
  }

  /**
   * A NUTS kernel; call {@link #setPosition} before the first transition.
   *
   * @param target the log density (this kernel's own copy when chains run in parallel)
   * @param metric the metric
   * @param stepSize the step size, finite and positive
   * @param maxDepth the maximum tree depth, at least 1 (Stan's default 10)
   * @param maxDeltaH the divergence threshold on H - H0, positive (Stan's default 1000)
   * @param rng the chain's generator
   */
  public Nuts(LogDensityFunction target, Metric metric, double stepSize, int maxDepth,
      double maxDeltaH, UniformRandomProvider rng) {
    super(target, metric, stepSize, rng);
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maximum tree depth must be >= 1, got " + maxDepth);
    }
    if (!(maxDeltaH > 0)) {
      throw new IllegalArgumentException("divergence threshold must be positive, got " + maxDeltaH);
    }
    this.maxDepth = maxDepth;
    this.maxDeltaH = maxDeltaH;
    int n = dimension();
    zFwd = new PhasePoint(n);
    zBck = new PhasePoint(n);
    zSample = new PhasePoint(n);
    zPropose = new PhasePoint(n);
    pFwdFwd = new double[n];
    pSharpFwdFwd = new double[n];
    pFwdBck = new double[n];
    pSharpFwdBck = new double[n];
    pBckFwd = new double[n];
    pSharpBckFwd = new double[n];
    pBckBck = new double[n];
    pSharpBckBck = new double[n];
    rho = new double[n];
    rhoFwd = new double[n];
    rhoBck = new double[n];
    rhoExtended = new double[n];
    levels = new Level[maxDepth + 1];
  }

  /** A NUTS kernel with Stan's defaults: unit metric, maximum depth 10, divergence threshold 1000. */
  public Nuts(LogDensityFunction target, double stepSize, UniformRandomProvider rng) {
    this(target, Metric.unit(target.dimension()), stepSize, DEFAULT_MAX_DEPTH, DEFAULT_MAX_DELTA_H, rng);
  }

  /** The maximum tree depth. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The divergence threshold on the energy error. */
  public double maxDeltaH() {
    return maxDeltaH;
  }

  @Override
  Transition move() {
    requirePosition();
    double[] p = z.p;
    metric.sampleMomentum(normal, p);

    zFwd.copyFrom(z);
    zBck.copyFrom(z);
    zSample.copyFrom(z);
    zPropose.copyFrom(z);

    // Momentum and sharp momentum at the ends of the forward and backward subtrees.
    copy(p, pFwdFwd);
    metric.velocity(p, pSharpFwdFwd);
    copy(p, pFwdBck);
    copy(pSharpFwdFwd, pSharpFwdBck);
    copy(p, pBckFwd);
    copy(pSharpFwdFwd, pSharpBckFwd);
    copy(p, pBckBck);
    copy(pSharpFwdFwd, pSharpBckBck);

    copy(p, rho);
    double logSumWeight = 0; // log(exp(H0 - H0))
    double h0 = Leapfrog.hamiltonian(z, metric);
    nLeapfrog = 0;
    sumMetroProb = 0;
    divergent = false;
    int depth = 0;

    while (depth < maxDepth) {
      Arrays.fill(rhoFwd, 0);
      Arrays.fill(rhoBck, 0);
      boolean validSubtree;
      if (rng.nextDouble() > 0.5) {
        // Extend the trajectory forward.
        z.copyFrom(zFwd);
        copy(rho, rhoBck);
        copy(pFwdFwd, pBckFwd);
        copy(pSharpFwdFwd, pSharpBckFwd);
        validSubtree = buildTree(depth, zPropose, pSharpFwdBck, pSharpFwdFwd, rhoFwd, pFwdBck,
            pFwdFwd, h0, 1);
        zFwd.copyFrom(z);
      } else {
        // Extend the trajectory backward.
        z.copyFrom(zBck);
        copy(rho, rhoFwd);
        copy(pBckBck, pFwdBck);
        copy(pSharpBckBck, pSharpFwdBck);
        validSubtree = buildTree(depth, zPropose, pSharpBckFwd, pSharpBckBck, rhoBck, pBckFwd,
            pBckBck, h0, -1);
        zBck.copyFrom(z);
      }
      if (!validSubtree) {
        break;
      }
      double logSumWeightSubtree = subtreeLogWeight;
      ++depth;

      // Biased progressive sampling: prefer the new subtree's proposal.
      if (logSumWeightSubtree > logSumWeight) {
        zSample.copyFrom(zPropose);
      } else {
        double acceptProb = Math.exp(logSumWeightSubtree - logSumWeight);
        if (rng.nextDouble() < acceptProb) {
          zSample.copyFrom(zPropose);
        }
      }
      logSumWeight = logSumExp(logSumWeight, logSumWeightSubtree);

      for (int i = 0; i < rho.length; i++) {
        rho[i] = rhoBck[i] + rhoFwd[i];
      }
      // Demand satisfaction around the merged subtrees ...
      boolean persist = criterion(pSharpBckBck, pSharpFwdFwd, rho);
      // ... and between them.
      for (int i = 0; i < rho.length; i++) {
        rhoExtended[i] = rhoBck[i] + pFwdBck[i];
      }
      persist &= criterion(pSharpBckBck, pSharpFwdBck, rhoExtended);
      for (int i = 0; i < rho.length; i++) {
        rhoExtended[i] = rhoFwd[i] + pBckFwd[i];
      }
      persist &= criterion(pSharpBckFwd, pSharpFwdFwd, rhoExtended);
      if (!persist) {
        break;
      }
    }

    // The average acceptance probability over the whole trajectory, rejected subtrees included.
    double acceptStat = sumMetroProb / nLeapfrog;
    z.copyFrom(zSample);
    double energy = Leapfrog.hamiltonian(z, metric);
    return new Transition(stepSize, depth, nLeapfrog, divergent, energy, acceptStat, -z.potential);
  }

  /**
   * Stan's {@code build_tree}: extends the trajectory from {@code z} by 2^depth leapfrog steps in
   * direction {@code sign}, leaving {@code z} at its new end, the subtree's proposal in
   * {@code zProp} and its log sum of weights in {@link #subtreeLogWeight}; adds the subtree's
   * momenta to {@code rhoOut}. Returns false when the subtree diverged or turned (the caller then
   * discards it).
   */
  private boolean buildTree(int depth, PhasePoint zProp, double[] pSharpBeg, double[] pSharpEnd,
      double[] rhoOut, double[] pBeg, double[] pEnd, double h0, int sign) {
    if (depth == 0) {
      integrator.evolve(z, metric, sign * stepSize);
      ++nLeapfrog;
      double h = Leapfrog.hamiltonian(z, metric);
      if (Double.isNaN(h)) {
        h = Double.POSITIVE_INFINITY;
      }
      if (h - h0 > maxDeltaH) {
        divergent = true;
      }
      subtreeLogWeight = h0 - h;
      sumMetroProb += h0 - h > 0 ? 1 : Math.exp(h0 - h);
      zProp.copyFrom(z);
      metric.velocity(z.p, pSharpBeg);
      copy(pSharpBeg, pSharpEnd);
      for (int i = 0; i < rhoOut.length; i++) {
        rhoOut[i] += z.p[i];
      }
      copy(z.p, pBeg);
      copy(z.p, pEnd);
      return !divergent;
    }
    Level l = level(depth);

    // The initial subtree.
    Arrays.fill(l.rhoInit, 0);
    boolean validInit = buildTree(depth - 1, zProp, pSharpBeg, l.pSharpInitEnd, l.rhoInit, pBeg,
        l.pInitEnd, h0, sign);
    if (!validInit) {
      return false;
    }
    double logSumWeightInit = subtreeLogWeight;

    // The final subtree.
    l.zProposeFinal.copyFrom(z);
    Arrays.fill(l.rhoFinal, 0);
    boolean validFinal = buildTree(depth - 1, l.zProposeFinal, l.pSharpFinalBeg, pSharpEnd,
        l.rhoFinal, l.pFinalBeg, pEnd, h0, sign);
    if (!validFinal) {
      return false;
    }
    double logSumWeightFinal = subtreeLogWeight;

    // Uniform progressive (multinomial) sampling between the two halves.
    double logSumWeightSubtree = logSumExp(logSumWeightInit, logSumWeightFinal);
    subtreeLogWeight = logSumWeightSubtree;
    if (logSumWeightFinal > logSumWeightSubtree) {
      zProp.copyFrom(l.zProposeFinal);
    } else {
      double acceptProb = Math.exp(logSumWeightFinal - logSumWeightSubtree);
      if (rng.nextDouble() < acceptProb) {
        zProp.copyFrom(l.zProposeFinal);
      }
    }

    double[] rhoSubtree = l.rhoSubtree;
    for (int i = 0; i < rhoSubtree.length; i++) {
      rhoSubtree[i] = l.rhoInit[i] + l.rhoFinal[i];
      rhoOut[i] += rhoSubtree[i];
    }
    // Demand satisfaction around the merged subtrees ...
    boolean persist = criterion(pSharpBeg, pSharpEnd, rhoSubtree);
    // ... and between them.
    for (int i = 0; i < rhoSubtree.length; i++) {
      rhoSubtree[i] = l.rhoInit[i] + l.pFinalBeg[i];
    }
    persist &= criterion(pSharpBeg, l.pSharpFinalBeg, rhoSubtree);
    for (int i = 0; i < rhoSubtree.length; i++) {
      rhoSubtree[i] = l.rhoFinal[i] + l.pInitEnd[i];
    }
    persist &= criterion(l.pSharpInitEnd, pSharpEnd, rhoSubtree);
    return persist;
  }

  private Level level(int depth) {
    Level l = levels[depth];
    if (l == null) {
      l = new Level(dimension());
      levels[depth] = l;
    }
    return l;
  }

  /** The generalised no-U-turn criterion: true while the trajectory has not turned. */
  private static boolean criterion(double[] pSharpMinus, double[] pSharpPlus, double[] rho) {
    return dot(pSharpPlus, rho) > 0 && dot(pSharpMinus, rho) > 0;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void copy(double[] from, double[] to) {
    System.arraycopy(from, 0, to, 0, from.length);
  }

  /** log(exp(a) + exp(b)) as Stan's {@code math::log_sum_exp}. */
  static double logSumExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (a == Double.POSITIVE_INFINITY && b == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    if (a > b) {
      return a + Math.log1p(Math.exp(b - a));
    }
    return b + Math.log1p(Math.exp(a - b));
  }
}
