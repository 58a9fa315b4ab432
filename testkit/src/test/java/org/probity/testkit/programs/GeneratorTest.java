package org.probity.testkit.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.random.Rngs;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Property;
import org.probity.testkit.laws.Measures;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The generators and shrinker themselves: programs are well-formed (they compile and enumerate
 * without address clashes), every construct occurs, paths really differ in their addresses and
 * numbers of choices (stochastic control flow), and shrinking only proposes smaller programs.
 */
class GeneratorTest {
  static final int N = 400;

  static List<Program> programs() {
    UniformRandomProvider rng = Rngs.of(7);
    List<Program> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      out.add(ProgramGen.models().generate(rng, Property.sizeOf(i)));
    }
    return out;
  }

  static void constructs(Program p, Set<String> seen) {
    seen.add(p.getClass().getSimpleName());
    if (p instanceof Program.Choice c) {
      seen.add(c.dist().kind().name());
      seen.add(c.name() == null ? "anonymous" : "named");
    } else if (p instanceof Program.Bind b) {
      constructs(b.first(), seen);
      constructs(b.rest(), seen);
    } else if (p instanceof Program.Branch b) {
      constructs(b.then(), seen);
      constructs(b.otherwise(), seen);
    } else if (p instanceof Program.Factor f) {
      constructs(f.rest(), seen);
    } else if (p instanceof Program.Condition c) {
      constructs(c.rest(), seen);
    } else if (p instanceof Program.Observe o) {
      constructs(o.rest(), seen);
    } else if (p instanceof Program.Recurse r) {
      constructs(r.body(), seen);
    } else if (p instanceof Program.Indep in) {
      in.parts().forEach(q -> constructs(q, seen));
    }
  }

  @Test
  void everyConstructOccursAndEveryProgramEnumerates() {
    Set<String> seen = new HashSet<>();
    int withPosterior = 0;
    int varyingPaths = 0;
    for (Program p : programs()) {
      constructs(p, seen);
      Prob<Integer> m = Compiler.compile(p);
      if (!Enumerator.unnormalised(m).isEmpty()) {
        withPosterior++;
      }
      Set<Set<Address>> addressSets = new HashSet<>();
      for (Weighted<Trace<Integer>> w : Enumerator.unnormalised(Traces.posterior(m))) {
        addressSets.add(w.value().choices().keySet());
      }
      if (addressSets.size() > 1) {
        varyingPaths++;
      }
    }
    for (String c : List.of("Return", "Choice", "Bind", "Branch", "Factor", "Condition", "Observe", "Recurse", "Call",
        "Indep", "BERNOULLI", "CATEGORICAL", "UNIFORM", "BINOMIAL", "named", "anonymous")) {
      assertTrue(seen.contains(c), "no generated program contains " + c + "; seen " + seen);
    }
    assertTrue(withPosterior > N * 8 / 10, "too many programs with zero evidence: " + (N - withPosterior));
    assertTrue(varyingPaths > N / 10, "too few programs whose paths differ in their addresses: " + varyingPaths);
  }

  @Test
  void shrinkingProposesOnlySmallerWellFormedPrograms() {
    for (Program p : programs().subList(0, 100)) {
      for (Program q : ProgramShrinker.shrink(p, 0)) {
        assertTrue(q.size() <= p.size(), "shrink grew\n" + p + "\ninto\n" + q);
        Enumerator.unnormalised(Compiler.compile(q));
      }
    }
  }

  @Test
  void everyCompiledFormDenotesTheSameMeasure() {
    for (Program p : programs().subList(0, 200)) {
      Map<Integer, Double> plain = Measures.of(Compiler.PLAIN.apply(p));
      for (Compiler c : List.of(Compiler.DIRECT, Compiler.DEFERRED)) {
        String d = Measures.difference(Measures.of(c.apply(p)), plain);
        assertTrue(d == null, "compiled forms differ on\n" + p + "\n" + d);
      }
    }
  }

  @Test
  void generationIsDeterministicInTheSeed() {
    assertEquals(programs().toString(), programs().toString());
  }

  @Test
  void printsReadablePseudoCode() {
    Program p = new Program.Bind(new Program.Choice(FiniteDist.bernoulli(0.3), "a0"),
        new Program.Factor(0.5, new Expr.Var(0),
            new Program.Branch(new Expr.Var(0), new Program.Return(new Expr.Const(1)),
                new Program.Choice(FiniteDist.uniform(3), null))));
    assertEquals(String.join("\n",
        "x0 ~ bernoulli(0.3) @a0",
        "factor(0.5 * x0)",
        "if x0 != 0 then",
        "  return 1",
        "else",
        "  return sample(uniform{0..2})"), p.toString());
    Map<Integer, Double> probs = new TreeMap<>(Enumerator.enumerate(Compiler.compile(p)).probabilities());
    double z = 0.3 * Math.exp(0.5) + 0.7;
    assertEquals(0.3 * Math.exp(0.5) / z + 0.7 / 3 / z, probs.get(1), 1e-12);
  }
}
