package org.probity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.probity.examples.Sprinkler.World;
import org.probity.semantics.Enumeration;

/** The sprinkler network's enumeration against the posterior computed by hand. */
class SprinklerTest {
  // The joint P(c, s, r, wet) for each world, from the conditional probability tables:
  // P(c) = 0.5; P(s | c) = 0.1, P(s | !c) = 0.5; P(r | c) = 0.8, P(r | !c) = 0.2;
  // P(wet | s, r) = 0.99, P(wet | s, !r) = P(wet | !s, r) = 0.9, P(wet | !s, !r) = 0.
  private static final double CSR = 0.5 * 0.1 * 0.8 * 0.99; // cloudy, sprinkler, rain
  private static final double CSr = 0.5 * 0.1 * 0.2 * 0.90;
  private static final double CsR = 0.5 * 0.9 * 0.8 * 0.90;
  private static final double Csr = 0.0;
  private static final double cSR = 0.5 * 0.5 * 0.2 * 0.99;
  private static final double cSr = 0.5 * 0.5 * 0.8 * 0.90;
  private static final double csR = 0.5 * 0.5 * 0.2 * 0.90;
  private static final double csr = 0.0;
  private static final double WET = CSR + CSr + CsR + Csr + cSR + cSr + csR + csr;

  private final Enumeration<World> post = Sprinkler.posterior();

  @Test
  void evidenceIsTheProbabilityOfWetGrass() {
    assertEquals(0.6471, WET, 1e-12);
    assertEquals(WET, post.evidence(), 1e-12);
  }

  @Test
  void marginalPosteriorsMatchTheHandComputation() {
    assertEquals((CSR + CsR + cSR + csR) / WET, post.probabilityOf(World::rain), 1e-12);
    assertEquals((CSR + CSr + cSR + cSr) / WET, post.probabilityOf(World::sprinkler), 1e-12);
    assertEquals((CSR + CSr + CsR + Csr) / WET, post.probabilityOf(World::cloudy), 1e-12);
  }

  @Test
  void everyWorldHasItsHandComputedPosterior() {
    assertEquals(CSR / WET, post.probability(new World(true, true, true)), 1e-12);
    assertEquals(CSr / WET, post.probability(new World(true, true, false)), 1e-12);
    assertEquals(CsR / WET, post.probability(new World(true, false, true)), 1e-12);
    assertEquals(Csr / WET, post.probability(new World(true, false, false)), 1e-12);
    assertEquals(cSR / WET, post.probability(new World(false, true, true)), 1e-12);
    assertEquals(cSr / WET, post.probability(new World(false, true, false)), 1e-12);
    assertEquals(csR / WET, post.probability(new World(false, false, true)), 1e-12);
    assertEquals(csr / WET, post.probability(new World(false, false, false)), 1e-12);
  }
}
