package org.probity.core;

/**
 * A suspended program: the current node, the continuation stack, and where the run stands in
 * naming its sites (the scope of anonymous sites, how many of them it has reached there, the
 * named addresses claimed so far). Immutable, so a particle, an MCMC state or a branch of the
 * Enumerator is just a machine that can be copied freely; {@link Interpreter#run} resumes one
 * under a {@link Handler}.
 *
 * @param node the next node to run
 * @param stack the pending continuations (null: none)
 * @param scope the address under which anonymous sites are named
 * @param counter how many anonymous sites and independent products the run has reached in scope
 * @param names the named addresses claimed so far (for duplicate detection)
 */
public record Machine(Prob<?> node, Cont stack, Address scope, int counter, AddressSet names) {

  /** A machine at the root scope that has named nothing yet. */
  public Machine(Prob<?> node, Cont stack) {
    this(node, stack, Address.ROOT, 0, AddressSet.EMPTY);
  }

  /** The machine about to run {@code program}. */
  public static Machine start(Prob<?> program) {
    return new Machine(program, null);
  }

  /** Whether the program has finished: a Pure node with an empty stack. */
  public boolean finished() {
    return finished(node, stack);
  }

  /** The result of a finished program. */
  public Object result() {
    return result(node, stack);
  }

  /**
   * Whether the program suspended at {@code node} with pending continuations {@code stack} has
   * finished ({@link #finished()} for a suspension held unwrapped, e.g. an SMC particle).
   */
  public static boolean finished(Prob<?> node, Cont stack) {
    return stack == null && node instanceof Pure;
  }

  /** The result of the finished program suspended at {@code node} and {@code stack} ({@link #result()}). */
  public static Object result(Prob<?> node, Cont stack) {
    if (!finished(node, stack)) {
      throw new IllegalStateException("the program has not finished; it is at " + node);
    }
    return ((Pure<?>) node).value();
  }

  /** The distribution of the choice this machine stands at (its node is a sample), or null. */
  public org.probity.dist.Distribution<?> nextChoice() {
    return nextChoice(node);
  }

  /**
   * The distribution of the choice at {@code node} (a sample node), or null: {@link #nextChoice()}
   * for a program held unwrapped, e.g. an SMC particle's node.
   */
  public static org.probity.dist.Distribution<?> nextChoice(Prob<?> node) {
    return node instanceof Sample<?, ?> s ? s.dist() : null;
  }

  /** Runs administrative steps (binds, returns, deferred programs) until an effect or the end. */
  public Machine reduce() {
    return Interpreter.reduce(this);
  }

  /** Continues with {@code next} as the current node (after an effect), naming as before. */
  public Machine resume(Prob<?> next) {
    return new Machine(next, stack, scope, counter, names);
  }

  /**
   * This machine after the loop names a choice site whose model-given address is {@code given}
   * (null: anonymous): for compiled paths that perform a choice without the loop, so that they
   * name it exactly as interpreting the choice would.
   *
   * @throws DuplicateAddressException if {@code given} was claimed already
   */
  public Machine afterChoice(Address given) {
    if (given == null) {
      return new Machine(node, stack, scope, counter + 1, names);
    }
    AddressSet n = names.plus(given);
    if (n == names) {
      throw new DuplicateAddressException(given);
    }
    return new Machine(node, stack, scope, counter, n);
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
