package org.probity.handlers;

import java.util.function.Predicate;
import org.probity.core.Address;
import org.probity.core.Messenger;

/**
 * Blocking (Pyro's {@code block}): the sites whose addresses satisfy {@code hidden} (anonymous
 * factors included when it accepts null) are hidden from the effect handlers applied outside this
 * one, which do not see them; the interpreter still gives them their meaning.
 *
 * @param description what is hidden, for messages
 * @param hidden which addresses are hidden (null for a factor or anonymous observation)
 */
public record Block(String description, Predicate<Address> hidden) implements Messenger {
  @Override
  public boolean hides(Address address) {
    return hidden.test(address);
  }

  @Override
  public String toString() {
    return "block(" + description + ")";
  }
}
