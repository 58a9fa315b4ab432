package org.probity.vi.objectives;

import static org.probity.Probity.replicate;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.probity.ad.Real;
import org.probity.ad.Reals;
import org.probity.core.Address;
import org.probity.core.Defer;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.semantics.Density;
import org.probity.trace.Selection;
import org.probity.vi.param.Params;

/**
 * The marginal of a family on some of its choices, its other (auxiliary) choices integrated out
 * approximately (genjax.vi's {@code marginal(selection, family, sir(K))}; hierarchical VI,
 * Ranganath, Tran and Blei, ICML 2016; Agakov and Barber, 2004). {@link #simulate} runs the family,
 * keeps the selected choices x and scores them with the log of an estimate of q(x) whose
 * reciprocal is unbiased for 1 / q(x): the conditional SIR with the true auxiliaries as one of the
 * K particles; {@link #logDensity} scores given x with the log of an unbiased estimate of q(x) (K
 * fresh particles). Used as a guide, the ELBO stays a lower bound on log p(data) (HVI with K = 1,
 * IWHVI with K &gt; 1, DIWHVI inside an IWELBO).
 *
 * @param <A> the family's value type
 */
public final class Marginal<A> implements Generative<A> {
  private final Selection selection;
  private final Function<? super Params, ? extends Prob<A>> family;
  private final Sir sir;

  private Marginal(Selection selection, Function<? super Params, ? extends Prob<A>> family, Sir sir) {
    this.selection = selection;
    this.family = family;
    this.sir = sir;
  }

  /** The marginal of {@code family} on {@code selection}, densities estimated by {@code sir}. */
  public static <A> Marginal<A> of(Selection selection, Function<? super Params, ? extends Prob<A>> family, Sir sir) {
    return new Marginal<>(selection, family, sir);
  }

  @Override
  public Prob<Traced<A>> simulate(Params params) {
    Prob<A> fam = family.apply(params);
    return Simulate.simulate(fam).flatMap(full -> {
      Map<Address, Object> x = Simulate.restrict(full.choices(), selection::contains);
      Map<Address, Object> aux = Simulate.restrict(full.choices(), a -> !selection.contains(a));
      Prob<Real> first = sir.proposal() == null
          ? new Pure<>(full.score().minus(full.logDensityOf(selection.complement())))
          : proposalLogDensity(params, x, aux).map(r -> full.score().minus(r));
      return first.flatMap(w0 -> replicate(sir.particles() - 1, weight(params, fam, x)).map(ws -> {
        Real[] all = new Real[ws.size() + 1];
        all[0] = w0;
        for (int i = 0; i < ws.size(); i++) {
          all[i + 1] = ws.get(i);
        }
        List<Traced.Site> kept = full.sites().stream().filter(s -> selection.contains(s.address())).toList();
        return new Traced<>(full.value(), kept, logMeanExp(all), Real.ZERO);
      }));
    });
  }

  @Override
  public Prob<Real> logDensity(Params params, Map<Address, ?> choices) {
    Prob<A> fam = family.apply(params);
    return replicate(sir.particles(), weight(params, fam, choices)).map(ws -> logMeanExp(ws.toArray(new Real[0])));
  }

  /** One particle's log weight log q(x, u) - log r(u | x), u ~ r. */
  private Prob<Real> weight(Params params, Prob<A> fam, Map<Address, ?> x) {
    if (sir.proposal() == null) {
      return Simulate.generate(fam, x).map(Traced::weight);
    }
    @SuppressWarnings("unchecked")
    Map<Address, Object> given = (Map<Address, Object>) x;
    return Simulate.simulate(sir.proposal().apply(params, given)).map(r -> {
      Map<Address, Object> all = new java.util.LinkedHashMap<>(given);
      all.putAll(r.choices());
      return Density.logJoint(fam, all).minus(r.score());
    });
  }

  private Prob<Real> proposalLogDensity(Params params, Map<Address, Object> x, Map<Address, Object> aux) {
    return new Defer<>(() -> new Pure<>(Density.logJoint(sir.proposal().apply(params, x), aux)));
  }

  /** log((1/K) sum exp(w_k)), one node. */
  static Real logMeanExp(Real... ws) {
    return Reals.logSumExp(ws).minus(Math.log(ws.length));
  }

  @Override
  public String toString() {
    return "marginal(" + selection + ", sir(" + sir.particles() + "))";
  }
}
