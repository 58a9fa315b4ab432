package org.probity.core;

/** The program that returns {@code value} with no effect (monadic return). */
public record Pure<A>(A value) implements Prob<A> {
}
