package org.probity.inference.mcmc;

import org.probity.trace.Selection;

import org.probity.trace.Values;

import org.probity.trace.Traces;

import org.probity.trace.Update;

import org.probity.trace.Choice;

import org.probity.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.UnsupportedConstructException;
import org.probity.core.Weights;
import org.probity.core.ZeroWeightException;
import org.probity.dist.Categorical;
import org.probity.dist.Distribution;

/**
 * Enumerative Gibbs for one finite discrete site (Geman and Geman 1984): enumerate the support of
 * the site's distribution, re-score the whole trace for each value and draw the value from the
 * exact full conditional. With stochastic control flow, values whose run would reach a different
 * set of addresses (needing fresh draws or dropping choices) are left out of the enumeration: the
 * candidate set is the same from each of its members, so the kernel is still an exact Gibbs move
 * on that set; combine it with {@link SingleSiteMH} to move between structures. A value that
 * makes a later distribution's parameters invalid, or whose run has zero density, has weight zero
 * (as a zero-weight path has for the Enumerator) and is counted as a rejection by cause
 * ({@link KernelStats#excluded}); only a site none of whose values has positive weight is an error
 * ({@link ZeroWeightException} naming the address). A trace that does not reach the address is
 * returned unchanged.
 */
public final class EnumerativeGibbs<A> implements Kernel<A> {
  private final Address address;
  private final KernelStats stats; // a chain copy's counts; null in the template

  /** Gibbs at one address. */
  public EnumerativeGibbs(Address address) {
    this(address, null);
  }

  private EnumerativeGibbs(Address address, KernelStats stats) {
    this.address = address;
    this.stats = stats;
  }

  @Override
  public Kernel<A> forChain() {
    return new EnumerativeGibbs<>(address, new KernelStats());
  }

  @Override
  public KernelStats stats() {
    return stats;
  }

  /** The chain's initial trace must reach the address (a typo in it would otherwise never move). */
  @Override
  public void validate(Trace<A> initial) {
    Selection.of(address).requireIn(initial, "enumerative Gibbs");
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Trace<A>> apply(Trace<A> x) {
    Choice c = x.choice(address);
    if (c == null) {
      return new Pure<>(x);
    }
    if (c.isDeterministic()) {
      throw new ProbityException("enumerative Gibbs at " + address + ": the site is deterministic (" + c.dist().name()
          + "), recomputed on every run, not a random choice to move");
    }
    Distribution dist = c.dist();
    if (!dist.hasFiniteSupport()) {
      throw new UnsupportedConstructException("enumerative Gibbs at " + address + ": the distribution " + dist.name()
          + " does not have a finite support");
    }
    List<Object> support = dist.enumerateSupport();
    List<Trace<A>> candidates = new ArrayList<>(support.size());
    double[] logWeights = new double[support.size()];
    int n = 0;
    String zero = null; // where the first candidate of zero weight died, for the error when none is possible
    for (Object v : support) {
      Trace<A> y;
      if (Values.same(v, c.value())) {
        y = x;
      } else {
        // A value that makes a later distribution's parameters invalid is a candidate of weight zero,
        // as a zero-weight path is to the Enumerator, not an error (#14).
        Optional<Update<A>> u = Traces.tryUpdateDeterministic(x, Map.of(address, v));
        if (u.isEmpty()) {
          continue; // needs fresh draws: another structure (or a later value outside its new support: weight zero)
        }
        y = u.get().trace();
        if (y.logJoint() == Double.NEGATIVE_INFINITY) {
          if (stats != null) {
            stats.excluded(y);
          }
          zero = zero != null ? zero : address + " = " + Weights.briefly(v) + ": " + y.zeroSite();
          continue;
        }
        if (!y.choices().keySet().equals(x.choices().keySet())) {
          continue;
        }
      }
      if (y.logJoint() == Double.NEGATIVE_INFINITY) {
        zero = zero != null ? zero : address + " = " + Weights.briefly(v) + ": " + y.zeroSite();
        continue; // the chain's own state has zero density; the other values may still move it
      }
      candidates.add(y);
      logWeights[n++] = y.logJoint();
    }
    if (n == 0) {
      throw new ZeroWeightException("enumerative Gibbs at " + address + ": no value of " + Weights.briefly(dist)
          + " has positive weight given the other choices" + (zero == null ? "" : " (" + zero + ")"));
    }
    if (n == 1) {
      Trace<A> only = candidates.get(0);
      if (stats != null) {
        stats.step(only != x);
      }
      return new Pure<>(only);
    }
    double[] lw = java.util.Arrays.copyOf(logWeights, n);
    return new Sample<Integer, Trace<A>>(null, Categorical.ofLogWeights(lw), i -> {
      if (stats != null) {
        stats.step(candidates.get(i) != x);
      }
      return new Pure<>(candidates.get(i));
    });
  }
}
