package org.probity.testkit.programs;

/** Prints a {@link Program} as indented pseudo-code, one statement a line. */
final class Printer {
  private Printer() {
  }

  static String print(Program p, int level) {
    StringBuilder sb = new StringBuilder();
    block(sb, p, level, "");
    return sb.toString().stripTrailing();
  }

  private static String at(String name) {
    return name == null ? "" : " @" + name;
  }

  /** The one-line form of a simple expression-like program, or null. */
  private static String inline(Program p) {
    if (p instanceof Program.Choice c) {
      return "sample(" + c.dist() + ")" + at(c.name());
    }
    if (p instanceof Program.Call) {
      return "recurse(depth - 1)";
    }
    return null;
  }

  private static void block(StringBuilder sb, Program p, int level, String ind) {
    if (p instanceof Program.Return r) {
      line(sb, ind, "return " + r.value());
    } else if (p instanceof Program.Choice || p instanceof Program.Call) {
      line(sb, ind, "return " + inline(p));
    } else if (p instanceof Program.Bind b) {
      String x = "x" + level;
      String one = inline(b.first());
      if (b.first() instanceof Program.Return r) {
        line(sb, ind, x + " = " + r.value());
      } else if (b.first() instanceof Program.Choice c) {
        line(sb, ind, x + " ~ " + c.dist() + at(c.name()));
      } else if (one != null) {
        line(sb, ind, x + " <- " + one);
      } else {
        line(sb, ind, x + " <- {");
        block(sb, b.first(), level, ind + "  ");
        line(sb, ind, "}");
      }
      block(sb, b.rest(), level + 1, ind);
    } else if (p instanceof Program.Branch br) {
      line(sb, ind, "if " + br.condition() + " != 0 then");
      block(sb, br.then(), level, ind + "  ");
      line(sb, ind, "else");
      block(sb, br.otherwise(), level, ind + "  ");
    } else if (p instanceof Program.Factor f) {
      line(sb, ind, "factor(" + f.scale() + " * " + f.value() + ")");
      block(sb, f.rest(), level, ind);
    } else if (p instanceof Program.Condition c) {
      line(sb, ind, "condition(" + c.holds() + " != 0)");
      block(sb, c.rest(), level, ind);
    } else if (p instanceof Program.Observe o) {
      line(sb, ind, "observe(" + o.dist() + ", " + o.value() + ")" + at(o.name()));
      block(sb, o.rest(), level, ind);
    } else if (p instanceof Program.Recurse r) {
      line(sb, ind, "recursive(depth x" + level + " = " + r.depth() + ") {");
      block(sb, r.body(), level + 1, ind + "  ");
      line(sb, ind, "}");
    } else if (p instanceof Program.Indep in) {
      line(sb, ind, "independent, sum of {");
      for (int i = 0; i < in.parts().size(); i++) {
        if (i > 0) {
          line(sb, ind, "} and {");
        }
        block(sb, in.parts().get(i), level, ind + "  ");
      }
      line(sb, ind, "}");
    } else {
      throw new IllegalStateException("unknown program node " + p);
    }
  }

  private static void line(StringBuilder sb, String ind, String text) {
    sb.append(ind).append(text).append('\n');
  }
}
