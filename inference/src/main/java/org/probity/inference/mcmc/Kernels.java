package org.probity.inference.mcmc;

import org.probity.trace.Selection;

import org.probity.trace.Trace;

import java.util.List;
import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Categorical;

/**
 * The kernel vocabulary: single-site MH with prior proposals, MH with a proposal program,
 * random-walk MH, enumerative Gibbs, and the combinators cycle, mixture and repeat (each a kernel
 * again, so compositions compose; a cycle or mixture of kernels that leave the posterior invariant
 * leaves it invariant, Tierney 1994).
 */
public final class Kernels {
  private Kernels() {
  }

  /** Single-site lightweight MH over every address: the default kernel for any program. */
  public static <A> Kernel<A> mh() {
    return new SingleSiteMH<>(Selection.all());
  }

  /** Single-site lightweight MH over the selected addresses. */
  public static <A> Kernel<A> mh(Selection selection) {
    return new SingleSiteMH<>(selection);
  }

  /**
   * Single-site lightweight MH over the selected addresses of a model that is an independent
   * product of parts: an update re-runs only the part of its site and the product's continuation
   * ({@link IncrementalMH}), so a sweep costs O(N) program steps; on other models, {@link #mh(Selection)}.
   */
  public static <A> Kernel<A> incrementalMh(Selection selection) {
    return new IncrementalMH<>(selection);
  }

  /** MH with a proposal program over named addresses of the model, given the current trace. */
  public static <A> Kernel<A> proposalMh(Function<? super Trace<A>, ? extends Prob<?>> proposal) {
    return new ProposalMH<>(proposal);
  }

  /** Random-walk MH over the selected continuous choices jointly, with a fixed scale. */
  public static <A> Kernel<A> randomWalk(Selection selection, double scale) {
    return new RandomWalkMH<>(selection, scale, false, Double.NaN);
  }

  /**
   * Random-walk MH over the selected continuous choices jointly, its scale adapted in warm-up
   * towards acceptance 0.44 (one site) or 0.234 (several), then frozen.
   */
  public static <A> Kernel<A> adaptiveRandomWalk(Selection selection, double initialScale) {
    return new RandomWalkMH<>(selection, initialScale, true, Double.NaN);
  }

  /** Enumerative Gibbs at a finite discrete address. */
  public static <A> Kernel<A> gibbs(Address address) {
    return new EnumerativeGibbs<>(address);
  }

  /** Enumerative Gibbs at the named address. */
  public static <A> Kernel<A> gibbs(String name) {
    return new EnumerativeGibbs<>(Address.of(name));
  }

  /** The kernels applied one after the other. */
  @SafeVarargs
  public static <A> Kernel<A> cycle(Kernel<A>... kernels) {
    return cycle(List.of(kernels));
  }

  /** The kernels applied one after the other. */
  public static <A> Kernel<A> cycle(List<Kernel<A>> kernels) {
    return new Cycle<>(List.copyOf(kernels));
  }

  /** {@link #cycle}: its parts are known to the chain runner, whose fast paths step them in turn. */
  static final class Cycle<A> implements Kernel<A> {
    private final List<Kernel<A>> ks;

    Cycle(List<Kernel<A>> ks) {
      this.ks = ks;
    }

    /** The kernels, in order (not flattened). */
    List<Kernel<A>> kernels() {
      return ks;
    }

    @Override
    public Prob<Trace<A>> apply(Trace<A> t) {
      Prob<Trace<A>> p = new Pure<>(t);
      for (Kernel<A> k : ks) {
        p = p.flatMap(k::apply);
      }
      return p;
    }

    @Override
    public Kernel<A> forChain() {
      return cycle(ks.stream().map(Kernel::forChain).toList());
    }

    @Override
    public List<Kernel<A>> parts() {
      return ks.stream().flatMap(k -> k.parts().stream()).toList();
    }

    @Override
    public void endWarmup() {
      ks.forEach(Kernel::endWarmup);
    }
  }

  /** Kernel i applied with probability weights[i] (weights are normalised; non-negative, not all zero). */
  public static <A> Kernel<A> mixture(double[] weights, List<Kernel<A>> kernels) {
    if (weights.length != kernels.size() || weights.length == 0) {
      throw new IllegalArgumentException("mixture: " + weights.length + " weights for " + kernels.size() + " kernels");
    }
    double s = 0;
    for (double w : weights) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("mixture: weights must be finite and non-negative, got " + java.util.Arrays.toString(weights));
      }
      s += w;
    }
    if (!(s > 0)) {
      throw new IllegalArgumentException("mixture: the weights sum to zero");
    }
    double[] p = new double[weights.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = weights[i] / s;
    }
    Categorical choose = Categorical.of(p);
    List<Kernel<A>> ks = List.copyOf(kernels);
    return new Kernel<>() {
      @Override
      public Prob<Trace<A>> apply(Trace<A> t) {
        return new Sample<Integer, Trace<A>>(null, choose, i -> ks.get(i).apply(t));
      }

      @Override
      public Kernel<A> forChain() {
        return mixture(weights, ks.stream().map(Kernel::forChain).toList());
      }

      @Override
      public List<Kernel<A>> parts() {
        return ks.stream().flatMap(k -> k.parts().stream()).toList();
      }

      @Override
      public void endWarmup() {
        ks.forEach(Kernel::endWarmup);
      }
    };
  }

  /** The kernel applied {@code n} times. */
  public static <A> Kernel<A> repeat(int n, Kernel<A> kernel) {
    if (n < 0) {
      throw new IllegalArgumentException("repeat: n must be non-negative, got " + n);
    }
    return cycle(java.util.Collections.nCopies(n, kernel));
  }
}
