package org.probity.ad;

import java.util.Arrays;

/**
 * A reverse-mode automatic-differentiation tape (Wengert list): each node records its value's
 * local partial derivatives with respect to earlier nodes, and {@link #gradient} sweeps the list
 * backwards accumulating adjoints.
 *
 * <p>A tape belongs to one gradient computation and one thread; {@link Grad#grad} makes a fresh
 * one per call. Nodes are stored in flat arrays (parent indices and partials), so a vectorised
 * operation with ten thousand inputs is one node with ten thousand parents, not a deep chain.
 * Matrix operations whose Jacobian is too large to store (a Cholesky factor, a triangular solve)
 * are recorded as a {@link BlockNode}: several outputs and a hand-written vector–Jacobian product.
 */
public final class Tape {
  int size;
  int[] start = new int[64];       // start[i] .. start[i+1] index into parents/partials
  int[] parents = new int[128];
  double[] partials = new double[128];
  private int edges;
  // Block nodes (BlockNode): outputs first .. first+count-1, no edges; their adjoint runs when the
  // backward sweep reaches the first output, after every later node has been swept.
  private int blocks;
  private int[] blockFirst = new int[0];
  private int[] blockCount = new int[0];
  private int[][] blockInputs = new int[0][];
  private double[] scratch = new double[0]; // the adjoint buffer of adjoints(), reused
  private BlockNode.Adjoint[] blockAdjoints = new BlockNode.Adjoint[0];
  // A replayable program (record()): per node its operation, operands and value; guards on values.
  boolean program;             // recording now: every node gets an operation code
  private boolean replayable;  // no node so far lacks an operation code, and no value was read
  private int programSize;     // the number of nodes when the recording ended
  byte[] ops = new byte[0];
  int[] args = new int[0];        // 3 per node: operand node, or -1 for a constant
  double[] consts = new double[0]; // 4 per node: the constant operands, then an auxiliary constant
  double[] values = new double[0];
  int guards;
  int[] guardNode = new int[0];
  java.util.function.DoublePredicate[] guardTest = new java.util.function.DoublePredicate[0];
  boolean[] guardOutcome = new boolean[0];
  private final double[] out = new double[4];

  /** How many {@link #recording} scopes are open on each thread. */
  private static final ThreadLocal<int[]> RECORDING = ThreadLocal.withInitial(() -> new int[1]);

  private final Thread owner = Thread.currentThread();

  /**
   * Runs {@code work} as differentiated work on this thread: while it runs, {@link #recording()}
   * is true, and interpreters that could run independent parts in parallel (the Sampler) run them
   * in sequence instead, since a tape is single-threaded. This is how automatic differentiation
   * and Probity's parallelism meet: independent parts are evaluated sequentially when a tape is
   * active (rather than one tape per thread merged afterwards).
   */
  public static <T> T recording(java.util.function.Supplier<T> work) {
    int[] depth = RECORDING.get();
    depth[0]++;
    try {
      return work.get();
    } finally {
      depth[0]--;
    }
  }

  /** Whether differentiated work is running on this thread ({@link #recording}). */
  public static boolean recording() {
    return RECORDING.get()[0] > 0;
  }

  /** Creates an empty tape, confined to the calling thread. */
  public Tape() {
    start[0] = 0;
  }

  /** Number of nodes recorded so far. */
  public int size() {
    return size;
  }

  /** Creates an independent variable (a leaf) with the given value. */
  public Real variable(double value) {
    int id = push0();
    if (program) {
      recordOp(id, Ops.LEAF, -1, 0, -1, 0, -1, 0, 0, value);
    }
    return new Real(value, this, id);
  }

  private int push0() {
    ensureNodes();
    int id = size++;
    start[size] = edges;
    return id;
  }

  private void ensureNodes() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("a tape records on the thread that made it (" + owner.getName() + "), not on "
          + Thread.currentThread().getName() + ": evaluate differentiated work in sequence (see Tape.recording)");
    }
    if (size + 2 >= start.length) {
      start = Arrays.copyOf(start, start.length * 2);
    }
  }

  private void ensureEdges(int extra) {
    if (edges + extra > parents.length) {
      int cap = Math.max(parents.length * 2, edges + extra);
      parents = Arrays.copyOf(parents, cap);
      partials = Arrays.copyOf(partials, cap);
    }
  }

  int push1(int p, double d) {
    if (program) {
      replayable = false;
    }
    return push1Op(p, d);
  }

  // push1 for an operation that records its code (Real's operations): no loss of replayability
  int push1Op(int p, double d) {
    ensureNodes();
    ensureEdges(1);
    parents[edges] = p;
    partials[edges++] = d;
    int id = size++;
    start[size] = edges;
    return id;
  }

  int push2(int p, double dp, int q, double dq) {
    if (program) {
      replayable = false;
    }
    return push2Op(p, dp, q, dq);
  }

  int push2Op(int p, double dp, int q, double dq) {
    ensureNodes();
    ensureEdges(2);
    parents[edges] = p;
    partials[edges++] = dp;
    parents[edges] = q;
    partials[edges++] = dq;
    int id = size++;
    start[size] = edges;
    return id;
  }

  /** Records a node with many parents; the arrays are copied. Parents of index -1 are skipped. */
  int pushN(int[] ps, double[] ds, int n) {
    if (program) {
      replayable = false;
    }
    return pushNOp(ps, ds, n);
  }

  int pushNOp(int[] ps, double[] ds, int n) {
    ensureNodes();
    ensureEdges(n);
    for (int i = 0; i < n; i++) {
      if (ps[i] >= 0) {
        parents[edges] = ps[i];
        partials[edges++] = ds[i];
      }
    }
    int id = size++;
    start[size] = edges;
    return id;
  }

  /**
   * Records a block of {@code count} output nodes whose inputs are the nodes {@code inputs} (-1
   * for a constant input) and whose vector–Jacobian product is {@code adjoint}; returns the index
   * of the first output (the outputs are consecutive).
   */
  int pushBlock(int[] inputs, int count, BlockNode.Adjoint adjoint) {
    if (program) {
      replayable = false;
    }
    int first = size;
    for (int k = 0; k < count; k++) {
      push0();
    }
    if (blocks == blockFirst.length) {
      int cap = Math.max(8, 2 * blocks);
      blockFirst = Arrays.copyOf(blockFirst, cap);
      blockCount = Arrays.copyOf(blockCount, cap);
      blockInputs = Arrays.copyOf(blockInputs, cap);
      blockAdjoints = Arrays.copyOf(blockAdjoints, cap);
    }
    blockFirst[blocks] = first;
    blockCount[blocks] = count;
    blockInputs[blocks] = inputs;
    blockAdjoints[blocks] = adjoint;
    blocks++;
    return first;
  }

  /**
   * Adjoints of every node with respect to the output node: entry {@code i} is
   * d output / d node i. A constant output has zero adjoints everywhere.
   *
   * @throws IllegalStateException if the output is a node of another tape
   */
  public double[] gradient(Real output) {
    return sweep(output, new double[size]);
  }

  /**
   * As {@link #gradient(Real)}, writing into a buffer the tape keeps and reuses (grown when the
   * tape grows): the allocation-free form for a caller that evaluates the same computation many
   * times on a {@link #reset} tape. The returned array is valid until the next call; entries past
   * {@link #size()} are meaningless.
   */
  public double[] adjoints(Real output) {
    if (scratch.length < size) {
      scratch = new double[Math.max(size, 2 * scratch.length)];
    } else {
      Arrays.fill(scratch, 0, size, 0.0);
    }
    return sweep(output, scratch);
  }

  /**
   * Empties the tape for the next evaluation, keeping its arrays (so evaluating the same function
   * again allocates no new tape storage). Nodes recorded before the reset must not be used after
   * it: their indices now name other nodes.
   */
  public void reset() {
    program = false;
    replayable = false;
    if (guards > 0) {
      Arrays.fill(guardTest, 0, guards, null);
      guards = 0;
    }
    size = 0;
    edges = 0;
    start[0] = 0;
    if (blocks > 0) {
      Arrays.fill(blockAdjoints, 0, blocks, null);
      Arrays.fill(blockInputs, 0, blocks, null);
      blocks = 0;
    }
  }

  /**
   * Resets the tape and starts recording a replayable program: from now on every node records its
   * operation and operands, and every comparison made through {@link Real#test} records its outcome
   * as a guard, until {@link #endRecording}. The recording stays replayable as long as every node is
   * an operation {@link Ops} knows (vectorised and block nodes are not) and no code reads a value
   * of this tape's nodes by {@link Real#value()} (a read could decide the program's control flow,
   * which a replay would not see).
   */
  public void record() {
    reset();
    program = true;
    replayable = true;
  }

  /**
   * Ends a recording started by {@link #record}.
   *
   * @return whether the recorded nodes form a replayable program
   */
  public boolean endRecording() {
    boolean r = program && replayable;
    program = false;
    replayable = r;
    programSize = size;
    return r;
  }

  /** Whether this tape holds a replayable program ({@link #record}, {@link #endRecording}). */
  public boolean replayable() {
    return replayable && !program && size == programSize;
  }

  /**
   * Re-evaluates the recorded program with new values of the given leaves (every other leaf keeps
   * its recorded value), in recording order, rewriting every node's value and partials; then checks
   * every guard. The nodes' {@link Real} objects keep their recorded values: read the new ones with
   * {@link #value(Real)}, the adjoints with {@link #adjoints}.
   *
   * @param leaves the leaves' node indices
   * @param leafValues their new values
   * @return true if every guard has the outcome it had when recorded (the replay then equals a
   *     re-run of the recorded computation); false if one differs (the replay is then meaningless)
   * @throws IllegalStateException if the tape holds no replayable program
   */
  public boolean replay(int[] leaves, double[] leafValues) {
    if (!replayable()) {
      throw new IllegalStateException("the tape holds no replayable program (see Tape.record)");
    }
    for (int k = 0; k < leaves.length; k++) {
      values[leaves[k]] = leafValues[k];
    }
    double[] o = out;
    for (int i = 0; i < size; i++) {
      byte op = ops[i];
      if (op == Ops.LEAF) {
        continue;
      }
      if (op == Ops.SUM) {
        double sum = 0;
        for (int e = start[i]; e < start[i + 1]; e++) {
          sum += values[parents[e]];
        }
        values[i] = sum;
        continue;
      }
      int j = 3 * i;
      int ia = args[j];
      int ib = args[j + 1];
      int ic = args[j + 2];
      int m = 4 * i;
      double a = ia >= 0 ? values[ia] : consts[m];
      double b = ib >= 0 ? values[ib] : consts[m + 1];
      double c = ic >= 0 ? values[ic] : consts[m + 2];
      double aux = consts[m + 3];
      if (ic >= 0 && (op == Ops.NORMAL_LPDF || op == Ops.CAUCHY_LPDF)) {
        aux = Math.log(c);
      }
      Ops.forward(op, a, b, c, aux, o);
      values[i] = o[0];
      int e = start[i];
      if (ia >= 0) {
        partials[e++] = o[1];
      }
      if (ib >= 0) {
        partials[e++] = o[2];
      }
      if (ic >= 0) {
        partials[e] = o[3];
      }
    }
    for (int g = 0; g < guards; g++) {
      if (guardTest[g].test(values[guardNode[g]]) != guardOutcome[g]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compiles the recorded program to straight-line code ({@link CompiledGradient}) computing
   * {@code output} and its gradient with respect to {@code leaves}: what {@link #replay} and
   * {@link #adjoints} compute, bit for bit, without the per-node dispatch.
   *
   * @param leaves the moved leaves' node indices (the other leaves keep their recorded values)
   * @param output the node whose value and gradient are wanted
   * @return the compiled program, or null if this program cannot be compiled (too large for the
   *     JIT to compile, or with an operation that has no compiled form); replay it then
   * @throws IllegalStateException if the tape holds no replayable program
   */
  public CompiledGradient compile(int[] leaves, Real output) {
    if (!replayable()) {
      throw new IllegalStateException("the tape holds no replayable program (see Tape.record)");
    }
    if (output.tape() != this || blocks > 0) {
      return null;
    }
    return TapeCompiler.compile(this, leaves.clone(), output.index());
  }

  /** The current value of a node of this tape: after a {@link #replay}, its replayed value. */
  public double value(Real x) {
    if (x.tape() != this) {
      throw new IllegalStateException("value of a node of another tape");
    }
    return replayable() ? values[x.index()] : x.untrackedValue();
  }

  // Called by Real.value() on a recording tape (a read value may decide control flow), and for a
  // node whose operation cannot be replayed.
  void valueRead() {
    replayable = false;
  }

  /** Records node {@code id}'s operation: operands as node indices (-1: the constant given). */
  void recordOp(int id, byte op, int a, double ca, int b, double cb, int c, double cc, double aux, double v) {
    if (id >= ops.length) {
      int cap = Math.max(64, Math.max(id + 1, 2 * ops.length));
      ops = Arrays.copyOf(ops, cap);
      args = Arrays.copyOf(args, 3 * cap);
      consts = Arrays.copyOf(consts, 4 * cap);
      values = Arrays.copyOf(values, cap);
    }
    ops[id] = op;
    int j = 3 * id;
    args[j] = a;
    args[j + 1] = b;
    args[j + 2] = c;
    int m = 4 * id;
    consts[m] = ca;
    consts[m + 1] = cb;
    consts[m + 2] = cc;
    consts[m + 3] = aux;
    values[id] = v;
  }

  /** Records a guard: the outcome of {@code test} on node {@code node}'s value. */
  void guard(int node, java.util.function.DoublePredicate test, boolean outcome) {
    if (guards == guardNode.length) {
      int cap = Math.max(16, 2 * guards);
      guardNode = Arrays.copyOf(guardNode, cap);
      guardTest = Arrays.copyOf(guardTest, cap);
      guardOutcome = Arrays.copyOf(guardOutcome, cap);
    }
    guardNode[guards] = node;
    guardTest[guards] = test;
    guardOutcome[guards] = outcome;
    guards++;
  }

  private double[] sweep(Real output, double[] adj) {
    if (output.tape() == null) {
      return adj;
    }
    if (output.tape() != this) {
      throw new IllegalStateException("the output is a node of another tape (nested or mixed gradients are not supported)");
    }
    adj[output.index()] = 1.0;
    if (blocks == 0) {
      for (int i = output.index(); i >= 0; i--) {
        double a = adj[i];
        if (a == 0.0) {
          continue;
        }
        for (int e = start[i]; e < start[i + 1]; e++) {
          adj[parents[e]] += a * partials[e];
        }
      }
      return adj;
    }
    int b = blocks - 1;
    while (b >= 0 && blockFirst[b] > output.index()) {
      b--;
    }
    for (int i = output.index(); i >= 0; i--) {
      double a = adj[i];
      if (a != 0.0) {
        for (int e = start[i]; e < start[i + 1]; e++) {
          adj[parents[e]] += a * partials[e];
        }
      }
      if (b >= 0 && i == blockFirst[b]) {
        sweepBlock(b, adj);
        b--;
      }
    }
    return adj;
  }

  // Runs block b's adjoint: its outputs' adjoints are final here (every later node has been swept).
  private void sweepBlock(int b, double[] adj) {
    int first = blockFirst[b];
    int count = blockCount[b];
    boolean any = false;
    for (int k = 0; k < count && !any; k++) {
      any = adj[first + k] != 0.0;
    }
    if (!any) {
      return;
    }
    int[] in = blockInputs[b];
    double[] outAdj = Arrays.copyOfRange(adj, first, first + count);
    double[] inAdj = new double[in.length];
    blockAdjoints[b].backward(outAdj, inAdj);
    for (int k = 0; k < in.length; k++) {
      if (in[k] >= 0) {
        adj[in[k]] += inAdj[k];
      }
    }
  }

  /**
   * The gradient of {@code output} with respect to the given nodes of this tape (constants in
   * {@code wrt} get 0).
   *
   * @throws IllegalStateException if an entry of {@code wrt} or the output belongs to another tape
   */
  public double[] gradient(Real output, Real[] wrt) {
    double[] adj = gradient(output);
    double[] g = new double[wrt.length];
    for (int i = 0; i < wrt.length; i++) {
      Real x = wrt[i];
      if (x.tape() == null) {
        continue;
      }
      if (x.tape() != this) {
        throw new IllegalStateException("gradient with respect to a node of another tape");
      }
      g[i] = adj[x.index()];
    }
    return g;
  }

  /** Creates a fresh variable for each entry of {@code values}. */
  public Real[] variables(double[] values) {
    Real[] xs = new Real[values.length];
    for (int i = 0; i < values.length; i++) {
      xs[i] = variable(values[i]);
    }
    return xs;
  }
}
