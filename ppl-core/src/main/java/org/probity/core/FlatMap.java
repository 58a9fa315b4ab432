package org.probity.core;

import java.util.function.Function;

/** The general bind: run {@code first}, then {@code k} on its result. */
public record FlatMap<X, A>(Prob<X> first, Function<? super X, ? extends Prob<A>> k) implements Prob<A> {
}
