package org.probity.spark;

import java.io.Serializable;

/**
 * Data shared by every task of a run, read on the executor with {@link #value()}: a Spark
 * broadcast variable from {@link SparkRunner#share} (shipped once per executor, not once per
 * task), or a plain value from {@link #local} for the in-process runner.
 *
 * @param <T> the data's type
 */
public interface Shared<T> extends Serializable {
  /** The data. */
  T value();

  /** Plain shared data, for in-process runs (serialised with every task on a cluster). */
  static <T extends Serializable> Shared<T> local(T value) {
    return new Local<>(value);
  }

  /** A plain value held directly. */
  record Local<T extends Serializable>(T value) implements Shared<T> {
  }
}
