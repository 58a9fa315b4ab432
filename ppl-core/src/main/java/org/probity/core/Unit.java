package org.probity.core;

/** The value of a program run only for its effects (an observation, a factor). */
public enum Unit {
  /** The one value. */
  UNIT;

  @Override
  public String toString() {
    return "()";
  }
}
