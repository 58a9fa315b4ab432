package org.probity.core;

/**
 * The program {@code body} run under the effect handler {@code messenger}: every sample,
 * observation and factor the body reaches (in independent parts too) passes through the handler,
 * which may change it, before the interpreter gives it its meaning. Handlers nest as Pyro's and
 * NumPyro's effect handlers do: the innermost sees an effect first. Write these with
 * {@code org.probity.handlers.Handlers} ({@code condition}, {@code substitute}, {@code scale},
 * {@code block}, ...).
 *
 * @param body the program
 * @param messenger the handler
 */
public record Handled<A>(Prob<A> body, Messenger messenger) implements Prob<A> {
  /** Validates the node. */
  public Handled {
    if (body == null || messenger == null) {
      throw new IllegalArgumentException("a handled program needs a body and a handler, got " + body + ", " + messenger);
    }
  }
}
