package org.probity.examples;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a runnable example: a class in {@code org.probity.examples} with a {@code main} method.
 * {@link Examples} discovers annotated classes on the class path, so {@code ./probity list} shows a
 * new example and {@code ./probity run <name>} runs it without any registry to edit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Example {
  /** The short name used by {@code ./probity run <name>}: lower case, no spaces, unique. */
  String name();

  /** One line saying what the example models and how it is inferred. */
  String description();
}
