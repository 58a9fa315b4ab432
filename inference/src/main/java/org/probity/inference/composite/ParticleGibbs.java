package org.probity.inference.composite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Independent;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Categorical;
import org.probity.inference.composite.Truncation.Prefix;
import org.probity.trace.Choice;
import org.probity.inference.mcmc.Kernel;
import org.probity.trace.Selection;
import org.probity.trace.Trace;
import org.probity.trace.Traces;
import org.probity.inference.smc.Resampler;

/**
 * Particle Gibbs (Andrieu, Doucet and Holenstein, "Particle Markov chain Monte Carlo methods",
 * JRSS B 2010, section 2.4.3): conditional SMC as a {@link Kernel} on the model's traces.
 *
 * <p>One step runs SMC over the model's prefixes ({@link Truncation#prefix}, as in {@link Rmsmc}:
 * a particle after observation t is the trace of the prefix up to observation t, extended by
 * {@link Traces#update} with prior draws and weighted by the incremental importance weight
 * {@code logJoint(x') - logJoint(x) - logFresh}) with {@code particles - 1} free particles and the
 * reference trajectory, the current trace truncated after each observation. The reference is
 * particle 0 at every step and always survives: after each step the free particles' ancestors
 * are drawn from the normalised weights of all {@code particles} particles (the reference's
 * included), while the reference's own ancestor is the reference. When every particle (the
 * reference included) has run to its end, the new trace is drawn from the final weights; drawing
 * the reference returns the given trace itself (a rejection, for the chain runner's counts).
 *
 * <p>Every random step (the free particles' prior draws, the ancestors, the final pick) is a
 * sample node, so one step can be enumerated exactly on a finite model. The kernel leaves the
 * posterior invariant with multinomial resampling ({@link Resampler#MULTINOMIAL}), the conditional
 * multinomial scheme of the paper, the only one accepted (conditional systematic or residual
 * schemes need their own construction). Tested exactly on models whose runs all make the same
 * number of observations.
 */
public final class ParticleGibbs {
  private ParticleGibbs() {
  }

  /**
   * The particle Gibbs kernel of {@code model}: conditional SMC with {@code particles} particles
   * (the reference and {@code particles - 1} free ones, at least 1; one particle is the identity),
   * the free particles' ancestors drawn with {@code resampler}, which must be
   * {@link Resampler#MULTINOMIAL} (anything else is an IllegalArgumentException).
   */
  public static <A> Kernel<A> kernel(Prob<A> model, int particles, Resampler resampler) {
    if (particles < 1) {
      throw new IllegalArgumentException("particle Gibbs: the number of particles must be at least 1, got " + particles);
    }
    if (resampler != Resampler.MULTINOMIAL) {
      // other schemes applied to the free particles alone are not conditional resampling, and
      // a kernel that is silently not invariant is worse than none
      throw new IllegalArgumentException("particle Gibbs: only conditional multinomial resampling (Resampler.MULTINOMIAL) "
          + "is implemented, got " + resampler);
    }
    return reference -> new Run<>(model, particles, resampler, reference, true).start();
  }

  /**
   * A deliberately wrong kernel for tests: plain SMC re-run with {@code particles} free particles
   * (the reference not kept) and a draw from its final weights, an independence proposal that is
   * always accepted. It does not leave the posterior invariant.
   */
  static <A> Kernel<A> unconditional(Prob<A> model, int particles, Resampler resampler) {
    return reference -> new Run<>(model, particles, resampler, reference, false).start();
  }

  /** Particle Gibbs with multinomial resampling (the paper's conditional SMC). */
  public static <A> Kernel<A> kernel(Prob<A> model, int particles) {
    return kernel(model, particles, Resampler.MULTINOMIAL);
  }

  /** One conditional SMC run from one reference trace. */
  private record Run<A>(Prob<A> model, int n, Resampler resampler, Trace<A> reference, boolean conditional) {

    /** The number of free particles. */
    int free() {
      return conditional ? n - 1 : n;
    }

    Prob<Trace<A>> start() {
      return new Defer<>(() -> {
        Trace<Prefix<A>> r1 = conditional ? referencePrefix(1) : null;
        return extendAll(null, null, r1, 1).flatMap(this::loop);
      });
    }

    /** The reference truncated after observation t: a replay of the prefix at the reference's values. */
    Trace<Prefix<A>> referencePrefix(int t) {
      Map<Address, Choice> values = reference.choices();
      return Traces.scoreAt(Truncation.prefix(model, t), values).orElseThrow(() -> new IllegalStateException(
          "particle Gibbs: the reference trace does not replay on the prefix up to observation " + t));
    }

    /** Every particle advanced to observation t: free ones from their parents, the reference from its prefix. */
    Prob<Step<A>> extendAll(List<Trace<Prefix<A>>> parents, Trace<Prefix<A>> refParent, Trace<Prefix<A>> ref, int t) {
      Prob<Prefix<A>> target = Truncation.prefix(model, t);
      List<Prob<Weighted<A>>> parts = new ArrayList<>(free());
      for (int j = 0; j < free(); j++) {
        Trace<Prefix<A>> parent = parents == null ? null : parents.get(j);
        parts.add(Traces.update(target, parent, Map.of(), Selection.none()).map(u -> {
          Trace<Prefix<A>> x = u.trace();
          double lw = x.logJoint() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY
              : x.logJoint() - (parent == null ? 0.0 : parent.logJoint()) - u.logFresh();
          return new Weighted<>(x, lw);
        }));
      }
      double refWeight = ref == null ? 0.0 : ref.logJoint() - (refParent == null ? 0.0 : refParent.logJoint()) - freshLogDensity(refParent, ref);
      return new Independent<Weighted<A>, Step<A>>(parts, ws -> {
        List<Trace<Prefix<A>>> xs = new ArrayList<>(n);
        double[] lw = new double[n];
        int o = 0;
        if (ref != null) {
          xs.add(ref);
          lw[0] = refWeight;
          o = 1;
        }
        for (int j = 0; j < ws.size(); j++) {
          xs.add(ws.get(j).trace());
          lw[j + o] = ws.get(j).logWeight();
        }
        return new Pure<>(new Step<>(xs, lw, t));
      });
    }

    /** Resample the free particles (the reference kept) and advance, until every particle has finished. */
    Prob<Trace<A>> loop(Step<A> s) {
      boolean done = true;
      for (Trace<Prefix<A>> x : s.particles()) {
        done &= x.logJoint() == Double.NEGATIVE_INFINITY || x.output().complete();
      }
      double[] w = relative(s.logWeights());
      if (done) {
        return new Sample<Integer, Trace<A>>(null, Categorical.ofLogWeights(s.logWeights()), k -> new Pure<>(k == 0 && conditional ? reference
            : Traces.replay(model, s.particles().get(k).values())));
      }
      Prob<int[]> ancestors = free() == 0 ? new Pure<>(new int[0])
          : new Sample<int[], int[]>(null, resampler.ancestors(w, free()), Pure::new);
      return ancestors.flatMap(a -> {
        List<Trace<Prefix<A>>> parents = new ArrayList<>(free());
        for (int i : a) {
          parents.add(s.particles().get(i));
        }
        if (!conditional) {
          return extendAll(parents, null, null, s.step() + 1);
        }
        return extendAll(parents, s.particles().get(0), referencePrefix(s.step() + 1), s.step() + 1);
      }).flatMap(this::loop);
    }
  }

  /** The log prior density of the choices of {@code to} that {@code from} lacks (all of them when from is null). */
  static double freshLogDensity(Trace<?> from, Trace<?> to) {
    double l = 0;
    for (Choice c : to.choices().values()) {
      if (from == null || !from.has(c.address())) {
        l += c.logDensity();
      }
    }
    return l;
  }

  /** exp(logWeight - max), the weights relative to the largest (the reference's is always positive). */
  static double[] relative(double[] logWeights) {
    double m = Arrays.stream(logWeights).max().orElse(Double.NEGATIVE_INFINITY);
    if (m == Double.NEGATIVE_INFINITY || Double.isNaN(m)) {
      throw new IllegalStateException("particle Gibbs: the reference particle has zero weight " + Arrays.toString(logWeights)
          + " (the reference trace must have positive posterior density)");
    }
    double[] w = new double[logWeights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp(logWeights[i] - m);
    }
    return w;
  }

  /** A free particle after one step and its incremental log weight. */
  private record Weighted<A>(Trace<Prefix<A>> trace, double logWeight) {
  }

  /** The particles after step t (the reference first) and their incremental log weights. */
  private record Step<A>(List<Trace<Prefix<A>>> particles, double[] logWeights, int step) {
  }
}
