package org.probity.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;
import org.probity.run.RunTaskException;

/**
 * How a task's exception travels from an executor to the driver: wrapped on the executor in a
 * {@link RunTaskException} naming the task (the original as the cause when it serialises, else a
 * stand-in with its class name, message and stack trace), and found again on the driver in the
 * cause chain of Spark's job failure.
 */
final class Transport {
  private Transport() {
  }

  /** Runs a task's body, wrapping its exception with what it was and its index. */
  static <R> R call(String what, int index, Supplier<R> body) {
    try {
      return body.get();
    } catch (RunTaskException e) {
      throw e;
    } catch (RuntimeException e) {
      throw wrap(what, index, e);
    }
  }

  static RunTaskException wrap(String what, int index, RuntimeException e) {
    Throwable cause = serializes(e) ? e : new RemoteFailure(e);
    return new RunTaskException(what, index, e.getClass().getName(), cause);
  }

  /**
   * The {@link RunTaskException} in a Spark failure's cause chain, or the failure itself (Spark's
   * checked SparkException, thrown undeclared from Scala, wrapped in an unchecked one).
   */
  static RuntimeException unwrap(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunTaskException r) {
        return r;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }

  private static boolean serializes(Throwable t) {
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(t);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A stand-in for an exception that cannot be serialised: its class name, message and stack. */
  static final class RemoteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteFailure(Throwable original) {
      super(original.getClass().getName() + ": " + original.getMessage());
      setStackTrace(original.getStackTrace());
    }
  }
}
