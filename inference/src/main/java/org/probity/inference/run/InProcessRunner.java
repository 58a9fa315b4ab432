package org.probity.inference.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.probity.core.Parallel;

/**
 * The default {@link Runner}: the tasks run on this JVM, in parallel on the common fork-join pool
 * or in sequence; when tasks fail, the one with the lowest index is reported.
 *
 * @param parallel whether tasks run in parallel
 */
public record InProcessRunner(boolean parallel) implements Runner {

  /** The parallel in-process runner. */
  public static InProcessRunner parallelRunner() {
    return new InProcessRunner(true);
  }

  /** The one-thread in-process runner. */
  public static InProcessRunner sequential() {
    return new InProcessRunner(false);
  }

  @Override
  public <R extends Serializable> List<R> run(String what, long seed, int n, Task<R> task) {
    if (n < 0) {
      throw new IllegalArgumentException("the number of " + what + " tasks must be at least 0, got " + n);
    }
    Object[] out = new Object[n];
    Parallel.forEach(n, parallel, i -> {
      try {
        out[i] = task.run(seed, i);
      } catch (RunTaskException e) {
        throw e;
      } catch (RuntimeException e) {
        throw RunTaskException.of(what, i, e);
      }
    });
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) (List<?>) new ArrayList<>(Arrays.asList(out));
    return results;
  }
}
