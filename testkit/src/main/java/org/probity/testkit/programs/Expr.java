package org.probity.testkit.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Integer expressions over the variables bound earlier in a generated {@link Program}: the
 * deterministic part of a program (return values, branch conditions, factor weights, observed
 * values). Variables are de Bruijn levels: {@code x0} is the first variable bound in scope.
 */
public sealed interface Expr {

  /** The value in an environment (entry i is the value of x_i). */
  int eval(int[] env);

  /** Number of nodes. */
  int size();

  /** Replaces x_level by c (an expression over variables below level) and renumbers x_j (j above level) to x_(j-1): the binder of x_level is gone. */
  Expr substitute(int level, Expr c);

  /** Replaces x_level by the constant c (see {@link #substitute(int, Expr)}). */
  default Expr substitute(int level, int c) {
    return substitute(level, new Const(c));
  }

  /** Simpler expressions (subterms, smaller constants). */
  List<Expr> shrink();

  /** A constant. */
  record Const(int value) implements Expr {
    @Override
    public int eval(int[] env) {
      return value;
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public Expr substitute(int level, Expr c) {
      return this;
    }

    @Override
    public List<Expr> shrink() {
      List<Expr> out = new ArrayList<>();
      if (value != 0) {
        out.add(new Const(0));
      }
      if (value / 2 != 0) {
        out.add(new Const(value / 2));
      }
      return out;
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** The variable x_index. */
  record Var(int index) implements Expr {
    @Override
    public int eval(int[] env) {
      if (index >= env.length) {
        throw new IllegalStateException("x" + index + " is not bound (" + env.length + " variables in scope)");
      }
      return env[index];
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public Expr substitute(int level, Expr c) {
      return index == level ? c : index > level ? new Var(index - 1) : this;
    }

    @Override
    public List<Expr> shrink() {
      return List.of(new Const(0));
    }

    @Override
    public String toString() {
      return "x" + index;
    }
  }

  /** a + b. */
  record Add(Expr a, Expr b) implements Expr {
    @Override
    public int eval(int[] env) {
      return a.eval(env) + b.eval(env);
    }

    @Override
    public int size() {
      return 1 + a.size() + b.size();
    }

    @Override
    public Expr substitute(int level, Expr c) {
      return new Add(a.substitute(level, c), b.substitute(level, c));
    }

    @Override
    public List<Expr> shrink() {
      List<Expr> out = new ArrayList<>(List.of(new Const(0), a, b));
      a.shrink().forEach(x -> out.add(new Add(x, b)));
      b.shrink().forEach(x -> out.add(new Add(a, x)));
      return out;
    }

    @Override
    public String toString() {
      return "(" + a + " + " + b + ")";
    }
  }

  /** k * a, for a small constant k. */
  record Times(int k, Expr a) implements Expr {
    @Override
    public int eval(int[] env) {
      return k * a.eval(env);
    }

    @Override
    public int size() {
      return 1 + a.size();
    }

    @Override
    public Expr substitute(int level, Expr c) {
      return new Times(k, a.substitute(level, c));
    }

    @Override
    public List<Expr> shrink() {
      List<Expr> out = new ArrayList<>(List.of(new Const(0), a));
      a.shrink().forEach(x -> out.add(new Times(k, x)));
      return out;
    }

    @Override
    public String toString() {
      return k + "*" + a;
    }
  }

  /** 1 when a equals b, else 0. */
  record Eq(Expr a, Expr b) implements Expr {
    @Override
    public int eval(int[] env) {
      return a.eval(env) == b.eval(env) ? 1 : 0;
    }

    @Override
    public int size() {
      return 1 + a.size() + b.size();
    }

    @Override
    public Expr substitute(int level, Expr c) {
      return new Eq(a.substitute(level, c), b.substitute(level, c));
    }

    @Override
    public List<Expr> shrink() {
      List<Expr> out = new ArrayList<>(List.of(new Const(0), new Const(1), a));
      a.shrink().forEach(x -> out.add(new Eq(x, b)));
      b.shrink().forEach(x -> out.add(new Eq(a, x)));
      return out;
    }

    @Override
    public String toString() {
      return "(" + a + " == " + b + ")";
    }
  }
}
