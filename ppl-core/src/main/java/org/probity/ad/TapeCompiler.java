package org.probity.ad;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_DOUBLE;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.function.DoublePredicate;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a recorded tape program ({@link Tape#record}) to a hidden class implementing
 * {@link CompiledGradient}: one straight-line method per pass, each node's value, partials and
 * adjoint in JVM locals, the simple arithmetic inline and every other operation a call of its
 * {@link Ops} method (small enough for the JIT to inline). The operations, their operands and the
 * order in which adjoints are accumulated are exactly {@link Tape#replay}'s and the reverse sweep's
 * (including the sweep's skipping of nodes whose adjoint is exactly zero), so the results are the
 * same bit for bit.
 *
 * <p>The recording's constants (operands, data, nodes that do not depend on a moved leaf) are read
 * from an array of the instance, not written into the code, so that recordings of the same shape
 * share one generated class ({@code CACHE}).
 *
 * <p>Only what the result needs is emitted: nodes that do not depend on a moved leaf are constants
 * (their recorded values), nodes that neither the output nor a guard depends on are dropped, and
 * adjoints are propagated only into nodes that depend on a moved leaf. A program whose method would
 * exceed what HotSpot compiles ({@link #MAX_CODE_BYTES}) is not compiled; it stays replayed.
 */
final class TapeCompiler {
  /** The largest method HotSpot's JIT compiles by default (HugeMethodLimit, 8000 bytes), less a margin. */
  static final int MAX_CODE_BYTES = 7900;
  private static final String NAME = "org/probity/ad/CompiledTape";
  private static final String OPS = "org/probity/ad/Ops";
  private static final String PREDICATES = "[Ljava/util/function/DoublePredicate;";
  private static final int THIS = 0;
  private static final int LEAVES = 1;
  private static final int GRADIENT = 2;
  private static final int OUT = 3;
  private static final int CONSTANTS = 4;
  /**
   * Classes already generated, by the shape of their program. Constants live in an instance's array, so recordings
   * of the same shape (the chains of one model, a model refitted to other data of the same size)
   * share one class and the code the JIT made of it (and skip generating it). A hit is a class
   * generated from a program of the same shape, so the same code: results do not depend on the cache; it is bounded, and past the bound classes are defined
   * uncached.
   */
  private static final java.util.Map<Shape, java.lang.invoke.MethodHandle> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 256;

  private final Tape t;
  private final int[] leaves;
  private final int output;
  private final int n;
  private final int[] leafPosition; // node -> its position in leaves, or -1
  private final boolean[] dependent; // depends on a moved leaf
  private final boolean[] needed;    // the output or a guard depends on it
  private final boolean[] adjoint;   // gets an adjoint: an ancestor of the output that depends on a leaf
  private final int[] valueSlot;
  private final int[] partialSlot;   // 3 per node: the local holding the partial of operand k (helper operations)
  private final int[] adjointSlot;
  private int slots = CONSTANTS + 1;
  private final java.util.Map<Integer, Integer> constantIndex = new java.util.HashMap<>();
  private final java.util.List<Double> constantValues = new java.util.ArrayList<>();

  private TapeCompiler(Tape t, int[] leaves, int output) {
    this.t = t;
    this.leaves = leaves;
    this.output = output;
    this.n = t.size;
    leafPosition = new int[n];
    Arrays.fill(leafPosition, -1);
    for (int k = 0; k < leaves.length; k++) {
      leafPosition[leaves[k]] = k;
    }
    dependent = new boolean[n];
    needed = new boolean[n];
    adjoint = new boolean[n];
    valueSlot = new int[n];
    partialSlot = new int[3 * n];
    adjointSlot = new int[n];
  }

  /**
   * The compiled form of tape {@code t}'s replayable program, or null when it cannot be compiled
   * (too large for the JIT, an operation without a method, or an edge layout other than replay's).
   */
  static CompiledGradient compile(Tape t, int[] leaves, int output) {
    TapeCompiler c = new TapeCompiler(t, leaves, output);
    if (!c.analyse()) {
      return null;
    }
    DoublePredicate[] guards = Arrays.copyOf(t.guardTest, t.guards);
    Shape shape = new Shape(c.shape());
    java.lang.invoke.MethodHandle make = CACHE.get(shape);
    try {
      if (make == null) {
        byte[] bytes;
        try {
          bytes = c.emit();
        } catch (LimitExceededException | MethodTooLargeException | ClassTooLargeException tooLarge) {
          return null; // ASM's limits on a method's size and on the memory its frames may take
        }
        if (bytes == null) {
          return null;
        }
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
        make = hidden.findConstructor(hidden.lookupClass(),
            MethodType.methodType(void.class, DoublePredicate[].class, double[].class));
        if (CACHE.size() < CACHE_LIMIT) {
          java.lang.invoke.MethodHandle first = CACHE.putIfAbsent(shape, make);
          make = first != null ? first : make;
        }
      } else {
        MethodVisitor none = new MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
        };
        c.forward(none, false); // numbers the constants as emit() did, writing no code
        c.reverse(none);
      }
      double[] constants = c.constantValues.stream().mapToDouble(Double::doubleValue).toArray();
      return (CompiledGradient) make.invoke(guards, constants);
    } catch (Throwable e) {
      throw new IllegalStateException("compiling a tape program failed: " + e, e);
    }
  }

  /**
   * What the generated code depends on, other than the constants' values: every operation, its
   * operands' wiring, what is computed, propagated and written, the guards. Equal shapes give equal
   * bytes.
   */
  private int[] shape() {
    int guardCount = t.guards;
    int[] key = new int[3 + leaves.length + 6 * n + t.start[n] + 2 * guardCount];
    int j = 0;
    key[j++] = n;
    key[j++] = output;
    key[j++] = leaves.length;
    for (int leaf : leaves) {
      key[j++] = leaf;
    }
    for (int i = 0; i < n; i++) {
      key[j++] = t.ops[i];
      key[j++] = (dependent[i] ? 1 : 0) | (needed[i] ? 2 : 0) | (adjoint[i] ? 4 : 0);
      key[j++] = t.args[3 * i];
      key[j++] = t.args[3 * i + 1];
      key[j++] = t.args[3 * i + 2];
      key[j++] = t.start[i + 1];
    }
    for (int e = 0; e < t.start[n]; e++) {
      key[j++] = t.parents[e];
    }
    for (int g = 0; g < guardCount; g++) {
      key[j++] = t.guardNode[g];
      key[j++] = t.guardOutcome[g] ? 1 : 0;
    }
    return key;
  }

  /** A program's shape ({@link #shape}), compared by content. */
  private record Shape(int[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Shape s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }
  }

  // The operands of node i that are nodes, in edge order (SUM: its parents; others: a, b, c that are >= 0).
  private int operandCount(int i) {
    if (t.ops[i] == Ops.SUM) {
      return t.start[i + 1] - t.start[i];
    }
    int count = 0;
    for (int k = 0; k < 3; k++) {
      if (t.args[3 * i + k] >= 0) {
        count++;
      }
    }
    return count;
  }

  private boolean analyse() {
    if (output < 0 || output >= n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      byte op = t.ops[i];
      if (op == Ops.LEAF) {
        dependent[i] = leafPosition[i] >= 0;
        continue;
      }
      if (op != Ops.SUM && !inline(op) && Ops.method(op) == null) {
        return false;
      }
      if (operandCount(i) != t.start[i + 1] - t.start[i]) {
        return false;
      }
      int e = t.start[i];
      if (op == Ops.SUM) {
        for (; e < t.start[i + 1]; e++) {
          if (t.partials[e] != 1.0) {
            return false;
          }
          dependent[i] |= dependent[t.parents[e]];
        }
      } else {
        for (int k = 0; k < 3; k++) {
          int a = t.args[3 * i + k];
          if (a >= 0) {
            if (t.parents[e++] != a) {
              return false;
            }
            dependent[i] |= dependent[a];
          }
        }
      }
    }
    if (!dependent[output]) {
      return false;
    }
    needed[output] = true;
    for (int g = 0; g < t.guards; g++) {
      if (dependent[t.guardNode[g]]) {
        needed[t.guardNode[g]] = true;
      }
    }
    adjoint[output] = true;
    for (int i = n - 1; i >= 0; i--) {
      if (!dependent[i] || t.ops[i] == Ops.LEAF) {
        continue;
      }
      for (int e = t.start[i]; e < t.start[i + 1]; e++) {
        int p = t.parents[e];
        if (dependent[p]) {
          needed[p] |= needed[i];
          adjoint[p] |= adjoint[i];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (needed[i] && dependent[i]) {
        valueSlot[i] = take();
        if (adjoint[i] && !inline(t.ops[i]) && t.ops[i] != Ops.SUM && t.ops[i] != Ops.LEAF) {
          for (int k = 0; k < 3; k++) {
            int a = t.args[3 * i + k];
            if (a >= 0 && adjoint[a]) {
              partialSlot[3 * i + k] = take();
            }
          }
        }
      }
      if (adjoint[i]) {
        adjointSlot[i] = take();
      }
    }
    // At least a store per node computed and a load, multiply, add and store per adjoint edge:
    // a program that cannot fit is refused before any code is written.
    int lowerBound = 0;
    for (int i = 0; i < n; i++) {
      if (needed[i] && dependent[i]) {
        lowerBound += 2;
      }
      if (adjoint[i] && t.ops[i] != Ops.LEAF) {
        for (int e = t.start[i]; e < t.start[i + 1]; e++) {
          lowerBound += adjoint[t.parents[e]] ? 8 : 0;
        }
      }
    }
    return slots < 65000 && lowerBound <= MAX_CODE_BYTES;
  }

  private int take() {
    int s = slots;
    slots += 2;
    return s;
  }

  private static boolean inline(byte op) {
    return switch (op) {
      case Ops.PLUS, Ops.PLUS_C, Ops.MINUS, Ops.MINUS_C, Ops.RMINUS_C, Ops.TIMES, Ops.TIMES_C, Ops.DIV,
          Ops.DIV_C, Ops.NEGATE, Ops.SQUARE -> true;
      default -> false;
    };
  }

  private byte[] emit() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object",
        new String[] {"org/probity/ad/CompiledGradient"});
    cw.visitField(ACC_PRIVATE | ACC_FINAL, "guards", PREDICATES, null, null).visitEnd();
    cw.visitField(ACC_PRIVATE | ACC_FINAL, "out", "[D", null, null).visitEnd();
    cw.visitField(ACC_PRIVATE | ACC_FINAL, "constants", "[D", null, null).visitEnd();

    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + PREDICATES + "[D)V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, THIS);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(ALOAD, THIS);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, NAME, "guards", PREDICATES);
    init.visitVarInsn(ALOAD, THIS);
    init.visitVarInsn(ALOAD, 2);
    init.visitFieldInsn(PUTFIELD, NAME, "constants", "[D");
    init.visitVarInsn(ALOAD, THIS);
    init.visitLdcInsn(4);
    init.visitIntInsn(NEWARRAY, T_DOUBLE);
    init.visitFieldInsn(PUTFIELD, NAME, "out", "[D");
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor both = cw.visitMethod(ACC_PUBLIC, "valueAndGradient", "([D[D)D", null, null);
    both.visitCode();
    forward(both, false);
    reverse(both);
    Label end = new Label();
    both.visitLabel(end);
    both.visitVarInsn(DLOAD, valueSlot[output]);
    both.visitInsn(DRETURN);
    both.visitMaxs(0, 0);
    both.visitEnd();
    if (end.getOffset() > MAX_CODE_BYTES) {
      return null;
    }

    MethodVisitor value = cw.visitMethod(ACC_PUBLIC, "value", "([D)D", null, null);
    value.visitCode();
    forward(value, true);
    value.visitVarInsn(DLOAD, valueSlot[output]);
    value.visitInsn(DRETURN);
    value.visitMaxs(0, 0);
    value.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  // The forward pass and the guards (a guard with another outcome returns NaN); valueOnly: the
  // nodes' values without their partials (each operation's value method, Ops.valueMethod).
  private void forward(MethodVisitor mv, boolean valueOnly) {
    mv.visitVarInsn(ALOAD, THIS);
    mv.visitFieldInsn(GETFIELD, NAME, "out", "[D");
    mv.visitVarInsn(ASTORE, OUT);
    mv.visitVarInsn(ALOAD, THIS);
    mv.visitFieldInsn(GETFIELD, NAME, "constants", "[D");
    mv.visitVarInsn(ASTORE, CONSTANTS);
    for (int i = 0; i < n; i++) {
      if (!needed[i] || !dependent[i]) {
        continue;
      }
      byte op = t.ops[i];
      if (op == Ops.LEAF) {
        mv.visitVarInsn(ALOAD, LEAVES);
        mv.visitLdcInsn(leafPosition[i]);
        mv.visitInsn(DALOAD);
      } else if (op == Ops.SUM) {
        mv.visitInsn(DCONST_0);
        for (int e = t.start[i]; e < t.start[i + 1]; e++) {
          node(mv, t.parents[e]);
          mv.visitInsn(DADD);
        }
      } else if (inline(op)) {
        switch (op) {
          case Ops.PLUS, Ops.PLUS_C -> binary(mv, i, 0, 1, DADD);
          case Ops.MINUS, Ops.MINUS_C -> binary(mv, i, 0, 1, DSUB);
          case Ops.RMINUS_C -> binary(mv, i, 1, 0, DSUB);
          case Ops.TIMES, Ops.TIMES_C -> binary(mv, i, 0, 1, DMUL);
          case Ops.DIV, Ops.DIV_C -> binary(mv, i, 0, 1, DDIV);
          case Ops.NEGATE -> {
            operand(mv, i, 0);
            mv.visitInsn(DNEG);
          }
          case Ops.SQUARE -> binary(mv, i, 0, 0, DMUL);
          default -> throw new IllegalStateException("not inline: " + op);
        }
      } else {
        operand(mv, i, 0);
        operand(mv, i, 1);
        operand(mv, i, 2);
        if (t.args[3 * i + 2] >= 0 && (op == Ops.NORMAL_LPDF || op == Ops.CAUCHY_LPDF)) {
          operand(mv, i, 2); // the replay's aux: log of a variable scale
          mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "log", "(D)D", false);
        } else {
          constant(mv, 4 * i + 3, t.consts[4 * i + 3]);
        }
        if (valueOnly) {
          mv.visitMethodInsn(INVOKESTATIC, OPS, Ops.valueMethod(op), "(DDDD)D", false);
          mv.visitVarInsn(DSTORE, valueSlot[i]);
          continue;
        }
        mv.visitVarInsn(ALOAD, OUT);
        mv.visitMethodInsn(INVOKESTATIC, OPS, Ops.method(op), "(DDDD[D)V", false);
        for (int k = 0; k < 3; k++) {
          int a = t.args[3 * i + k];
          if (adjoint[i] && a >= 0 && adjoint[a]) {
            mv.visitVarInsn(ALOAD, OUT);
            mv.visitLdcInsn(k + 1);
            mv.visitInsn(DALOAD);
            mv.visitVarInsn(DSTORE, partialSlot[3 * i + k]);
          }
        }
        mv.visitVarInsn(ALOAD, OUT);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(DALOAD);
      }
      mv.visitVarInsn(DSTORE, valueSlot[i]);
    }
    for (int g = 0; g < t.guards; g++) {
      int node = t.guardNode[g];
      if (!dependent[node]) {
        continue; // a constant: its outcome cannot change
      }
      Label holds = new Label();
      mv.visitVarInsn(ALOAD, THIS);
      mv.visitFieldInsn(GETFIELD, NAME, "guards", PREDICATES);
      mv.visitLdcInsn(g);
      mv.visitInsn(AALOAD);
      mv.visitVarInsn(DLOAD, valueSlot[node]);
      mv.visitMethodInsn(INVOKEINTERFACE, "java/util/function/DoublePredicate", "test", "(D)Z", true);
      mv.visitJumpInsn(t.guardOutcome[g] ? IFNE : IFEQ, holds);
      mv.visitLdcInsn(Double.NaN);
      mv.visitInsn(DRETURN);
      mv.visitLabel(holds);
    }
  }

  // The reverse sweep, from the output down, then the leaves' adjoints into the gradient.
  private void reverse(MethodVisitor mv) {
    for (int i = 0; i <= output; i++) {
      if (adjoint[i]) {
        if (i == output) {
          mv.visitLdcInsn(1.0);
        } else {
          mv.visitInsn(DCONST_0);
        }
        mv.visitVarInsn(DSTORE, adjointSlot[i]);
      }
    }
    for (int i = output; i >= 0; i--) {
      byte op = t.ops[i];
      if (!adjoint[i] || op == Ops.LEAF) {
        continue;
      }
      Label skip = new Label();
      mv.visitVarInsn(DLOAD, adjointSlot[i]);
      mv.visitInsn(DCONST_0);
      mv.visitInsn(DCMPL);
      mv.visitJumpInsn(IFEQ, skip);
      if (op == Ops.SUM) {
        for (int e = t.start[i]; e < t.start[i + 1]; e++) {
          int p = t.parents[e];
          if (adjoint[p]) {
            accumulate(mv, i, p, -1);
          }
        }
      } else {
        for (int k = 0; k < 3; k++) {
          int p = t.args[3 * i + k];
          if (p < 0 || !adjoint[p]) {
            continue;
          }
          accumulate(mv, i, p, k);
        }
      }
      mv.visitLabel(skip);
    }
    for (int k = 0; k < leaves.length; k++) {
      mv.visitVarInsn(ALOAD, GRADIENT);
      mv.visitLdcInsn(k);
      if (adjoint[leaves[k]]) {
        mv.visitVarInsn(DLOAD, adjointSlot[leaves[k]]);
      } else {
        mv.visitInsn(DCONST_0);
      }
      mv.visitInsn(DASTORE);
    }
  }

  // adj[p] += adj[i] * partial (of operand k; k = -1: a sum's partial, 1), as the sweep does.
  private void accumulate(MethodVisitor mv, int i, int p, int k) {
    mv.visitVarInsn(DLOAD, adjointSlot[p]);
    mv.visitVarInsn(DLOAD, adjointSlot[i]);
    if (k < 0) {
      mv.visitLdcInsn(1.0);
    } else {
      partial(mv, i, k);
    }
    mv.visitInsn(DMUL);
    mv.visitInsn(DADD);
    mv.visitVarInsn(DSTORE, adjointSlot[p]);
  }

  // The partial of node i with respect to its operand k, by the formula Ops uses.
  private void partial(MethodVisitor mv, int i, int k) {
    byte op = t.ops[i];
    switch (op) {
      case Ops.PLUS, Ops.PLUS_C, Ops.MINUS_C -> mv.visitLdcInsn(1.0);
      case Ops.MINUS -> mv.visitLdcInsn(k == 0 ? 1.0 : -1.0);
      case Ops.RMINUS_C, Ops.NEGATE -> mv.visitLdcInsn(-1.0);
      case Ops.TIMES, Ops.TIMES_C -> operand(mv, i, 1 - k);
      case Ops.DIV, Ops.DIV_C -> {
        if (k == 0) { // 1 / b
          mv.visitLdcInsn(1.0);
          operand(mv, i, 1);
          mv.visitInsn(DDIV);
        } else { // -v / b
          mv.visitVarInsn(DLOAD, valueSlot[i]);
          mv.visitInsn(DNEG);
          operand(mv, i, 1);
          mv.visitInsn(DDIV);
        }
      }
      case Ops.SQUARE -> { // 2 a
        mv.visitLdcInsn(2.0);
        operand(mv, i, 0);
        mv.visitInsn(DMUL);
      }
      default -> mv.visitVarInsn(DLOAD, partialSlot[3 * i + k]);
    }
  }

  private void binary(MethodVisitor mv, int i, int first, int second, int insn) {
    operand(mv, i, first);
    operand(mv, i, second);
    mv.visitInsn(insn);
  }

  // Operand k of node i: a node's value, or the recorded constant.
  private void operand(MethodVisitor mv, int i, int k) {
    int a = t.args[3 * i + k];
    if (a < 0) {
      constant(mv, 4 * i + k, t.consts[4 * i + k]);
    } else {
      node(mv, a);
    }
  }

  private void node(MethodVisitor mv, int a) {
    if (dependent[a]) {
      mv.visitVarInsn(DLOAD, valueSlot[a]);
    } else {
      constant(mv, 4 * n + a, t.values[a]);
    }
  }

  // A constant of the recording (an operand, an auxiliary constant or a node that depends on no
  // moved leaf), read from the instance's constant array so that the class depends only on the
  // program's shape and is shared by recordings of the same shape (see CACHE). Key: its place in
  // the tape (4 per node for operands and auxiliaries, then one per node value).
  private void constant(MethodVisitor mv, int key, double value) {
    Integer at = constantIndex.get(key);
    if (at == null) {
      at = constantValues.size();
      constantIndex.put(key, at);
      constantValues.add(value);
    }
    mv.visitVarInsn(ALOAD, CONSTANTS);
    mv.visitLdcInsn(at);
    mv.visitInsn(DALOAD);
  }
}
