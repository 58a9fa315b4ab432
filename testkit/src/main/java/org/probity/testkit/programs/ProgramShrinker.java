package org.probity.testkit.programs;

import java.util.ArrayList;
import java.util.List;
import org.probity.testkit.Shrinker;

/**
 * Shrinks a {@link Program}: replaces it by {@code return 0} or {@code return x_j}, removes statements (a bind's first
 * program, with its variable replaced by 0; a factor, condition or observation), replaces branches
 * and products by one of their parts, lowers recursion depths and constants, makes named sites
 * anonymous and distributions simpler; then shrinks inside every subprogram. Each candidate is
 * strictly simpler, so greedy shrinking terminates.
 *
 * @param freeVariables the variables in scope at the root (as in {@link ProgramGen})
 */
public record ProgramShrinker(int freeVariables) implements Shrinker<Program> {
  private static final Program ZERO = new Program.Return(new Expr.Const(0));

  /** The shrinker for closed programs. */
  public static ProgramShrinker closed() {
    return new ProgramShrinker(0);
  }

  @Override
  public List<Program> shrink(Program p) {
    return shrink(p, freeVariables);
  }

  /** Candidates for a program with {@code k} variables in scope. */
  public static List<Program> shrink(Program p, int k) {
    List<Program> out = new ArrayList<>();
    if (!p.equals(ZERO)) {
      out.add(ZERO);
    }
    if (!(p instanceof Program.Return)) {
      for (int j = 0; j < k; j++) {
        out.add(new Program.Return(new Expr.Var(j)));
      }
    }
    if (p instanceof Program.Return r) {
      r.value().shrink().forEach(e -> out.add(new Program.Return(e)));
    } else if (p instanceof Program.Choice c) {
      if (c.name() != null) {
        out.add(new Program.Choice(c.dist(), null));
      }
      c.dist().shrink().forEach(d -> out.add(new Program.Choice(d, c.name())));
    } else if (p instanceof Program.Bind b) {
      out.add(b.rest().substitute(k, 0));
      if (b.first() instanceof Program.Return r) {
        out.add(b.rest().substitute(k, r.value())); // inline a let-binding x_k = e
      }
      for (int j = 0; j < k; j++) {
        out.add(b.rest().substitute(k, new Expr.Var(j))); // drop the bind, reuse an earlier variable
      }
      out.add(b.first());
      shrink(b.first(), k).forEach(f -> out.add(new Program.Bind(f, b.rest())));
      shrink(b.rest(), k + 1).forEach(r -> out.add(new Program.Bind(b.first(), r)));
    } else if (p instanceof Program.Branch br) {
      out.add(br.then());
      out.add(br.otherwise());
      br.condition().shrink().forEach(c -> out.add(new Program.Branch(c, br.then(), br.otherwise())));
      shrink(br.then(), k).forEach(t -> out.add(new Program.Branch(br.condition(), t, br.otherwise())));
      shrink(br.otherwise(), k).forEach(e -> out.add(new Program.Branch(br.condition(), br.then(), e)));
    } else if (p instanceof Program.Factor f) {
      out.add(f.rest());
      if (Math.abs(f.scale()) != 0.5) {
        out.add(new Program.Factor(Math.copySign(0.5, f.scale()), f.value(), f.rest()));
      }
      f.value().shrink().forEach(e -> out.add(new Program.Factor(f.scale(), e, f.rest())));
      shrink(f.rest(), k).forEach(r -> out.add(new Program.Factor(f.scale(), f.value(), r)));
    } else if (p instanceof Program.Condition c) {
      out.add(c.rest());
      c.holds().shrink().forEach(e -> out.add(new Program.Condition(e, c.rest())));
      shrink(c.rest(), k).forEach(r -> out.add(new Program.Condition(c.holds(), r)));
    } else if (p instanceof Program.Observe o) {
      out.add(o.rest());
      if (o.name() != null) {
        out.add(new Program.Observe(o.dist(), o.value(), null, o.rest()));
      }
      o.dist().shrink().forEach(d -> out.add(new Program.Observe(d, o.value(), o.name(), o.rest())));
      o.value().shrink().forEach(e -> out.add(new Program.Observe(o.dist(), e, o.name(), o.rest())));
      shrink(o.rest(), k).forEach(r -> out.add(new Program.Observe(o.dist(), o.value(), o.name(), r)));
    } else if (p instanceof Program.Recurse r) {
      if (r.depth() > 0) {
        out.add(new Program.Recurse(r.depth() - 1, r.body()));
      }
      out.add(r.body().substitute(k, r.depth()));
      shrink(r.body(), k + 1).forEach(b -> out.add(new Program.Recurse(r.depth(), b)));
    } else if (p instanceof Program.Indep in) {
      out.addAll(in.parts());
      for (int i = 0; i < in.parts().size(); i++) {
        final int j = i;
        if (in.parts().size() > 1) {
          List<Program> fewer = new ArrayList<>(in.parts());
          fewer.remove(j);
          out.add(new Program.Indep(fewer));
        }
        shrink(in.parts().get(j), k).forEach(q -> {
          List<Program> ps = new ArrayList<>(in.parts());
          ps.set(j, q);
          out.add(new Program.Indep(ps));
        });
      }
    }
    return out;
  }
}
