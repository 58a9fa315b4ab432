package org.probity.vi.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.probity.ad.Real;
import org.probity.ad.Tape;

/** Declaration at first read, constraints through bijections, gradients in unconstrained space, errors. */
class ParamStoreTest {
  @Test
  void constrainedParametersAreStoredUnconstrained() {
    ParamStore s = new ParamStore(1);
    Params v = s.view();
    assertEquals(2.0, v.positive("sigma", 2.0).value(), 1e-15);
    assertArrayEquals(new double[] {Math.log(2.0)}, s.unconstrained("sigma"), 1e-15);
    assertEquals(0.25, v.interval("p", 0, 1, 0.25).value(), 1e-15);
    Real[] pi = v.simplex("pi", 3);
    assertEquals(1.0, pi[0].value() + pi[1].value() + pi[2].value(), 1e-12);
    assertEquals(2, s.unconstrained("pi").length);
    Real[][] w = v.matrix("w", 2, 3, Init.glorot());
    assertEquals(6, s.unconstrained("w").length);
    assertSame(w, v.matrix("w", 2, 3, Init.glorot()), "a second read in one evaluation returns the same value");
  }

  @Test
  void initialValuesDependOnTheSeedAndNameNotTheOrder() {
    ParamStore a = new ParamStore(7);
    a.view().vector("x", 3, Init.normal(1));
    a.view().vector("y", 3, Init.normal(1));
    ParamStore b = new ParamStore(7);
    b.view().vector("y", 3, Init.normal(1));
    b.view().vector("x", 3, Init.normal(1));
    assertArrayEquals(a.value("x"), b.value("x"));
    assertArrayEquals(a.value("y"), b.value("y"));
  }

  @Test
  void theGradientIsWithRespectToUnconstrainedCoordinates() {
    ParamStore s = new ParamStore();
    Tape tape = new Tape();
    Params v = s.view(tape);
    Real sigma = v.positive("sigma", 2.0);
    Real out = sigma.square(); // d/du (e^u)^2 = 2 sigma^2
    Gradient g = s.gradient(v, tape.gradient(out));
    assertEquals(8.0, g.get("sigma", 0), 1e-12);
    assertEquals(0.0, g.get("never-read", 0));
  }

  @Test
  void inconsistentUseAndInvalidValuesAreErrorsNamingTheParameter() {
    ParamStore s = new ParamStore();
    s.view().positive("sigma", 1.0);
    ParamException e = assertThrows(ParamException.class, () -> s.view().real("sigma", 1.0));
    assertTrue(e.getMessage().contains("sigma"), e.getMessage());
    ParamException bad = assertThrows(ParamException.class, () -> s.view().positive("tau", -1.0));
    assertTrue(bad.getMessage().contains("tau") && bad.getMessage().contains("-1.0"), bad.getMessage());
    assertThrows(ParamException.class, () -> s.setUnconstrained("sigma", new double[] {Double.NaN}));
    assertThrows(ParamException.class, () -> s.value("nope"));
  }
}
