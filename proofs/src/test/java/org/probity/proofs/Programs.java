package org.probity.proofs;

import java.util.List;
import org.probity.core.Prob;

/** Test helpers: compiling generated programs with free variables and scopes. */
final class Programs {
  private Programs() {
  }

  /** The closed program compiled. */
  static Prob<Integer> closed(Program p) {
    return Compiler.compile(p);
  }

  /** The program with free variables x0.. bound to {@code env}, named sites scoped by {@code scope}. */
  static Prob<Integer> open(Program p, List<Integer> scope, int... env) {
    return Compiler.PLAIN.apply(p, env, scope);
  }

  /** The program with one free variable x0 = x. */
  static Prob<Integer> apply(Program p, int x) {
    return Compiler.PLAIN.apply(p, new int[] {x}, List.of());
  }

  /** Asserts that a planted bug is found and shrunk below {@code maxSize} program nodes; returns the failure. */
  static PropertyFailure assertFoundSmall(Runnable property, int maxSize, java.util.function.ToIntFunction<Object> size) {
    PropertyFailure f = org.junit.jupiter.api.Assertions.assertThrows(PropertyFailure.class, property::run,
        "the planted bug was not found");
    int s = size.applyAsInt(f.counterexample());
    org.junit.jupiter.api.Assertions.assertTrue(s <= maxSize,
        "shrinking left a counterexample of size " + s + " > " + maxSize + ":\n" + f.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(f.getMessage().contains("seed"), f.getMessage());
    return f;
  }
}
