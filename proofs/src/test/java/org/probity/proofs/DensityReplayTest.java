package org.probity.proofs;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.core.Address;
import org.probity.core.Prob;
import org.probity.core.Weighted;
import org.probity.semantics.Density;
import org.probity.semantics.Enumerator;
import org.probity.testkit.Property;
import org.probity.testkit.Tries;
import org.probity.testkit.laws.Measures;
import org.probity.testkit.programs.Compiler;
import org.probity.testkit.programs.Program;
import org.probity.testkit.programs.ProgramGen;
import org.probity.testkit.programs.ProgramShrinker;
import org.probity.trace.Trace;
import org.probity.trace.Traces;

/**
 * The density semantics agrees with the measure semantics: for every path the Enumerator finds
 * (listed by enumerating {@code Traces.posterior(model)}, the trace interpreter, so each path is one result),
 * replaying the path's choices with {@code Density.replay} gives the same result and a log joint
 * equal to the path's log weight (Scibior et al., POPL 2018, the density of a program's
 * measure with respect to the trace measure). Tolerance {@link Measures#LOG_TOLERANCE}.
 */
class DensityReplayTest {
  static final long SEED = 99L;
  static final int TRIES = Tries.of(200, 3000);

  /** The log joint density under test, at a trace. */
  interface DensityUnderTest {
    double logJoint(Prob<Integer> model, Map<Address, Object> trace);
  }

  static void replayAgreesWithEnumeration(DensityUnderTest density) {
    Property.forAll(ProgramGen.models(), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Prob<Integer> model = Compiler.compile(p);
      for (Weighted<Trace<Integer>> path : Enumerator.unnormalised(Traces.posterior(model))) {
        Map<Address, Object> trace = path.value().values();
        double lj = density.logJoint(model, trace);
        if (!Measures.close(lj, path.logWeight())) {
          throw new AssertionError("at trace " + trace + " the replayed log joint is " + lj + " but the path's log weight is "
              + path.logWeight());
        }
        Integer v = Density.replay(model, trace).value();
        if (!v.equals(path.value().output())) {
          throw new AssertionError("at trace " + trace + " replay returns " + v + " but the path returns " + path.value().output());
        }
      }
      return true;
    });
  }

  @Test
  void replayGivesEveryPathsLogWeight() {
    replayAgreesWithEnumeration((m, t) -> Density.replay(m, t).logJoint().value());
  }

  @Test
  void theTracesAreTheEnumeratorsPaths() {
    // the pushforward to traces keeps the measure: summing paths by result gives the model's measure
    Property.forAll(ProgramGen.models(), ProgramShrinker.closed(), TRIES, SEED, p -> {
      Prob<Integer> model = Compiler.compile(p);
      Measures.assertSame(Traces.posterior(model).map(Trace::output), model);
      return true;
    });
  }

  @Test
  void findsAReplayThatReturnsTheLogPriorOnly() {
    Property.assertFindsSmall(() -> replayAgreesWithEnumeration((m, t) -> Density.replay(m, t).logPrior().value()), 2,
        c -> ((Program) c).size());
  }
}
