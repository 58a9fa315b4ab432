package org.probity.inference.smc;

import java.util.function.Function;
import org.probity.core.Address;
import org.probity.core.AddressSet;
import org.probity.core.Cont;
import org.probity.core.Defer;
import org.probity.core.InvalidWeightException;
import org.probity.core.Machine;
import org.probity.core.Observe;
import org.probity.core.StateSpace;
import org.probity.dist.Distribution;

/**
 * The flat form of a population of one state-space model ({@link StateSpace}): every particle
 * stands between the same two steps of the same model (the same observations and time, given by
 * {@code cursor}) on the same continuation stack with the same naming state, so that only the
 * states differ: particle i is {@code Defer(cursor.withState(states[i]))}, unless it died, when it
 * is {@code dead[i]} (its weight is then zero). Advancing such a population reads and writes
 * arrays of states instead of following each particle's objects ({@link #step}), with the same
 * draws, weights and names as advancing each particle ({@link Sequential.DirectSteps#advance}).
 *
 * @param cursor the next step, from no state
 * @param stack the continuation after the model
 * @param scope the scope of anonymous sites
 * @param counter the anonymous sites reached in scope
 * @param names the named addresses claimed
 * @param states each particle's state z_{t-1} (null at t = 0)
 * @param dead the particles that died (null: none), by index
 * @param zeros n zero log weights shared along a run (never written), or null
 */
record FlatStates(StateSpace.Step<?, ?> cursor, Cont stack, Address scope, int counter, AddressSet names,
    Object[] states, Particle<?>[] dead, double[] zeros) {

  /** n particles about to take the first step of {@code first}. */
  static FlatStates start(StateSpace.Step<?, ?> first, int n, double[] zeros) {
    Machine m = Machine.start(null);
    return new FlatStates(first, null, m.scope(), m.counter(), m.names(), new Object[n], null, zeros);
  }

  /** The number of particles. */
  int size() {
    return states.length;
  }

  /** n zero log weights, shared along a run (never written, like every weight array here). */
  double[] zeros(int n) {
    return zeros != null && zeros.length == n ? zeros : new double[n];
  }

  /** Particle i, with log weight {@code lw}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <A> Particle<A> particle(int i, double lw) {
    if (dead != null && dead[i] != null) {
      return ((Particle<A>) dead[i]).withLogWeight(lw);
    }
    StateSpace.Step c = cursor;
    return new Particle<>(new Defer<>(c.withState(states[i])), stack, scope, counter, names, lw, null, cursor.time() > 0);
  }

  /** Each particle replaced by {@code copies} copies. */
  FlatStates spawn(int copies) {
    int n = states.length;
    Object[] s = new Object[n * copies];
    Particle<?>[] d = dead == null ? null : new Particle<?>[n * copies];
    for (int i = 0; i < s.length; i++) {
      s[i] = states[i / copies];
      if (d != null) {
        d[i] = dead[i / copies];
      }
    }
    return new FlatStates(cursor, stack, scope, counter, names, s, d, null);
  }

  /** Whether any of the ancestors is a dead particle. */
  boolean selectsDead(int[] ancestors) {
    if (dead == null) {
      return false;
    }
    for (int a : ancestors) {
      if (dead[a] != null) {
        return true;
      }
    }
    return false;
  }

  /** The copies of the given (live) ancestors. */
  FlatStates select(int[] ancestors) {
    Object[] s = new Object[ancestors.length];
    for (int j = 0; j < s.length; j++) {
      s[j] = states[ancestors[j]];
    }
    return new FlatStates(cursor, stack, scope, counter, names, s, null, zeros(s.length));
  }

  /**
   * The flat form of particles that all stand between the same two steps of one state-space model
   * on the same stack with the same names (dead ones aside), or null. Called after a generic step,
   * so a state-space model reached after some deterministic prelude (or whose result is mapped)
   * becomes flat too.
   */
  static FlatStates of(Particle<?>[] ps, double[] lw) {
    int live = 0;
    while (live < ps.length && lw[live] == Double.NEGATIVE_INFINITY) {
      live++;
    }
    if (live < ps.length && stepOf(ps[live]) == null) {
      return null; // a live particle between no two steps: not flat (a program that is not a state-space model, at once)
    }
    Particle<?> first = null;
    StateSpace.Step<?, ?> step = null;
    for (Particle<?> p : ps) {
      StateSpace.Step<?, ?> st = stepOf(p);
      if (st != null) {
        first = p;
        step = st;
        break;
      }
    }
    if (first == null) {
      return null;
    }
    Object[] states = new Object[ps.length];
    Particle<?>[] dead = null;
    for (int i = 0; i < ps.length; i++) {
      Particle<?> p = ps[i];
      StateSpace.Step<?, ?> st;
      if (lw[i] == Double.NEGATIVE_INFINITY) {
        if (dead == null) {
          dead = new Particle<?>[ps.length];
        }
        dead[i] = p;
      } else if ((st = stepOf(p)) != null && st.sameTimeAs(step) && sameStack(p.stack(), first.stack())
          && p.scope().equals(first.scope()) && p.counter() == first.counter() && p.names().equals(first.names())) {
        states[i] = st.state();
      } else {
        return null;
      }
    }
    return new FlatStates(step.withState(null), first.stack(), first.scope(), first.counter(), first.names(), states,
        dead, null);
  }

  /** The state-space step a live particle is suspended at, or null. */
  private static StateSpace.Step<?, ?> stepOf(Particle<?> p) {
    return p.suspendedAt() == null ? StateSpace.stepOf(p.node()) : null;
  }

  /** Whether two continuation stacks hold the same continuations (the same objects, in order). */
  private static boolean sameStack(Cont a, Cont b) {
    while (a != b) {
      if (a == null || b == null || a.head() != b.head()) {
        return false;
      }
      a = a.tail();
      b = b.tail();
    }
    return true;
  }

  /** The particles after one step: their flat form and log weights, and the step's timing. */
  record Stepped(FlatStates states, double[] logWeights, double nanosPerParticle) {
  }

  /**
   * One step of every particle (the step is not the model's last): the same generators, the same
   * draws in the same order and the same weights as {@link Sequential.DirectSteps#advance} on each
   * particle, read from and written to arrays of states.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Stepped step(long base, double[] inW, double nanosPerParticle) {
    int n = states.length;
    StateSpace.Step c = cursor;
    Object y = c.observation();
    Function<Object, Distribution> transition = c.transitionAt();
    Function<Object, Distribution> emission = c.emissionAt();
    Object[] in = states;
    Object[] out = new Object[n];
    double[] lw = new double[n];
    Blocks.Outcome o = Blocks.forEach(n, nanosPerParticle, base, (g, from, to) -> {
      boolean any = false;
      for (int i = from; i < to; i++) {
        double w = inW[i];
        Object s = in[i];
        if (w == Double.NEGATIVE_INFINITY) { // a dead particle stays put (and draws nothing)
          out[i] = s;
          lw[i] = w;
          continue;
        }
        Distribution d = transition.apply(s);
        if (d == null) {
          d = c.distFrom(s); // throws the clear error
        }
        Object z = d.sample(g);
        Distribution e = emission.apply(z);
        if (e == null) {
          e = c.emission(z); // throws the clear error
        }
        double l = e.logDensity(y);
        double v = w + l;
        if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
          c.logLikelihood(e); // throws the clear error
        }
        if (v == Double.POSITIVE_INFINITY) {
          InvalidWeightException.check(v, "observation " + c.time() + " of a state-space model", e, y);
        }
        out[i] = z;
        lw[i] = v;
        any |= l == Double.NEGATIVE_INFINITY;
      }
      return any;
    });
    Machine named = new Machine(null, stack, scope, counter, names).afterChoice(c.address());
    Particle<?>[] d = dead == null ? null : dead.clone();
    if (o.died()) {
      // a particle that died now stays at the observation it died at, for the zero-weight error
      if (d == null) {
        d = new Particle<?>[n];
      }
      for (int i = 0; i < n; i++) {
        if (lw[i] == Double.NEGATIVE_INFINITY && inW[i] != Double.NEGATIVE_INFINITY) {
          Observe site = c.withState(in[i]).observeNode(out[i]);
          d[i] = new Particle<>(named.resume(site), Double.NEGATIVE_INFINITY, site, false);
        }
      }
    }
    FlatStates next = new FlatStates(c.successor(), stack, named.scope(), named.counter(), named.names(), out, d, zeros);
    return new Stepped(next, lw, o.nanosPerParticle());
  }
}
