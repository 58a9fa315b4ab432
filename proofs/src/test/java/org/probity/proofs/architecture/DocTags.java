package org.probity.proofs.architecture;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the public methods and constructors of a Java source file whose Javadoc lacks an
 * {@code @param} for one of its parameters or an {@code @return} for a non-void result (or has no
 * Javadoc at all). Methods marked {@code @Override} or documented with {inheritDoc} inherit their
 * documentation and are not checked. A small, tolerant scanner of the source text: comments,
 * strings and text blocks are blanked, method bodies and field initialisers are skipped, and only
 * members of public types (and of interfaces, whose members are public) count.
 */
final class DocTags {
  private DocTags() {}

  /** One public method or constructor as declared in the source. */
  record Member(String type, String name, List<String> params, boolean returnsValue, String doc, boolean inherits) {}

  private static final Pattern ANNOTATION = Pattern.compile("@(?!interface\\b)[\\w.]+(\\s*\\((?:[^()]|\\([^()]*\\))*\\))?");
  private static final Pattern TYPE_KEYWORD = Pattern.compile("(^|\\s)(class|interface|record|enum|@interface)\\s+(\\w+)");
  private static final char JAVADOC = '\u0001';

  /** The problems of one file, each as {@code path: Type.method(params): missing ...}. */
  static List<String> problems(String path, String text) {
    List<String> out = new ArrayList<>();
    for (Member m : members(text)) {
      if (m.inherits()) {
        continue;
      }
      String where = path + ": " + m.type() + "." + m.name() + "(" + String.join(", ", m.params()) + ")";
      if (m.doc() == null) {
        out.add(where + ": no Javadoc");
        continue;
      }
      for (String p : m.params()) {
        if (!Pattern.compile("@param\\s+" + Pattern.quote(p) + "\\b").matcher(m.doc()).find()) {
          out.add(where + ": no @param " + p);
        }
      }
      if (m.returnsValue() && !m.doc().contains("@return")) {
        out.add(where + ": no @return");
      }
    }
    return out;
  }

  /** The public methods and constructors declared in the text, in order. */
  static List<Member> members(String text) {
    List<String> docs = new ArrayList<>();
    String code = skeleton(text, docs);
    List<Member> out = new ArrayList<>();
    // A context per open brace: a type body (with its name, whether its members are visible and
    // whether it is an interface) or code (null), whose contents are skipped.
    Deque<TypeBody> stack = new ArrayDeque<>();
    int start = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c != '{' && c != '}' && c != ';') {
        continue;
      }
      String header = code.substring(start, i);
      start = i + 1;
      boolean inCode = stack.stream().anyMatch(t -> t == CODE);
      TypeBody here = stack.peek();
      if (c == '}') {
        if (!stack.isEmpty()) {
          stack.pop();
        }
        continue;
      }
      if (inCode) {
        if (c == '{') {
          stack.push(CODE);
        }
        continue;
      }
      String doc = null;
      int mark = header.lastIndexOf(JAVADOC);
      if (mark >= 0) {
        int end = header.indexOf(JAVADOC, mark + 1);
        doc = docs.get(Integer.parseInt(header.substring(mark + 1, header.indexOf('\u0002', mark))));
        header = header.substring(header.indexOf('\u0002', mark) + 1);
        if (end >= 0) {
          throw new IllegalStateException("unbalanced doc marker");
        }
      }
      header = header.replaceAll("\u0001\\d+\u0002", " ");
      boolean inherits = header.contains("@Override") || (doc != null && doc.contains("{@inheritDoc}"));
      String plain = ANNOTATION.matcher(header).replaceAll(" ").replaceAll("\\s+", " ").trim();
      Matcher tm = TYPE_KEYWORD.matcher(plain);
      int paren = plain.indexOf('(');
      if (tm.find() && (paren < 0 || tm.start() < paren)) {
        if (c == '{') {
          boolean visible = here == null ? plain.matches("(.*\\s)?public\\s.*") :
              here.visible() && (here.isInterface() || plain.matches("(.*\\s)?public\\s.*"));
          stack.push(new TypeBody(tm.group(3), visible, tm.group(2).contains("interface"), tm.group(2).equals("enum")));
        }
        continue;
      }
      if (here != null && here.isEnum() && !here.constantsSeen()) {
        // The enum constants come first, up to the first ';' (or the closing brace).
        stack.pop();
        stack.push(new TypeBody(here.name(), here.visible(), false, true, c == ';'));
        if (c == '{') {
          stack.push(CODE); // a constant with a body
        }
        continue;
      }
      if (here != null && paren > 0 && !plain.substring(0, paren).contains("=")) {
        String before = plain.substring(0, paren).trim();
        String[] words = before.split("\\s+");
        String name = words[words.length - 1];
        boolean isPublic = before.matches("(.*\\s)?public(\\s.*)?") || here.isInterface() && !before.matches("(.*\\s)?private(\\s.*)?");
        if (here.visible() && isPublic && name.matches("\\w+")) {
          boolean constructor = name.equals(here.name());
          String ret = words.length >= 2 ? words[words.length - 2] : "";
          int close = matching(plain, paren);
          List<String> params = params(plain.substring(paren + 1, close));
          out.add(new Member(here.name(), name, params, !constructor && !ret.equals("void"), doc, inherits));
        }
      }
      if (c == '{') {
        stack.push(CODE);
      }
    }
    return out;
  }

  private record TypeBody(String name, boolean visible, boolean isInterface, boolean isEnum, boolean constantsSeen) {
    TypeBody(String name, boolean visible, boolean isInterface, boolean isEnum) {
      this(name, visible, isInterface, isEnum, false);
    }
  }

  private static final TypeBody CODE = new TypeBody("", false, false, false, true);

  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '(') {
        depth++;
      } else if (s.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced parentheses in " + s);
  }

  /** The parameter names of a parameter list's text. */
  static List<String> params(String list) {
    List<String> out = new ArrayList<>();
    if (list.isBlank()) {
      return out;
    }
    int depth = 0;
    int from = 0;
    for (int i = 0; i <= list.length(); i++) {
      char c = i < list.length() ? list.charAt(i) : ',';
      if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String[] words = list.substring(from, i).trim().split("[\\s.\\]]+");
        out.add(words[words.length - 1]);
        from = i + 1;
      }
    }
    return out;
  }

  /**
   * The text with non-Javadoc comments, string and char literals and text blocks blanked; each
   * Javadoc comment becomes a marker {@code \u0001<index>\u0002} and its text is added to docs
   * (with {@code docs} null, Javadoc is blanked like any comment).
   */
  static String skeleton(String s, List<String> docs) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        if (docs != null && s.startsWith("/**", i) && !s.startsWith("/**/", i)) {
          out.append(' ').append(JAVADOC).append(docs.size()).append('\u0002').append(' ');
          docs.add(s.substring(i, stop));
        } else {
          out.append(' ');
        }
        i = stop;
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
