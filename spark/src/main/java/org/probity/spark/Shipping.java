package org.probity.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** The driver-side check that what a run ships to the executors can be serialised. */
final class Shipping {
  private Shipping() {
  }

  /**
   * Serialises {@code o} to nowhere; refuses it with a {@link ModelNotSerializableException} that
   * says what cannot travel and what to do instead.
   */
  static void requireSerializable(Object o, String role) {
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(o);
    } catch (NotSerializableException e) {
      throw new ModelNotSerializableException("the " + role + " (" + o.getClass().getName()
          + ") cannot travel to Spark executors: it holds a " + e.getMessage() + ", which is not serializable."
          + " A Prob is made of lambdas and never travels: ship a ModelFactory instead, a class with a"
          + " no-argument constructor or a record of the model's data, that builds the Prob in build() on the"
          + " executor; put large shared data in runner.share(...)", e);
    } catch (IOException e) {
      throw new ModelNotSerializableException("the " + role + " (" + o.getClass().getName()
          + ") cannot be serialised for Spark executors: " + e, e);
    }
  }
}
