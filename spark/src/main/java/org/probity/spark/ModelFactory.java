package org.probity.spark;

import java.io.Serializable;
import org.probity.core.Prob;

/**
 * A model that travels: a serializable recipe that builds the {@code Prob} on the executor. A
 * {@code Prob} itself is made of lambdas and cannot be shipped; ship a class with a no-argument
 * constructor, or a record of the model's data, and build the program in {@link #build()}. Large
 * data shared by every task go in a {@link Shared} field ({@link SparkRunner#share}).
 *
 * @param <A> the model's return type
 */
@FunctionalInterface
public interface ModelFactory<A> extends Serializable {
  /** Builds the model (called once per task, on the machine that runs it). */
  Prob<A> build();
}
