/**
 * A short unified diff for `--check`: enough lines to see what changed, not the whole file.
 * Lines are compared with Myers' O(ND) algorithm (E. Myers, "An O(ND) Difference Algorithm and
 * Its Variations", 1986) after trimming the common prefix and suffix; when more than MAX_EDITS
 * lines differ, the changed middle is shown as one replacement instead.
 */

type Op = { kind: " " | "-" | "+"; line: string };

const MAX_EDITS = 400;
const MAX_LINE = 160;

/** Myers' greedy forward search with the trace kept for backtracking; undefined past maxD edits. */
function myers(a: readonly string[], b: readonly string[], maxD: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!) ? v[k + 1 + offset]! : v[k - 1 + offset]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[k + offset] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset);
    }
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!) ? k + 1 : k - 1;
    const prevX = v[prevK + offset]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: " ", line: a[x]! });
    }
    if (d > 0 && x === prevX) ops.push({ kind: "+", line: b[--y]! });
    else if (d > 0) ops.push({ kind: "-", line: a[--x]! });
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}

/**
 * Up to `maxLines` lines of unified diff from `before` (on disk) to `after` (generated), hunk
 * headers included, then a line saying how many more changed lines there are.
 */
export function shortDiff(before: string, after: string, maxLines = 12, context = 2): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  // A final newline ends the last line; it does not start an empty one.
  if (a.at(-1) === "" && b.at(-1) === "") {
    a.pop();
    b.pop();
  }
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB, MAX_EDITS) ?? [...middleA.map((line) => ({ kind: "-" as const, line })), ...middleB.map((line) => ({ kind: "+" as const, line }))];
  const ops: Op[] = [
    ...a.slice(Math.max(0, start - context), start).map((line) => ({ kind: " " as const, line })),
    ...middle,
    ...a.slice(endA, endA + context).map((line) => ({ kind: " " as const, line })),
  ];
  const firstA = Math.max(0, start - context); // index in a (and b) of ops[0]

  // Hunks: runs of changes with up to `context` unchanged lines around them (RFC-less, as diff -u).
  const out: string[] = [];
  const changed = ops.filter((op) => op.kind !== " ").length;
  let shown = 0;
  let i = 0;
  let lineA = firstA;
  let lineB = firstA;
  while (i < ops.length && out.length < maxLines) {
    if (ops[i]!.kind === " ") {
      i++;
      lineA++;
      lineB++;
      continue;
    }
    // Extend the hunk while the next change is within 2 × context unchanged lines.
    const from = Math.max(0, i - context);
    let to = i;
    for (let j = i, gap = 0; j < ops.length; j++) {
      if (ops[j]!.kind === " ") {
        if (++gap > 2 * context) break;
      } else {
        gap = 0;
        to = j;
      }
    }
    const end = Math.min(ops.length, to + 1 + context);
    const hunk = ops.slice(from, end);
    const before = i - from;
    const countA = hunk.filter((op) => op.kind !== "+").length;
    const countB = hunk.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${lineA - before + 1},${countA} +${lineB - before + 1},${countB} @@`);
    for (const op of hunk) {
      if (out.length >= maxLines) break;
      out.push(`${op.kind}${clip(op.line)}`);
      if (op.kind !== " ") shown++;
    }
    for (let j = i; j < end; j++) {
      if (ops[j]!.kind !== "+") lineA++;
      if (ops[j]!.kind !== "-") lineB++;
    }
    i = end;
  }
  if (changed > shown) out.push(`… ${changed - shown} more changed line${changed - shown === 1 ? "" : "s"}`);
  return out;
}
