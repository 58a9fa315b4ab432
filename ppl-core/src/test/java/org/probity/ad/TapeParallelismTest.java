package org.probity.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probity.Probity.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.core.Prob;
import org.probity.semantics.Sampler;

/**
 * How automatic differentiation meets parallelism: a tape is single-threaded, so while
 * differentiated work runs ({@link Tape#recording}) the Sampler evaluates independent parts in
 * sequence; a tape touched from another thread fails loudly instead of corrupting a gradient.
 */
class TapeParallelismTest {

  /** 64 independent parts (above the Sampler's parallel threshold), each using the parameter. */
  static Prob<List<Real>> parts(Real mu) {
    return independent(64, i -> sample(normal(0, 1), z -> pure(mu.times(z))));
  }

  @Test
  void independentPartsOnATapeRunInSequenceAndGiveTheRightGradient() {
    double[] point = {0.7};
    Grad.ValueAndGradient vg = Grad.grad(x -> {
      List<Real> ys = Sampler.run(parts(x[0]), 11).value();
      return Reals.sum(ys.toArray(new Real[0]));
    }, point);
    List<Real> plain = Sampler.run(parts(Real.of(0.7)), 11).value();
    double sumZ = 0;
    for (Real y : plain) {
      sumZ += y.value() / 0.7;
    }
    assertEquals(0.7 * sumZ, vg.value(), 1e-12, "the same draws as without a tape");
    assertEquals(sumZ, vg.gradient()[0], 1e-12, "d/dmu sum mu z_i = sum z_i");
  }

  @Test
  void aTapeUsedFromAnotherThreadFailsLoudly() throws Exception {
    Tape tape = new Tape();
    Real x = tape.variable(1.0);
    Throwable[] caught = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        x.times(x);
      } catch (IllegalStateException e) {
        caught[0] = e;
      }
    });
    t.start();
    t.join();
    assertTrue(caught[0] != null && caught[0].getMessage().contains("thread"), String.valueOf(caught[0]));
    assertEquals(2.0, x.plus(1.0).value(), "the owner thread still records");
  }

  @Test
  void recordingIsScopedToTheThread() {
    assertTrue(!Tape.recording());
    boolean inside = Tape.recording(Tape::recording);
    assertTrue(inside);
    assertTrue(!Tape.recording());
  }
}
