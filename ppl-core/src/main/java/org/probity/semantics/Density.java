package org.probity.semantics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.ad.Real;
import org.probity.core.Address;
import org.probity.core.Compiled;
import org.probity.core.Cont;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.InvalidWeightException;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.ProbityException;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.SiteNamer;

/**
 * The density semantics: replays a program against an assignment of addresses to values and
 * returns the log joint density, split into log prior (the choices) and log likelihood
 * (observations and factors). When the values are tape nodes ({@link org.probity.ad.Tape}) the
 * result carries the gradient; this is what HMC and reparameterised VI differentiate.
 */
public final class Density {
  private Density() {
  }

  /** The result of a replay: the program's value and its log densities. */
  public record Result<A>(A value, Real logPrior, Real logLikelihood) {
    /** log prior + log likelihood. */
    public Real logJoint() {
      return logPrior.plus(logLikelihood);
    }
  }

  /** The log joint density of the program at {@code values} (every choice must have a value). */
  public static Real logJoint(Prob<?> program, Map<Address, ?> values) {
    return replay(program, values).logJoint();
  }

  /**
   * Replays the program: each choice takes the value at its address; a missing address, or a
   * value for an address the run never reaches, is an error naming the address.
   */
  public static <A> Result<A> replay(Prob<A> program, Map<Address, ?> values) {
    Replay r = new Replay(values, SiteNamer.root());
    @SuppressWarnings("unchecked")
    A v = (A) r.exec(program);
    if (r.used.size() != values.size()) {
      Set<Address> extra = new HashSet<>(values.keySet());
      extra.removeAll(r.used);
      throw new ProbityException("values given for addresses the program did not reach: " + extra);
    }
    return new Result<>(v, r.prior, r.lik);
  }

  private static final class Replay {
    final Map<Address, ?> values;
    final SiteNamer namer;
    final Set<Address> used;
    Real prior = Real.ZERO;
    Real lik = Real.ZERO;

    Replay(Map<Address, ?> values, SiteNamer namer) {
      this(values, namer, new HashSet<>());
    }

    Replay(Map<Address, ?> values, SiteNamer namer, Set<Address> used) {
      this.values = values;
      this.namer = namer;
      this.used = used;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object exec(Prob<?> program) {
      Prob node = program;
      Cont stack = null;
      while (true) {
        if (node instanceof Sample s) {
          Address a = namer.sampleSite(s.address());
          if (!values.containsKey(a)) {
            throw new ProbityException("no value given for the choice at " + a + " from " + s.dist().name());
          }
          Object x = values.get(a);
          used.add(a);
          Real lp = s.dist().logProb(x);
          InvalidWeightException.check(lp.value(), a, s.dist(), x);
          prior = prior.plus(lp);
          node = (Prob) s.k().apply(x);
        } else if (node instanceof Observe o) {
          namer.observeSite(o.address());
          Real l = o.dist().logProb(o.value());
          InvalidWeightException.check(l.value(), o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
          lik = lik.plus(l);
          node = (Prob) o.next().get();
        } else if (node instanceof Factor f) {
          lik = lik.plus(f.logWeight());
          node = (Prob) f.next().get();
        } else if (node instanceof FlatMap fm) {
          stack = Cont.push(fm.k(), stack);
          node = fm.first();
        } else if (node instanceof Pure p) {
          if (stack == null) {
            return p.value();
          }
          node = stack.head().apply(p.value());
          stack = stack.tail();
        } else if (node instanceof Defer d) {
          node = (Prob) d.thunk().get();
        } else if (node instanceof Compiled c) {
        node = c.meaning();
      } else if (node instanceof Independent ind) {
          List<Prob<?>> parts = ind.parts();
          SiteNamer[] namers = namer.parts(parts.size());
          Object[] out = new Object[parts.size()];
          for (int i = 0; i < out.length; i++) {
            Replay r = new Replay(values, namers[i], used);
            out[i] = r.exec(parts.get(i));
            prior = prior.plus(r.prior);
            lik = lik.plus(r.lik);
          }
          node = (Prob) ind.k().apply(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(out))));
        } else {
          throw new IllegalStateException("unknown node " + node);
        }
      }
    }
  }
}
