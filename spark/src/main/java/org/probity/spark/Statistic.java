package org.probity.spark;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

/**
 * A serializable function of a model's return value whose posterior expectation a run reports.
 *
 * @param <A> the model's return type
 */
@FunctionalInterface
public interface Statistic<A> extends ToDoubleFunction<A>, Serializable {
}
