package org.probity.proofs.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strongly connected components of a directed graph (Tarjan, "Depth-first search and linear graph
 * algorithms", SIAM J. Computing 1972); a component with more than one vertex, or a vertex with a
 * self-loop, is a dependency cycle.
 */
final class Tarjan {
  private final Map<String, ? extends Set<String>> graph;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new TreeSet<>();
  private final List<Set<String>> components = new ArrayList<>();
  private int next;

  private Tarjan(Map<String, ? extends Set<String>> graph) {
    this.graph = graph;
  }

  /** The cycles: components with more than one vertex or a self-loop, each sorted. */
  static List<Set<String>> cycles(Map<String, ? extends Set<String>> graph) {
    Tarjan t = new Tarjan(graph);
    for (String v : new TreeSet<>(graph.keySet())) {
      if (!t.index.containsKey(v)) {
        t.connect(v);
      }
    }
    List<Set<String>> out = new ArrayList<>();
    for (Set<String> c : t.components) {
      String v = c.iterator().next();
      if (c.size() > 1 || t.successors(v).contains(v)) {
        out.add(c);
      }
    }
    return out;
  }

  private Set<String> successors(String v) {
    Set<String> s = graph.get(v);
    return s == null ? Set.of() : s;
  }

  // Recursive: package graphs are small (tens of vertices).
  private void connect(String v) {
    index.put(v, next);
    low.put(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (String w : new TreeSet<>(successors(v))) {
      if (!index.containsKey(w)) {
        connect(w);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> c = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        c.add(w);
      } while (!w.equals(v));
      components.add(c);
    }
  }
}
