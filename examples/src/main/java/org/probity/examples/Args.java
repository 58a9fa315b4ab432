package org.probity.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The command-line arguments of an example: optional positional numbers with defaults, and
 * {@code -h}/{@code --help}. A bad value is a {@link UsageException} saying which argument and
 * what was expected, which {@code Examples run} (the launcher's entry point) prints with the usage
 * instead of a stack trace.
 *
 * <pre>{@code
 * Args a = Args.of("coin", args, "samples: importance samples (default 20000)");
 * if (a.help()) {
 *   return;
 * }
 * int n = a.positiveInt(0, 20_000);
 * }</pre>
 */
public final class Args {

  /** A command line the example cannot use; the message says why. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String usage;

    UsageException(String message, String usage) {
      super(message);
      this.usage = usage;
    }

    /**
     * The example's usage text.
     *
     * @return the usage, several lines
     */
    public String usage() {
      return usage;
    }
  }

  private final String example;
  private final List<String> args;
  private final List<String> params;

  private Args(String example, List<String> args, List<String> params) {
    this.example = example;
    this.args = args;
    this.params = params;
  }

  /**
   * Reads the arguments of an example.
   *
   * @param example the example's short name, as {@code ./probity run} takes it
   * @param args the command line
   * @param params one description per positional argument, {@code "name: what (default ...)"}
   * @return the arguments
   * @throws UsageException for more arguments than parameters (unless help is asked for)
   */
  public static Args of(String example, String[] args, String... params) {
    Args a = new Args(example, List.of(args), List.of(params));
    if (!a.wantsHelp() && args.length > params.length) {
      throw new UsageException(example + " takes at most " + params.length + " argument"
          + (params.length == 1 ? "" : "s") + " but got " + args.length + ": "
          + String.join(" ", args), a.usage());
    }
    return a;
  }

  /**
   * If {@code -h} or {@code --help} was given, prints the usage on standard output.
   *
   * @return true if help was asked for (the example should then return)
   */
  public boolean help() {
    return help(System.out);
  }

  boolean help(PrintStream out) {
    if (wantsHelp()) {
      out.print(usage());
      return true;
    }
    return false;
  }

  private boolean wantsHelp() {
    return args.contains("-h") || args.contains("--help") || args.contains("-help");
  }

  /**
   * The usage text: the command line and one line per parameter.
   *
   * @return the text
   */
  public String usage() {
    StringBuilder sb = new StringBuilder("usage: ./probity run ").append(example);
    for (String p : params) {
      sb.append(" [").append(name(p)).append(']');
    }
    sb.append('\n');
    for (String p : params) {
      sb.append(String.format(Locale.ROOT, "  %-10s %s%n", name(p), p.substring(p.indexOf(':') + 1)
          .strip()));
    }
    return sb.toString();
  }

  /**
   * A positive int argument.
   *
   * @param position its position, from 0
   * @param defaultValue the value when it is not given
   * @return the value
   * @throws UsageException if it is not a positive integer
   */
  public int positiveInt(int position, int defaultValue) {
    if (position >= args.size()) {
      return defaultValue;
    }
    String text = args.get(position).replace("_", "");
    try {
      int v = Integer.parseInt(text);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(position, "a positive integer");
  }

  /**
   * A long argument (e.g. a seed).
   *
   * @param position its position, from 0
   * @param defaultValue the value when it is not given
   * @return the value
   * @throws UsageException if it is not an integer
   */
  public long longValue(int position, long defaultValue) {
    if (position >= args.size()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(args.get(position).replace("_", ""));
    } catch (NumberFormatException e) {
      throw bad(position, "an integer");
    }
  }

  /**
   * One of a few words.
   *
   * @param position its position, from 0
   * @param defaultValue the value when it is not given
   * @param options the words allowed
   * @return the word given, or the default
   * @throws UsageException if it is not one of the options
   */
  public String choice(int position, String defaultValue, String... options) {
    if (position >= args.size()) {
      return defaultValue;
    }
    if (List.of(options).contains(args.get(position))) {
      return args.get(position);
    }
    throw bad(position, "one of " + String.join(", ", options));
  }

  private UsageException bad(int position, String expected) {
    String param = position < params.size() ? name(params.get(position)) : "argument " + position;
    return new UsageException(example + ": " + param + " must be " + expected + ", got '"
        + args.get(position) + "'", usage());
  }

  private static String name(String param) {
    int colon = param.indexOf(':');
    return colon < 0 ? param : param.substring(0, colon).strip();
  }
}
