package org.probity.core;

/** Thrown when one run of a program uses the same address twice. */
public class DuplicateAddressException extends ProbityException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the repeated address. */
  public DuplicateAddressException(Address address) {
    super("address " + address + " is used twice in one run; addresses must be unique (use addr(name, index))");
  }
}
