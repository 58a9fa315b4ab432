package org.probity.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The registry of runnable examples, found by scanning this package (in a jar or a class
 * directory) for classes annotated with {@link Example}. The {@code ./probity} launcher calls
 * {@code main("index")} once per build and caches its tab-separated output.
 */
public final class Examples {
  private static final String PACKAGE = Examples.class.getPackageName();

  private Examples() {
  }

  /** One example: its short name, its class and its one-line description. */
  public record Entry(String name, Class<?> type, String description) {
    /** The tab-separated line the launcher caches: name, class name, description. */
    public String indexLine() {
      return name + "\t" + type.getName() + "\t" + description;
    }
  }

  /** All examples, sorted by name; fails if two share a name or one lacks {@code main}. */
  public static List<Entry> all() {
    List<Entry> out = new ArrayList<>();
    for (String className : classNames()) {
      Class<?> c;
      try {
        c = Class.forName(className, false, Examples.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot load " + className, e);
      }
      Example ex = c.getAnnotation(Example.class);
      if (ex == null) {
        continue;
      }
      if (!hasMain(c)) {
        throw new IllegalStateException(c.getName() + " is an @Example but has no public static void main(String[])");
      }
      out.add(new Entry(ex.name(), c, ex.description()));
    }
    out.sort(Comparator.comparing(Entry::name));
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).name().equals(out.get(i - 1).name())) {
        throw new IllegalStateException("two examples are named '" + out.get(i).name() + "': "
            + out.get(i - 1).type().getName() + " and " + out.get(i).type().getName());
      }
    }
    return out;
  }

  /** The example with this short name or simple class name (case-insensitive). */
  public static Optional<Entry> find(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(n) || e.type().getSimpleName().toLowerCase(Locale.ROOT).equals(n))
        .findFirst();
  }

  /**
   * {@code index}: tab-separated lines for the launcher; {@code list}: aligned name and
   * description; {@code run <example> [args]}: runs an example, printing a bad command line's
   * reason and the usage (exit status 2) instead of a stack trace.
   *
   * @param args the command
   */
  public static void main(String[] args) {
    String cmd = args.length == 0 ? "list" : args[0];
    switch (cmd) {
      case "index" -> all().forEach(e -> System.out.println(e.indexLine()));
      case "list" -> all().forEach(e -> System.out.printf("%-12s %s%n", e.name(), e.description()));
      case "run" -> {
        int status = run(Arrays.copyOfRange(args, 1, args.length), System.err);
        if (status != 0) {
          System.exit(status);
        }
      }
      default -> {
        System.err.println("usage: Examples [list|index|run <example> [args]]");
        System.exit(2);
      }
    }
  }

  /**
   * Runs an example's {@code main} by short name, simple or full class name.
   *
   * @param args the example, then its arguments
   * @param err where a usage error is reported
   * @return 0, or 2 for an unknown example or a command line the example rejects
   */
  static int run(String[] args, PrintStream err) {
    if (args.length == 0) {
      err.println("usage: ./probity run <example> [args]");
      return 2;
    }
    Optional<Entry> entry = find(args[0]);
    if (entry.isEmpty()) {
      entry = all().stream().filter(e -> e.type().getName().equals(args[0])).findFirst();
    }
    if (entry.isEmpty()) {
      err.println("probity: no example named '" + args[0] + "'");
      return 2;
    }
    try {
      entry.get().type().getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
      return 0;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Args.UsageException u) {
        err.println("probity run " + u.getMessage());
        err.print(u.usage());
        return 2;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run " + entry.get().type().getName(), e);
    }
  }

  private static boolean hasMain(Class<?> c) {
    try {
      Method m = c.getMethod("main", String[].class);
      return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == void.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Top-level class names in this package, from the jar or directory this class was loaded from. */
  private static List<String> classNames() {
    Path location;
    try {
      location = Path.of(Examples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the examples on the class path", e);
    }
    String dir = PACKAGE.replace('.', '/') + "/";
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        Path pkg = location.resolve(dir);
        try (Stream<Path> files = Files.list(pkg)) {
          files.map(p -> p.getFileName().toString()).forEach(f -> addClass(names, f));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String e = entries.nextElement().getName();
            if (e.startsWith(dir) && e.indexOf('/', dir.length()) < 0) {
              addClass(names, e.substring(dir.length()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + location + " for examples", e);
    }
    names.sort(null);
    return names;
  }

  private static void addClass(List<String> names, String file) {
    if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
      names.add(PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
    }
  }
}
