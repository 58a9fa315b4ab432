package org.probity.core;

import java.util.function.Supplier;

/**
 * A program built only when an interpreter reaches it, so recursive models (a step calling the
 * next step) are not built eagerly and do not overflow the stack.
 */
public record Defer<A>(Supplier<? extends Prob<A>> thunk) implements Prob<A> {
}
