package org.probity.proofs;

import java.util.Map;
import org.probity.core.Address;

/**
 * A program's result with the choices of its run by address (a trace in the sense of Wingate,
 * Stuhlmüller and Goodman, "Lightweight implementations of probabilistic programming languages
 * via transformational compilation", AISTATS 2011).
 *
 * @param value the result
 * @param choices every random choice of the run, by its canonical address
 */
public record Traced<A>(A value, Map<Address, Object> choices) {
  /** Copies the choices. */
  public Traced {
    choices = Map.copyOf(choices);
  }
}
