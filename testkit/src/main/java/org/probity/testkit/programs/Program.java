package org.probity.testkit.programs;

import java.util.List;

/**
 * The abstract syntax of generated finite probabilistic programs returning an integer: bind trees
 * over finite choices (named or anonymous), factors, hard conditions, observations, branching on
 * earlier values (so paths differ in their addresses and numbers of observations), bounded
 * recursion and independent products. A program {@link Compiler compiles} to a
 * {@code Prob<Integer>}, prints as readable pseudo-code ({@code toString()}) and is shrunk by
 * {@link ProgramShrinker}.
 *
 * <p>Variables are de Bruijn levels: in a program run with k variables in scope, the result of
 * {@code Bind.first} is {@code x_k} inside {@code Bind.rest}, and the depth of a {@code Recurse}
 * is {@code x_k} inside its body.
 */
public sealed interface Program {

  /** Number of program nodes (expressions not counted): the measure shrinking reduces. */
  int size();

  /** Replaces x_level by c (an expression over variables below level) and renumbers the variables above it (see {@link Expr#substitute}). */
  Program substitute(int level, Expr c);

  /** Replaces x_level by the constant c. */
  default Program substitute(int level, int c) {
    return substitute(level, new Expr.Const(c));
  }

  /** The pseudo-code of this program, variables numbered from {@code level}. */
  default String print(int level) {
    return Printer.print(this, level);
  }

  /** {@code return value}. */
  record Return(Expr value) implements Program {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Return(value.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** A random choice from a finite distribution; {@code name} null means anonymous. */
  record Choice(FiniteDist dist, String name) implements Program {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public Program substitute(int level, Expr c) {
      return this;
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** {@code x_k <- first; rest}. */
  record Bind(Program first, Program rest) implements Program {
    @Override
    public int size() {
      return 1 + first.size() + rest.size();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Bind(first.substitute(level, c), rest.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** {@code if condition != 0 then then else otherwise}. */
  record Branch(Expr condition, Program then, Program otherwise) implements Program {
    @Override
    public int size() {
      return 1 + then.size() + otherwise.size();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Branch(condition.substitute(level, c), then.substitute(level, c), otherwise.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** {@code factor(scale * value); rest}: a finite log weight. */
  record Factor(double scale, Expr value, Program rest) implements Program {
    @Override
    public int size() {
      return 1 + rest.size();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Factor(scale, value.substitute(level, c), rest.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** {@code condition(holds != 0); rest}: zero weight unless it holds. */
  record Condition(Expr holds, Program rest) implements Program {
    @Override
    public int size() {
      return 1 + rest.size();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Condition(holds.substitute(level, c), rest.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** {@code observe(dist, value mod support); rest}; {@code name} null means anonymous. */
  record Observe(FiniteDist dist, Expr value, String name, Program rest) implements Program {
    @Override
    public int size() {
      return 1 + rest.size();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Observe(dist, value.substitute(level, c), name, rest.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /**
   * Bounded recursion: runs {@code body} with its depth variable equal to {@code depth}; inside
   * it a {@link Call} runs the body again one level down, and returns 0 at depth 0.
   */
  record Recurse(int depth, Program body) implements Program {
    @Override
    public int size() {
      return 1 + body.size();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Recurse(depth, body.substitute(level, c));
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /**
   * The recursive call of the innermost enclosing {@link Recurse} (0 outside any); {@code site}
   * distinguishes call sites so that named choices get distinct addresses at every level.
   */
  record Call(int site) implements Program {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public Program substitute(int level, Expr c) {
      return this;
    }

    @Override
    public String toString() {
      return print(0);
    }
  }

  /** The independent product of the parts (an {@code Independent} node); returns the sum of their results. */
  record Indep(List<Program> parts) implements Program {
    /** Copies the parts. */
    public Indep {
      parts = List.copyOf(parts);
    }

    @Override
    public int size() {
      return 1 + parts.stream().mapToInt(Program::size).sum();
    }

    @Override
    public Program substitute(int level, Expr c) {
      return new Indep(parts.stream().map(p -> p.substitute(level, c)).toList());
    }

    @Override
    public String toString() {
      return print(0);
    }
  }
}
