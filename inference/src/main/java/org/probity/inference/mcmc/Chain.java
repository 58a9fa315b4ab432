package org.probity.inference.mcmc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.semantics.Sampler;
import org.probity.trace.FixedRun;
import org.probity.trace.Trace;

/**
 * One Markov chain: the current state under a kernel, advanced one transition at a time, as the
 * chain runner ({@link Mcmc}) drives it. It takes the fixed-structure fast path by itself: when
 * the kernel is a random walk ({@link RandomWalkMH}) or MH with a proposal program
 * ({@link ProposalMH}), or a cycle of such kernels ({@link Kernels#cycle}, {@link Kernels#repeat}),
 * each step re-runs the model on flat arrays
 * of values by position ({@link org.probity.trace.FixedRun}) instead of rebuilding a trace, as
 * long as the runs keep the model's addresses, order and supports; a step whose run differs is
 * handed, with the random numbers already drawn, to the kernel's general path, and the fast path
 * resumes from the resulting trace. Both paths draw the same numbers in the same order, so a seed
 * gives the same chain either way (bit for bit; {@code FixedStructureTest}). With
 * {@link IncrementalMH} it keeps that kernel's state (the parts' traces) between steps. With a
 * Hamiltonian kernel alone ({@link HmcKernel}) the kernel keeps its point on the unconstrained
 * scale between steps and the trace is built only when asked for, not per step; a kept draw's
 * choices and output are read without running the model where {@link KeptDraws} applies.
 *
 * @param <A> the model's return type
 */
public final class Chain<A> {
  /** After this many fallbacks, and when more than half the steps fell back, the fast path is given up. */
  private static final int GIVE_UP_AFTER = 16;

  private final Kernel<A> kernel;
  private Trace<A> trace; // null while the fast path holds the state and no one asked for it
  private List<FastPath<A>> fast; // one per kernel of a cycle, in order; null: no fast path
  private StagedWalk<A> walk; // the staged log density of a random walk that is the chain's only fast path, or null
  private List<Kernel<A>> fastKernels; // those kernels
  private FlatState<A> flat;
  private IncrementalMH<A> incremental;
  private IncrementalMH.State<A> state; // the incremental kernel's state, when it applies
  private HmcKernel<A> hamiltonian; // a Hamiltonian kernel alone: it keeps its point, the trace is built when asked
  private Trace<A> hamiltonianStart;
  private long steps;
  private long fastSteps;
  private long fallbacks;

  private Chain(Kernel<A> kernel, Trace<A> start, boolean allowFast) {
    this.kernel = kernel;
    this.trace = start;
    List<Kernel<A>> steps = allowFast ? fastKernels(kernel) : null;
    if (steps != null) {
      this.fastKernels = steps;
      this.flat = FlatState.of(start);
      this.fast = new ArrayList<>();
      for (Kernel<A> k : steps) {
        FastPath<A> f = fastPath(k, flat, steps.size() == 1);
        if (f == null) {
          fast = null;
          break;
        }
        fast.add(f);
      }
      walk = soleWalk();
    }
    if (allowFast && kernel instanceof HmcKernel<A> h) {
      this.hamiltonian = h;
      this.hamiltonianStart = start;
    }
    if (allowFast && kernel instanceof IncrementalMH<A> im) {
      this.state = im.tryStart(start);
      this.incremental = state == null ? null : im;
    }
  }

  /** The kernels a step applies in order when each has a fast path (a cycle's, flattened), else null. */
  private static <A> List<Kernel<A>> fastKernels(Kernel<A> kernel) {
    if (kernel instanceof RandomWalkMH<A> || kernel instanceof ProposalMH<A>) {
      return List.of(kernel);
    }
    if (kernel instanceof Kernels.Cycle<A> c) {
      List<Kernel<A>> out = new ArrayList<>();
      for (Kernel<A> k : c.kernels()) {
        List<Kernel<A>> ks = fastKernels(k);
        if (ks == null) {
          return null;
        }
        out.addAll(ks);
      }
      return out.isEmpty() ? null : out;
    }
    return null;
  }

  private static <A> FastPath<A> fastPath(Kernel<A> k, FlatState<A> state, boolean alone) {
    return k instanceof RandomWalkMH<A> rw ? FastRandomWalk.of(rw, state, alone)
        : new FastProposal<>((ProposalMH<A>) k, state);
  }

  // The staged log density of the random walk that is the chain's only fast kernel, or null (kept in
  // walk whenever fast changes: the chain reads it three times per draw).
  private StagedWalk<A> soleWalk() {
    return fast != null && fast.size() == 1 && fast.get(0) instanceof FastRandomWalk<A> w ? w.staged() : null;
  }

  // The staged log density of a random walk that is the chain's only kernel, while no trace is built; else null.
  private StagedWalk<A> staged() {
    return trace == null ? walk : null;
  }

  // The fast paths' flat state, brought up to date.
  private FlatState<A> settled() {
    if (fast != null) {
      for (FastPath<A> f : fast) {
        f.settle();
      }
    }
    return flat;
  }

  /**
   * A chain at {@code start} under {@code kernel}, which must be the chain's own copy
   * ({@link Kernel#forChain}): adapting kernels change as the chain runs.
   */
  public static <A> Chain<A> of(Kernel<A> kernel, Trace<A> start) {
    return new Chain<>(kernel, start, true);
  }

  /** The same chain without the fast path (every step through the kernel's program). */
  public static <A> Chain<A> general(Kernel<A> kernel, Trace<A> start) {
    return new Chain<>(kernel, start, false);
  }

  /**
   * One transition.
   *
   * @param rng the chain's generator
   * @return whether the state moved (a rejection keeps the very same state)
   */
  public boolean step(UniformRandomProvider rng) {
    steps++;
    if (hamiltonian != null) {
      boolean moved = hamiltonian.transitionInPlace(hamiltonianStart, rng);
      hamiltonianStart = null;
      if (moved) {
        trace = null;
      }
      fastSteps++;
      return moved;
    }
    if (state != null) {
      IncrementalMH.State<A> y = Sampler.run(incremental.step(state), rng).value();
      if (y == state) {
        return false;
      }
      state = y;
      trace = null;
      return true;
    }
    if (fast != null) {
      boolean moved = false;
      boolean fellBack = false;
      for (int i = 0; i < fast.size(); i++) {
        FastPath.Outcome o = fast.get(i).step(rng);
        if (o == FastPath.Outcome.MOVED) {
          moved = true;
        } else if (o == FastPath.Outcome.CHANGED) {
          fellBack = true;
          Trace<A> x = settled().trace();
          Trace<A> y = Sampler.run(fast.get(i).rest(x), rng).value();
          if (y != x) {
            moved = true;
            flat = FlatState.of(y); // the structure may differ: every kernel's fast path starts again from y
            for (int j = 0; j < fast.size(); j++) {
              FastPath<A> f = fast.get(j).restart(flat);
              if (f == null) { // a kernel the fast path leaves to the general one at this state: finish the cycle there
                Trace<A> t = y;
                for (int r = i + 1; r < fastKernels.size(); r++) {
                  t = Sampler.run(fastKernels.get(r).apply(t), rng).value();
                }
                trace = t;
                fast = null;
                walk = null;
                return true;
              }
              fast.set(j, f);
            }
            walk = soleWalk();
          }
        }
      }
      if (fellBack) {
        fallbacks++;
      } else {
        fastSteps++;
      }
      if (moved) {
        trace = null;
      }
      if (fellBack && fallbacks > GIVE_UP_AFTER && fallbacks * 2 > steps) {
        trace = settled().trace();
        fast = null; // the structure keeps changing: every step through the kernel's program from now on
        walk = null;
      }
      return moved;
    }
    Trace<A> x = trace();
    Trace<A> y = Sampler.run(kernel.apply(x), rng).value();
    trace = y;
    return y != x;
  }

  /** The current state as a trace (built from the flat state when the fast path holds it). */
  public Trace<A> trace() {
    Trace<A> t = trace;
    if (t == null) {
      t = hamiltonian != null ? hamiltonian.currentTrace() : state != null ? state.trace() : settled().trace();
      trace = t;
    }
    return t;
  }

  /** The program's output in the current state (without building a trace). */
  @SuppressWarnings("unchecked")
  public A output() {
    if (hamiltonian != null && trace == null) {
      return hamiltonian.currentOutput();
    }
    StagedWalk<A> w = staged();
    if (w != null && w.readsDraw()) {
      return (A) w.output();
    }
    FixedRun<A> r = flatRun();
    return r != null ? r.output() : trace == null && state != null ? state.output() : trace().output();
  }

  /** The log joint density of the current state (without building a trace). */
  public double logJoint() {
    StagedWalk<A> w = staged();
    if (w != null) {
      return w.logJoint();
    }
    FixedRun<A> r = flatRun();
    return r != null ? r.logJoint() : trace == null && state != null ? state.logJoint() : trace().logJoint();
  }

  /** The current state's choices by position (without building a trace where the state is a flat run). */
  Columns.Source columns() {
    if (hamiltonian != null && trace == null) {
      return hamiltonian.currentColumns();
    }
    StagedWalk<A> w = staged();
    Columns.Source kept = w == null ? null : w.columns();
    if (kept != null) {
      return kept;
    }
    FixedRun<A> r = flatRun();
    return r != null ? Columns.Source.of(r) : Columns.Source.of(trace());
  }

  /**
   * Adds the current state's draw to {@code table} where the chain reads it without a run and
   * without building its choices (a staged random walk over scalar choices, {@link StagedWalk#addDraw});
   * false otherwise (then add {@link #columns} with {@link #output}). The output there gives no
   * columns (null or an enum constant).
   */
  boolean addDraw(DrawTable table) {
    StagedWalk<A> w = staged();
    return w != null && w.addDraw(table);
  }

  // The current state as a flat run when the chain holds it so and no trace was built, else null.
  private FixedRun<A> flatRun() {
    if (trace != null || state != null) {
      return null;
    }
    return hamiltonian != null ? hamiltonian.currentRun() : settled().current;
  }

  /** The number of steps taken. */
  public long steps() {
    return steps;
  }

  /** The number of random-walk proposals scored on a staged log density ({@link StagedWalk}), without a run (for tests). */
  long stagedScores() {
    return fast != null && fast.size() == 1 && fast.get(0) instanceof FastRandomWalk<A> w ? w.stagedScores() : 0;
  }

  /** The number of steps the fixed-structure fast path completed by itself. */
  public long fastSteps() {
    return fastSteps;
  }
}
