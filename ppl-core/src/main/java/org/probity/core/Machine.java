package org.probity.core;

/**
 * A suspended program: the current node and the continuation stack. {@link #reduce} performs the
 * administrative steps (Pure returning into the stack, FlatMap pushing, Defer forcing) until the
 * program either finishes or reaches an effect (Sample, Observe, Factor, Independent) that some
 * interpreter must handle; {@link #resume} continues after an effect with its result.
 *
 * <p>Every interpreter shares this small-step core, so the language has one operational
 * semantics and each interpreter only says what its effects mean.
 */
public record Machine(Prob<?> node, Cont stack) {

  /** The machine about to run {@code program}. */
  public static Machine start(Prob<?> program) {
    return new Machine(program, null);
  }

  /** Whether the program has finished: a Pure node with an empty stack. */
  public boolean finished() {
    return stack == null && node instanceof Pure;
  }

  /** The result of a finished program. */
  public Object result() {
    return ((Pure<?>) node).value();
  }

  /** Runs administrative steps until an effect or the end. */
  public Machine reduce() {
    Prob<?> n = node;
    Cont s = stack;
    if (!isAdministrative(n, s)) {
      return this;
    }
    while (true) {
      if (n instanceof FlatMap<?, ?> fm) {
        s = Cont.push(fm.k(), s);
        n = fm.first();
      } else if (n instanceof Pure<?> p) {
        if (s == null) {
          return new Machine(n, null);
        }
        n = s.head().apply(p.value());
        s = s.tail();
      } else if (n instanceof Defer<?> d) {
        n = d.thunk().get();
      } else if (n instanceof Compiled<?> c) {
        n = c.meaning();
      } else {
        return new Machine(n, s);
      }
    }
  }

  private static boolean isAdministrative(Prob<?> n, Cont s) {
    return n instanceof FlatMap || n instanceof Defer || n instanceof Compiled || (n instanceof Pure && s != null);
  }

  /** Continues with {@code next} as the current node (after an effect). */
  public Machine resume(Prob<?> next) {
    return new Machine(next, stack);
  }

  /** Rebuilds a plain program equivalent to this machine (the node followed by the stack). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Prob<Object> toProb() {
    Prob p = node;
    for (Cont c = stack; c != null; c = c.tail()) {
      p = new FlatMap(p, c.head());
    }
    return p;
  }
}
