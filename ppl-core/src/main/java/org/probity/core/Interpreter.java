package org.probity.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The one small-step interpreter loop of Probity. It performs the administrative steps of a
 * program (a bind pushes its continuation, a return pops one, a deferred program is built),
 * names every site (named sites keep the model's address, anonymous ones get {@code #k} in their
 * scope, the parts of an independent product are scoped {@code #n[i]/...}), detects a named
 * address used twice, answers the calls of memoised functions already drawn in the run
 * ({@link Memo}), passes each effect through the active effect handlers ({@link Handled},
 * {@link Messenger}), and hands the effect to a {@link Handler}, which gives it its meaning. No
 * other code dispatches on the types of program nodes.
 *
 * <p>An instance is the state of one run, visible to the handler during its callbacks: the site's
 * {@link #address()}, the suspended {@link #machine()}, the machines of an independent product's
 * {@link #parts}. The heap-allocated stack makes a program with a million binds run in constant
 * JVM stack.
 */
public final class Interpreter {
  /** Returned by a handler method to stop the loop (see {@link Handler#stopped}). */
  public static final Prob<Object> STOP = new Pure<>(new Object() {
    @Override
    public String toString() {
      return "STOP";
    }
  });

  private final Handler<?> handler;
  private final boolean claims;
  /** The handler's {@link Handler#drawsFromPrior}: the loop draws choices itself (null: the handler does). */
  private final org.apache.commons.rng.UniformRandomProvider prior;
  private Prob<?> node;
  private Cont stack;
  private Address scope;
  private int counter;
  private AddressSet names;
  /** The names claimed before the current site. */
  private AddressSet namesBefore;
  /** The count of anonymous sites before the current site. */
  private int counterBefore;
  /** Whether the loop stops before the next effect ({@link #stopAtNextEffect}). */
  private boolean stopAtEffects;
  /** The current site's model-given address, or null when it is anonymous. */
  private Address given;
  /** The current anonymous site's position (when {@link #given} is null). */
  private int position;
  /** The current site's address once computed. */
  private Address address;

  private Interpreter(Handler<?> handler, Prob<?> node, Cont stack, Address scope, int counter, AddressSet names) {
    this.handler = handler;
    this.claims = handler.claimsNames();
    this.prior = handler.drawsFromPrior();
    this.node = node;
    this.stack = stack;
    this.scope = scope;
    this.counter = counter;
    this.names = names;
    this.namesBefore = names;
    this.counterBefore = counter;
  }

  // The run continuing with next after the current effect of `from`, under another handler: run(from.resume(next), h) without the Machine.
  private Interpreter(Handler<?> handler, Interpreter from, Prob<?> next) {
    this.handler = handler;
    this.claims = handler.claimsNames();
    this.prior = handler.drawsFromPrior();
    this.node = next;
    this.stack = from.stack;
    this.scope = from.scope;
    this.counter = from.counter;
    this.names = from.names;
    this.namesBefore = names;
    this.counterBefore = counter;
  }

  /**
   * Runs {@code next} as the rest of this run after the current effect (as {@link #resume} does)
   * in a new loop under {@code h}: {@code run(resume(next), h)} without building the machine.
   */
  public <R> R continueWith(Prob<?> next, Handler<R> h) {
    return new Interpreter(h, this, next).loop(h);
  }

  /** Runs {@code program} from its start under {@code handler}. */
  public static <R> R run(Prob<?> program, Handler<R> handler) {
    return run(Machine.start(program), handler);
  }

  /** Resumes the suspended {@code machine} under {@code handler}. */
  public static <R> R run(Machine machine, Handler<R> handler) {
    return run(machine.node(), machine.stack(), machine.scope(), machine.counter(), machine.names(), handler);
  }

  /**
   * Resumes the program suspended at {@code node} (the fields of a {@link Machine}, held unwrapped
   * by a {@link Suspension}'s record) under {@code handler}: {@code run(new Machine(node, stack,
   * scope, counter, names), handler)} without building the machine.
   */
  public static <R> R run(Prob<?> node, Cont stack, Address scope, int counter, AddressSet names, Handler<R> handler) {
    return new Interpreter(handler, node, stack, scope, counter, names).loop(handler);
  }

  /**
   * One interpreter kept for many runs under the same handler, one run at a time on one thread:
   * {@link #run} is {@link Interpreter#run(Prob, Cont, Address, int, AddressSet, Handler)} without
   * allocating the loop's state for each run, for hot loops of short runs such as SMC's particle
   * steps. The caller resets the handler's own state between runs; a handler must not start a run
   * of the same {@code Loop} from inside one of its callbacks.
   *
   * @param <R> the result of a run
   */
  public static final class Loop<R> {
    private final Handler<R> handler;
    private final Interpreter run;

    /** A loop for runs under {@code handler}. */
    public Loop(Handler<R> handler) {
      this.handler = handler;
      this.run = new Interpreter(handler, null, null, Address.ROOT, 0, AddressSet.EMPTY);
    }

    /** Resumes the program suspended at {@code node} (a {@link Machine}'s fields) under the handler. */
    public R run(Prob<?> node, Cont stack, Address scope, int counter, AddressSet names) {
      Interpreter r = run;
      r.node = node;
      r.stack = stack;
      r.scope = scope;
      r.counter = counter;
      r.names = names;
      r.namesBefore = names;
      r.address = null;
      r.stopAtEffects = false;
      return r.loop(handler);
    }
  }

  /**
   * What a handler builds from a suspended program's fields (those of a {@link Machine}): a
   * record that holds a suspension unwrapped, such as an SMC particle, is built by
   * {@link #machine(Suspension)} and {@link #resume(Prob, Suspension)} without a machine between.
   *
   * @param <T> what is built
   */
  @FunctionalInterface
  public interface Suspension<T> {
    /** The suspension at {@code node}, with a {@link Machine}'s fields. */
    T at(Prob<?> node, Cont stack, Address scope, int counter, AddressSet names);
  }

  // ---- what a handler may ask during a callback ----

  /**
   * The address of the current site: a choice's model-given or positional address; an
   * observation's own (null when anonymous).
   */
  public Address address() {
    Address a = address;
    if (a == null) {
      a = given != null ? given : node instanceof Sample ? scope.positional(position) : null;
      address = a;
    }
    return a;
  }

  /**
   * The suspended program at the current node, as it stood before the loop named the node's site:
   * resuming it runs this effect again (an SMC particle that died here, a reduced machine).
   */
  public Machine machine() {
    return machine(Machine::new);
  }

  /** {@link #machine()} built by {@code as} from the machine's fields. */
  public <T> T machine(Suspension<T> as) {
    return as.at(node, stack, scope, counterBefore, namesBefore);
  }

  /** The suspended program continuing with {@code next} after the current effect. */
  public Machine resume(Prob<?> next) {
    return resume(next, Machine::new);
  }

  /** {@link #resume(Prob)} built by {@code as} from the machine's fields. */
  public <T> T resume(Prob<?> next, Suspension<T> as) {
    return as.at(next, stack, scope, counter, names);
  }

  /**
   * Makes the loop stop at the next effect (a choice, observation, factor or independent product)
   * of this run without handing it to the handler: the loop returns {@link Handler#stopped}, where
   * {@link #machine()} resumes at that effect. The administrative steps up to it (binds, returns,
   * deferred and compiled programs, memoised values already drawn) still run through the handler
   * as before. This is exactly what a handler that returns {@link #STOP} from every effect method
   * from now on would get (SMC's particle step, which after its weighing only runs the particle on
   * to its next suspension), but cheaper: without active effect handlers the loop stops before
   * naming the site; under them it names the site and stops at what they make of it, if that is
   * still an effect.
   */
  public void stopAtNextEffect() {
    stopAtEffects = true;
  }

  /** The pending continuations at the current node. */
  public Cont stack() {
    return stack;
  }

  /** The scope in which anonymous sites are being named. */
  public Address scope() {
    return scope;
  }

  /** The named addresses claimed so far in this run. */
  public AddressSet names() {
    return names;
  }

  /**
   * Adds the named addresses another run claimed (a part of an independent product run apart)
   * to this run's.
   *
   * @throws DuplicateAddressException if one of them was claimed here already
   */
  public void claimAll(AddressSet more) {
    if (more.size() == 0) {
      return;
    }
    AddressSet n = names;
    for (Address a : more.addresses()) {
      AddressSet m = n.plus(a);
      if (m == n) {
        throw new DuplicateAddressException(a);
      }
      n = m;
    }
    names = n;
  }

  /**
   * The machines of the parts of the independent product at the current node, part i scoped
   * under {@code #n[i]} (the product's position) and run under the active effect handlers,
   * each starting with no named address claimed (merge them back with {@link #claimAll}) and with
   * the run's memo table ({@link Memo}).
   */
  public Machine[] parts(Independent<?, ?> ind) {
    return parts(ind, names.memoTable());
  }

  /**
   * As {@link #parts(Independent)}, each part starting with the names claimed so far, so that a
   * part reusing an earlier name fails (for handlers that cannot merge the parts' names back).
   */
  public Machine[] partsClaiming(Independent<?, ?> ind) {
    return parts(ind, names);
  }

  private Machine[] parts(Independent<?, ?> ind, AddressSet start) {
    Address base = scope.positional(position);
    Cont root = Cont.root(Cont.messengers(stack));
    List<? extends Prob<?>> ps = ind.parts();
    Machine[] out = new Machine[ps.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Machine(ps.get(i), root, base.child(i), 0, start);
    }
    return out;
  }

  /**
   * Runs the parts of the independent product at the current node one after the other in this
   * loop, each in its own scope, then its continuation on their results (the default meaning of
   * an independent product; the law is the same, the parts being independent).
   */
  public Prob<?> inSequence(Independent<?, ?> ind) {
    List<? extends Prob<?>> ps = ind.parts();
    if (ps.isEmpty()) {
      return apply(ind.k(), List.of());
    }
    Address base = scope.positional(position);
    stack = push(new PartFrame(ind, 0, null, base, scope, counter), stack);
    scope = base.child(0);
    counter = 0;
    return ps.get(0);
  }

  // ---- the loop ----

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <R> R loop(Handler<R> h) {
    Prob<?> n = node;
    Cont s = stack;
    while (true) {
      if (n instanceof FlatMap fm) {
        s = Cont.push(fm.k(), s);
        n = fm.first();
      } else if (n instanceof Pure p) {
        if (s == null) {
          node = n;
          stack = null;
          return h.result(p.value(), this);
        }
        Function<Object, Prob<?>> k = s.head();
        if (k instanceof PartFrame f) {
          stack = s.tail();
          n = nextPart(f, p.value());
          s = stack;
        } else {
          n = k.apply(p.value());
          s = s.tail();
        }
      } else if (n instanceof Sample smp) {
        if (smp.k() instanceof Memo.Call call) {
          Object v = names.memoised(call.address());
          if (v != null) {
            n = (Prob<?>) ((Function) call.k()).apply(v); // drawn before in this run: no effect
            continue;
          }
          if (scope != Address.ROOT) {
            throw new UnsupportedConstructException("the memoised value at " + call.address() + " is first drawn inside"
                + " the independent part " + scope + ", but parts run apart and cannot share new state; call the"
                + " memoised function before the independent product, or draw the value in the part as an ordinary choice");
          }
        }
        Address a = smp.address();
        if (s == null || s.messengers() == null) {
          if (stopAtEffects) {
            return stopBefore(n, s, a, h);
          }
          if (prior != null) { // drawn here: no callback reads the site, so only its name is kept
            if (a == null) {
              counter++;
            } else if (claims) {
              claim(a);
            }
            n = (Prob<?>) ((Function) smp.k()).apply(smp.dist().sample(prior));
            continue;
          }
        }
        enterSite(n, s, a);
        if (a == null) {
          position = counter++;
        } else if (claims) {
          claim(a);
        }
        Prob<?> e = s != null && s.messengers() != null ? messengers(n, s.messengers()) : n;
        if (stopAtEffects && (e == n || isEffect(e))) {
          return stopAfterMessengers(e, h);
        }
        n = e == n ? h.sample(smp, this) : dispatch(e, h);
        if (n == STOP) {
          return h.stopped(this);
        }
        s = stack;
      } else if (n instanceof Observe o) {
        Address a = o.address();
        if (stopAtEffects && (s == null || s.messengers() == null)) {
          return stopBefore(n, s, a, h);
        }
        enterSite(n, s, a);
        if (a != null && claims) {
          claim(a);
        }
        Prob<?> e = s != null && s.messengers() != null ? messengers(n, s.messengers()) : n;
        if (stopAtEffects && (e == n || isEffect(e))) {
          return stopAfterMessengers(e, h);
        }
        n = e == n ? h.observe(o, this) : dispatch(e, h);
        if (n == STOP) {
          return h.stopped(this);
        }
        s = stack;
      } else if (n instanceof Factor f) {
        if (stopAtEffects && (s == null || s.messengers() == null)) {
          return stopBefore(n, s, null, h);
        }
        enterSite(n, s, null);
        Prob<?> e = s != null && s.messengers() != null ? messengers(n, s.messengers()) : n;
        if (stopAtEffects && (e == n || isEffect(e))) {
          return stopAfterMessengers(e, h);
        }
        n = e == n ? h.factor(f, this) : dispatch(e, h);
        if (n == STOP) {
          return h.stopped(this);
        }
        s = stack;
      } else if (n instanceof Defer d) {
        given = null;
        namesBefore = names;
        counterBefore = counter;
        node = n;
        stack = s;
        n = h.defer(d, this);
        if (n == STOP) {
          return h.stopped(this);
        }
        s = stack;
      } else if (n instanceof Independent ind) {
        if (ind.k() instanceof Memo.Store st && ind.parts().isEmpty()) {
          names = names.memoise(st.address(), st.value()); // the run's memo table records the draw
          n = st.next();
          continue;
        }
        if (stopAtEffects) {
          return stopBefore(n, s, null, h);
        }
        enterSite(n, s, null);
        position = counter++;
        n = h.independent(ind, this);
        if (n == STOP) {
          return h.stopped(this);
        }
        s = stack;
      } else if (n instanceof Compiled c) {
        if (s != null && s.messengers() != null) {
          n = c.meaning();
        } else {
          given = null;
          namesBefore = names;
          counterBefore = counter;
          node = n;
          stack = s;
          n = h.compiled(c, this);
          if (n == STOP) {
            return h.stopped(this);
          }
          s = stack;
        }
      } else if (n instanceof Handled hd) {
        s = Cont.enter(hd.messenger(), s);
        n = hd.body();
      } else {
        throw new IllegalStateException("unknown program node " + n);
      }
    }
  }

  /**
   * The loop's state at the effect {@code n} (model-given address {@code a}, or null), before it is
   * named: what {@link #machine()}, {@link #address()} and {@link #resume} read during the callback.
   * The reference fields are stored together (one card mark per site).
   */
  private void enterSite(Prob<?> n, Cont s, Address a) {
    address = null;
    namesBefore = names;
    counterBefore = counter;
    given = a;
    node = n;
    stack = s;
  }

  /** Stops before the effect {@code n} (given address {@code a}), as {@link #stopAtNextEffect} asked: nothing is named. */
  private <R> R stopBefore(Prob<?> n, Cont s, Address a, Handler<R> h) {
    enterSite(n, s, a);
    position = counter;
    return h.stopped(this);
  }

  /**
   * Stops at the effect {@code e} that the active effect handlers made of the current site (named
   * as usual), as {@link #stopAtNextEffect} asked: a handler returning {@link #STOP} there would.
   */
  private <R> R stopAfterMessengers(Prob<?> e, Handler<R> h) {
    node = e;
    return h.stopped(this);
  }

  private static boolean isEffect(Prob<?> e) {
    return e instanceof Sample || e instanceof Observe || e instanceof Factor;
  }

  /** After the effect handlers changed an effect: the new effect's meaning, or the program they returned. */
  private Prob<?> dispatch(Prob<?> e, Handler<?> h) {
    node = e;
    if (e instanceof Sample<?, ?> smp) {
      return h.sample(smp, this);
    }
    if (e instanceof Observe<?, ?> o) {
      return h.observe(o, this);
    }
    if (e instanceof Factor<?> f) {
      return h.factor(f, this);
    }
    return e;
  }

  /** Passes an effect through the active handlers, innermost first, until one hides it or it is no longer an effect. */
  private Prob<?> messengers(Prob<?> effect, PList<Messenger> ms) {
    Prob<?> e = effect;
    Address a = address();
    for (PList<Messenger> m = ms; m != null; m = m.tail()) {
      Messenger mg = m.head();
      if (mg.hides(a)) {
        break;
      }
      if (e instanceof Sample<?, ?> s) {
        e = mg.sample(s, a);
      } else if (e instanceof Observe<?, ?> o) {
        e = mg.observe(o);
      } else if (e instanceof Factor<?> f) {
        e = mg.factor(f);
      } else {
        break;
      }
      if (e == null) {
        throw new IllegalStateException("the effect handler " + mg + " returned no program for " + effect);
      }
    }
    return e;
  }

  private void claim(Address a) {
    AddressSet m = names.plus(a);
    if (m == names) {
      throw new DuplicateAddressException(a);
    }
    names = m;
  }

  /** The part after {@code f.index()} returned {@code value}: the next part, or the product's continuation. */
  private Prob<?> nextPart(PartFrame f, Object value) {
    PList<Object> results = PList.cons(value, f.results());
    int next = f.index() + 1;
    List<? extends Prob<?>> ps = f.ind().parts();
    if (next < ps.size()) {
      stack = push(new PartFrame(f.ind(), next, results, f.base(), f.outerScope(), f.outerCounter()), stack);
      scope = f.base().child(next);
      counter = 0;
      return ps.get(next);
    }
    scope = f.outerScope();
    counter = f.outerCounter();
    return apply(f.ind().k(), PList.toListReversed(results));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Prob<?> apply(Function k, List<Object> values) {
    return (Prob<?>) k.apply(Collections.unmodifiableList(values));
  }

  private static Cont push(Function<Object, Prob<?>> k, Cont s) {
    return Cont.push(k, s);
  }

  /**
   * The stack frame of an independent product whose parts run in sequence: part {@code index} is
   * running in scope {@code base[index]}; the scope and count to restore come after the last part.
   * As a plain function (when a machine is rebuilt as a program) it runs the remaining parts.
   */
  private record PartFrame(Independent<?, ?> ind, int index, PList<Object> results, Address base, Address outerScope,
      int outerCounter) implements Function<Object, Prob<?>> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Prob<?> apply(Object value) {
      PList<Object> rs = PList.cons(value, results);
      List<? extends Prob<?>> ps = ind.parts();
      Prob<?> rest = Combinators.sequence((List) ps.subList(index + 1, ps.size()));
      return new FlatMap<List<Object>, Object>((Prob) rest, more -> {
        List<Object> all = new ArrayList<>(PList.toListReversed(rs));
        all.addAll(more);
        return (Prob) Interpreter.apply(ind.k(), all);
      });
    }
  }

  // ---- administrative reduction ----

  /** Stops at every effect and at the deferred programs whose thunk {@code stopAt} accepts. */
  private record Reduce(java.util.function.Predicate<java.util.function.Supplier<?>> stopAt) implements Handler<Machine> {
    @Override
    public Prob<?> sample(Sample<?, ?> s, Interpreter run) {
      return STOP;
    }

    @Override
    public Prob<?> observe(Observe<?, ?> o, Interpreter run) {
      return STOP;
    }

    @Override
    public Prob<?> factor(Factor<?> f, Interpreter run) {
      return STOP;
    }

    @Override
    public Prob<?> independent(Independent<?, ?> ind, Interpreter run) {
      return STOP;
    }

    @Override
    public Prob<?> defer(Defer<?> d, Interpreter run) {
      return stopAt.test(d.thunk()) ? STOP : d.thunk().get();
    }

    @Override
    public Machine result(Object value, Interpreter run) {
      return run.resume(new Pure<>(value));
    }

    @Override
    public Machine stopped(Interpreter run) {
      return run.machine();
    }

    @Override
    public boolean claimsNames() {
      return false;
    }
  }

  private static final Reduce REDUCE = new Reduce(t -> false);

  /** Runs the administrative steps of {@code m} up to its next effect or its end. */
  static Machine reduce(Machine m) {
    return run(m, REDUCE);
  }

  /**
   * A handler that runs the administrative steps of a machine up to its next effect, its end, or
   * a deferred program whose thunk {@code stopAt} accepts (e.g. the next step of a state-space
   * model), and gives the machine there: {@code run(m, reducing(stopAt))}. It holds no state, so
   * one can be kept and reused.
   */
  public static Handler<Machine> reducing(java.util.function.Predicate<java.util.function.Supplier<?>> stopAt) {
    return new Reduce(stopAt);
  }
}
