package org.probity.inference.mcmc;

import org.probity.trace.Traces;

import org.probity.trace.Selection;

import org.probity.trace.Choice;

import org.probity.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.dist.Categorical;

/**
 * Lightweight Metropolis-Hastings (Wingate, Stuhlmueller and Goodman, AISTATS 2011): pick one
 * selected address of the current trace uniformly, redraw it from its prior, re-run the program
 * keeping every other value that is still valid, drawing new addresses from their prior. The
 * acceptance ratio is p(x')/p(x) * |X|/|X'| * q(stale)/q(fresh), which equals Gen's regenerate
 * weight with the site-choice correction, and is exact for programs whose set of addresses
 * changes between runs. Deterministic sites are not choices: they are never picked, and each
 * re-run recomputes them.
 */
public final class SingleSiteMH<A> implements Kernel<A> {
  private final Selection selection;
  private final KernelStats stats; // a chain copy's counts; null in the template

  /** Single-site MH over the selected addresses. */
  public SingleSiteMH(Selection selection) {
    this(selection, null);
  }

  private SingleSiteMH(Selection selection, KernelStats stats) {
    this.selection = selection;
    this.stats = stats;
  }

  @Override
  public Kernel<A> forChain() {
    return new SingleSiteMH<>(selection, new KernelStats());
  }

  @Override
  public KernelStats stats() {
    return stats;
  }

  @Override
  public void validate(Trace<A> initial) {
    selection.requireIn(initial, "single-site MH");
    if (selected(initial, selection).isEmpty()) {
      throw selection.missing(initial, "single-site MH", "selects no random choice (only deterministic sites)");
    }
  }

  static List<Address> selected(Trace<?> t, Selection s) {
    List<Address> out = new ArrayList<>();
    for (Choice c : t.ordered()) {
      if (!c.isDeterministic() && s.contains(c.address())) {
        out.add(c.address());
      }
    }
    return out;
  }

  static Categorical uniform(int n) {
    double[] p = new double[n];
    java.util.Arrays.fill(p, 1.0 / n);
    return Categorical.of(p);
  }

  @Override
  public Prob<Trace<A>> apply(Trace<A> x) {
    List<Address> sites = selected(x, selection);
    int n = sites.size();
    if (n == 0) {
      return new Pure<>(x);
    }
    return new Sample<Integer, Trace<A>>(null, uniform(n), i -> {
      Selection site = Selection.of(sites.get(i));
      return Traces.tryRegenerate(x, site).flatMap(u -> {
        Trace<A> y = u.trace();
        int n2 = selected(y, selection).size();
        double back = Traces.reverseLogFresh(x, y, java.util.Set.of(), site);
        double logAlpha = Acceptance.logAlpha(x, y, Math.log(n) - Math.log(n2) + back - u.logFresh());
        return Acceptance.accept(x, y, logAlpha, stats);
      });
    });
  }
}
