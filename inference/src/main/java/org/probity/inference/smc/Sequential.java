package org.probity.inference.smc;

import org.probity.core.Compiled;
import org.probity.core.Cont;
import org.probity.core.Combinators;
import org.probity.core.Defer;
import org.probity.core.Factor;
import org.probity.core.FlatMap;
import org.probity.core.Independent;
import org.probity.core.InvalidWeightException;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.Prob;
import org.probity.core.Pure;
import org.probity.core.Sample;
import org.probity.core.StateSpace;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.dist.Distribution;

/**
 * The sequential representation of a program (monad-bayes' {@code Sequential}, Scibior, Kammar
 * and Ghahramani, "Functional programming for modular Bayesian inference", ICFP 2018): a program
 * suspended at its next observation or factor, held as a {@link Particle}.
 *
 * <p>{@link #advance} is a program transformation: it turns one particle into a {@code Prob} of
 * the particle one suspension later, in which the particle's own random choices are
 * {@link Sample} nodes of the outer program (so the Sampler draws them and the Enumerator
 * enumerates them) and the particle's observation or factor multiplies the particle's weight,
 * not the outer program's. The outer sample nodes are anonymous: particles repeat each other's
 * addresses, and an outer run must not see one address twice.
 *
 * <p>An {@link Independent} node inside a particle is run as the sequence of its parts, so each
 * observation inside a part is a suspension of its own; the distribution of the result is the
 * same (the parts are independent), and SMC gets finer steps.
 */
public final class Sequential {
  private Sequential() {
  }

  /** The particle about to run {@code program}. */
  public static <A> Particle<A> start(Prob<A> program) {
    return Particle.start(program);
  }

  /** Whether the particle's program has run to its end. */
  public static boolean finished(Particle<?> p) {
    return p.finished();
  }

  /** Runs the particle to its next suspension, drawing its choices from their priors. */
  public static <A> Prob<Particle<A>> advance(Particle<A> p) {
    return advance(p, null, 0);
  }

  /**
   * Runs the particle to its next suspension, drawing its choices from {@code proposal} (null for
   * the priors) at SMC step {@code step}. A finished or dead particle stays put.
   */
  public static <A> Prob<Particle<A>> advance(Particle<A> p, Proposal proposal, int step) {
    if (p.done()) {
      return new Pure<>(p);
    }
    Machine m = p.machine();
    return run(m.node(), m.stack(), p.logWeight(), p.suspendedAt(), proposal, step);
  }

  /** Runs the particle to the end of its program, every remaining observation weighting it. */
  public static <A> Prob<Particle<A>> finish(Particle<A> p) {
    if (p.done()) {
      return new Pure<>(p);
    }
    return new FlatMap<>(advance(p), Sequential::finish);
  }

  /**
   * The compiled form of {@code advance(p)} with prior draws: runs the particle to its next
   * suspension drawing directly from {@code rng}, in exactly the order in which the Sampler would
   * draw the outer sample nodes of {@link #advance(Particle)}, so both give the same particle.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <A> Particle<A> advanceDirect(Particle<A> p, double logWeight, UniformRandomProvider rng) {
    if (logWeight == Double.NEGATIVE_INFINITY || p.finished()) {
      return p.withLogWeight(logWeight);
    }
    Prob node = p.node();
    Cont stack = p.stack();
    if (node instanceof Defer d && d.thunk() instanceof StateSpace.Step st) {
      return stateSpaceStep(st, stack, logWeight, rng);
    }
    while (true) {
      if (node instanceof Sample s) {
        node = (Prob) s.k().apply(s.dist().sample(rng));
      } else if (node instanceof Observe || node instanceof Factor) {
        return weighed(node, stack, logWeight);
      } else if (node instanceof FlatMap fm) {
        stack = Cont.push(fm.k(), stack);
        node = fm.first();
      } else if (node instanceof Pure q) {
        if (stack == null) {
          return new Particle<>(node, null, logWeight, p.suspendedAt());
        }
        node = (Prob) stack.head().apply(q.value());
        stack = stack.tail();
      } else if (node instanceof Defer d) {
        if (d.thunk() instanceof StateSpace.Step st) {
          return stateSpaceStep(st, stack, logWeight, rng);
        }
        node = (Prob) d.thunk().get();
      } else if (node instanceof Compiled c) {
        node = c.meaning();
      } else if (node instanceof Independent ind) {
        node = new FlatMap(Combinators.sequence(ind.parts()), ind.k());
      } else {
        throw new IllegalStateException("unknown node " + node);
      }
    }
  }

  /**
   * One step of a state-space model in plain Java: draw z_t, weigh y_t, continue. It is the
   * meaning of the step ({@link StateSpace.Step#get}) run by {@link #advance}: the same draw from
   * the same generator, the same log density, the same next program, without building the step's
   * closures (the particle's state is the step record alone).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A> Particle<A> stateSpaceStep(StateSpace.Step st, Cont stack, double logWeight, UniformRandomProvider rng) {
    Object z = st.dist().sample(rng);
    double l = st.logLikelihood(st.emission(z));
    if (l == Double.NEGATIVE_INFINITY) {
      Observe site = st.observeNode(z);
      return new Particle<>(site, stack, Double.NEGATIVE_INFINITY, site);
    }
    return (Particle<A>) suspendedParticle(null, st.next(z), stack, logWeight + l);
  }

  /** The compiled form of {@link #finish}: advances directly until the particle is done. */
  static <A> Particle<A> finishDirect(Particle<A> p, double logWeight, UniformRandomProvider rng) {
    Particle<A> q = p.withLogWeight(logWeight);
    while (!q.done()) {
      q = advanceDirect(q, q.logWeight(), rng);
    }
    return q;
  }

  /**
   * The particle just after the Observe or Factor {@code node}: its weight times the density (or
   * the factor), suspended at {@code node}; a zero-weight particle stays at the node it died at.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A> Particle<A> weighed(Prob node, Cont stack, double logWeight) {
    double l;
    Prob next;
    if (node instanceof Observe o) {
      l = o.dist().logDensity(o.value());
      if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
        InvalidWeightException.check(l, o.address() == null ? "an observation" : o.address(), o.dist(), o.value());
      }
      next = l == Double.NEGATIVE_INFINITY ? node : (Prob) o.next().get();
    } else {
      Factor f = (Factor) node;
      l = f.logWeight().value();
      next = l == Double.NEGATIVE_INFINITY ? node : (Prob) f.next().get();
    }
    // the site is kept only where the particle died (for the zero-weight error)
    double lw = logWeight + l;
    return (Particle<A>) suspendedParticle(lw == Double.NEGATIVE_INFINITY ? node : null, next, stack, lw);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A> Prob<Particle<A>> run(Prob node, Cont stack, double logWeight, Prob<?> site,
      Proposal proposal, int step) {
    while (true) {
      if (node instanceof Sample s) {
        final Cont st = stack;
        final double lw = logWeight;
        Distribution prior = s.dist();
        Distribution q = proposal == null ? null : proposal.propose(step, s.address(), prior);
        if (q == null || q == prior) {
          return new Sample<Object, Particle<A>>(null, prior, x -> run((Prob) s.k().apply(x), st, lw, site, proposal, step));
        }
        final Prob<?> sampleNode = node;
        return new Sample<Object, Particle<A>>(null, q, x -> {
          Object where = s.address() == null ? "a proposed anonymous choice" : s.address();
          double lp = InvalidWeightException.check(prior.logDensity(x), where, prior, x);
          double lq = InvalidWeightException.check(q.logDensity(x), where, q, x);
          if (lp == Double.NEGATIVE_INFINITY) {
            // the proposal left the prior's support: the particle dies at this choice
            return new Pure<>(new Particle<A>(new Machine(sampleNode, st), Double.NEGATIVE_INFINITY, sampleNode));
          }
          return run((Prob) s.k().apply(x), st, lw + lp - lq, site, proposal, step);
        });
      } else if (node instanceof Observe || node instanceof Factor) {
        return new Pure<>(weighed(node, stack, logWeight));
      } else if (node instanceof FlatMap fm) {
        stack = Cont.push(fm.k(), stack);
        node = fm.first();
      } else if (node instanceof Pure p) {
        if (stack == null) {
          return new Pure<>(new Particle<>(new Machine(node, null), logWeight, site));
        }
        node = (Prob) stack.head().apply(p.value());
        stack = stack.tail();
      } else if (node instanceof Defer d) {
        node = (Prob) d.thunk().get();
      } else if (node instanceof Compiled c) {
        node = c.meaning();
      } else if (node instanceof Independent ind) {
        node = new FlatMap(Combinators.sequence(ind.parts()), ind.k());
      } else {
        throw new IllegalStateException("unknown node " + node);
      }
    }
  }

  /**
   * The particle just after a suspension. A live particle first runs the deterministic
   * administrative steps that follow (once per ancestor rather than once per resampled copy), so
   * a program that ends right after its last observation is already finished and SMC need not
   * resample once more.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A> Particle<A> suspendedParticle(Prob<?> site, Prob<?> next, Cont stack, double logWeight) {
    Prob node = next;
    Cont s = stack;
    if (logWeight != Double.NEGATIVE_INFINITY) {
      while (true) {
        if (node instanceof FlatMap fm) {
          s = Cont.push(fm.k(), s);
          node = fm.first();
        } else if (node instanceof Pure p && s != null) {
          node = (Prob) s.head().apply(p.value());
          s = s.tail();
        } else if (node instanceof Defer d && !(d.thunk() instanceof StateSpace.Step)) {
          // a state-space step is where the next step's draw happens: the particle stops there
          node = (Prob) d.thunk().get();
        } else if (node instanceof Compiled c) {
          node = c.meaning();
        } else {
          break;
        }
      }
    }
    return new Particle<>(node, s, logWeight, site);
  }
}
