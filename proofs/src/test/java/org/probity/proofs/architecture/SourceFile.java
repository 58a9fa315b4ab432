package org.probity.proofs.architecture;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source file as the architecture rules see it: its module, its package and the Probity
 * packages it refers to (by import, static import or fully qualified name in code; comments and
 * string literals are ignored).
 */
record SourceFile(String module, String path, String pkg, Set<String> uses) {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  /** A qualified name starting org.probity: lower-case package segments, then a type (upper case) or '*'. */
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.probity((?:\\.[a-z_][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");

  /** Parses a file's text. */
  static SourceFile parse(String module, String path, String text) {
    String code = stripCommentsAndStrings(text);
    Matcher pm = PACKAGE.matcher(code);
    if (!pm.find()) {
      throw new IllegalArgumentException(path + ": no package declaration");
    }
    String pkg = pm.group(1);
    Set<String> uses = new TreeSet<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      String used = "org.probity" + m.group(1);
      if (!used.equals(pkg)) {
        uses.add(used);
      }
    }
    return new SourceFile(module, path, pkg, uses);
  }

  /** The text with comments, string and char literals and text blocks blanked out. */
  static String stripCommentsAndStrings(String s) {
    return DocTags.skeleton(s, null);
  }
}
