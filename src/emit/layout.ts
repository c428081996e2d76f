/**
 * A small line-fitting printer, so that generated code is written in its final form: the
 * subset of Prettier's document model (`group`, `indent`, `line`, `softline`, `ifBreak`) and
 * its fit-or-break rule, with the options of format.ts (printWidth 100, two-space indent).
 * A group is printed flat when it fits in what is left of the line, together with what
 * follows it up to the next possible line break; otherwise its lines break and its
 * sub-groups are fitted again, each on its own. Output is checked against Prettier itself
 * in test/emit/prettier-stable.test.ts.
 *
 * Leaves are `Code` (made by the encoders or `trusted`), so laying out never lets document
 * text in unencoded.
 */
import { trusted, type Code } from "./code.js";

export const PRINT_WIDTH = 100;

export type Doc = Code | readonly Doc[] | Group | Indent | Line | IfBreak | Fluid;
interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Printed broken whatever the width (Prettier's `shouldBreak`). */
  readonly shouldBreak: boolean;
}
interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
interface Line {
  readonly kind: "line";
  /** A soft line prints nothing when flat; a line prints a space. */
  readonly soft: boolean;
  /** Always a line break; it breaks every group around it. */
  readonly hard: boolean;
}
interface IfBreak {
  readonly kind: "ifBreak";
  readonly broken: Doc;
  readonly flat: Doc;
}
/**
 * The right side of an assignment-like construct (` = value`, `key: value`) in Prettier's
 * "fluid" layout: it stays on the line when its start fits there, else it moves to the next
 * line, indented.
 */
interface Fluid {
  readonly kind: "fluid";
  readonly contents: Doc;
}

export const line: Line = { kind: "line", soft: false, hard: false };
export const softline: Line = { kind: "line", soft: true, hard: false };
export const hardline: Line = { kind: "line", soft: false, hard: true };

export function group(contents: Doc, shouldBreak = false): Group {
  return { kind: "group", contents, shouldBreak };
}

export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}

export function ifBreak(broken: Doc, flat: Doc = []): IfBreak {
  return { kind: "ifBreak", broken, flat };
}

/** A space, or a line break and an indent when `contents` does not start on this line. */
export function fluid(contents: Doc): Fluid {
  return { kind: "fluid", contents };
}

/** `parts` separated by `separator`. */
export function joinDocs(separator: Doc, parts: readonly Doc[]): Doc[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]));
}

/** Printed width: East Asian wide and full-width characters take two columns, as in Prettier. */
export function textWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

type Mode = "flat" | "break";
interface Command {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

function isCodeLeaf(doc: Doc): doc is Code {
  return !Array.isArray(doc) && (doc as { kind?: unknown }).kind === undefined;
}

/** Whether a group must break: it is marked so, or contains one that is (Prettier's `propagateBreaks`). */
const breaks = new WeakMap<object, boolean>();
function mustBreak(doc: Doc): boolean {
  if (isCodeLeaf(doc)) return doc.text.includes("\n");
  const cached = breaks.get(doc as object);
  if (cached !== undefined) return cached;
  let result: boolean;
  if (Array.isArray(doc)) result = (doc as readonly Doc[]).some(mustBreak);
  else {
    const node = doc as Group | Indent | Line | IfBreak | Fluid;
    if (node.kind === "group") result = node.shouldBreak || mustBreak(node.contents);
    else if (node.kind === "indent" || node.kind === "fluid") result = mustBreak(node.contents);
    else if (node.kind === "ifBreak") result = mustBreak(node.broken);
    else result = node.hard;
  }
  breaks.set(doc as object, result);
  return result;
}

/**
 * Whether `next` fits in `width` columns when printed flat, followed by the commands still
 * to print up to their first line break (Prettier's `fits` with `rest`).
 */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  const stack: Command[] = [next];
  let restIndex = rest.length;
  while (width >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (isCodeLeaf(doc)) {
      const newline = doc.text.indexOf("\n");
      if (newline >= 0) return width - textWidth(doc.text.slice(0, newline)) >= 0;
      width -= textWidth(doc.text);
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ indent: 0, mode, doc: (doc as readonly Doc[])[i]! });
    } else {
      const node = doc as Group | Indent | Line | IfBreak | Fluid;
      switch (node.kind) {
        case "group":
          stack.push({ indent: 0, mode: node.shouldBreak || mustBreak(node) ? "break" : mode, doc: node.contents });
          break;
        case "fluid":
          if (mode === "break") return true;
          width -= 1;
          stack.push({ indent: 0, mode, doc: node.contents });
          break;
        case "indent":
          stack.push({ indent: 0, mode, doc: node.contents });
          break;
        case "ifBreak":
          stack.push({ indent: 0, mode, doc: mode === "break" ? node.broken : node.flat });
          break;
        case "line":
          if (mode === "break" || node.hard) return true;
          if (!node.soft) width -= 1;
          break;
      }
    }
  }
  return false;
}

/**
 * Prints `doc` starting at column `indent` (the caller has written that many spaces, or
 * the line's beginning). Lines after the first are indented from `indent`.
 */
export function print(doc: Doc, startIndent = 0): Code {
  let out = "";
  let column = startIndent;
  const stack: Command[] = [{ indent: startIndent, mode: "break", doc }];
  while (stack.length > 0) {
    const command = stack.pop()!;
    const { indent: ind, mode, doc: current } = command;
    if (isCodeLeaf(current)) {
      out += current.text;
      const newline = current.text.lastIndexOf("\n");
      column = newline >= 0 ? textWidth(current.text.slice(newline + 1)) : column + textWidth(current.text);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ indent: ind, mode, doc: (current as readonly Doc[])[i]! });
    } else {
      const node = current as Group | Indent | Line | IfBreak | Fluid;
      switch (node.kind) {
        case "group": {
          const flat: Command = { indent: ind, mode: "flat", doc: node.contents };
          if (mode === "flat") stack.push(flat);
          else stack.push(!mustBreak(node) && fits(flat, stack, PRINT_WIDTH - column) ? flat : { indent: ind, mode: "break", doc: node.contents });
          break;
        }
        case "fluid": {
          // Prettier: `group(indent(line), { id })` then `indentIfBreak(contents, { groupId: id })`;
          // the line's group fits when the contents' start does (up to its first possible break).
          const rest: Command[] = [...stack, { indent: ind, mode: "break", doc: node.contents }];
          if (mode === "flat" || fits({ indent: ind, mode: "flat", doc: line }, rest, PRINT_WIDTH - column)) {
            out += " ";
            column += 1;
            stack.push({ indent: ind, mode, doc: node.contents });
          } else {
            out = out.trimEnd() + "\n" + " ".repeat(ind + 2);
            column = ind + 2;
            stack.push({ indent: ind + 2, mode: "break", doc: node.contents });
          }
          break;
        }
        case "indent":
          stack.push({ indent: ind + 2, mode, doc: node.contents });
          break;
        case "ifBreak":
          stack.push({ indent: ind, mode, doc: mode === "break" ? node.broken : node.flat });
          break;
        case "line":
          if (mode === "flat" && !node.hard) {
            if (!node.soft) {
              out += " ";
              column += 1;
            }
          } else {
            out = out.trimEnd() + "\n" + " ".repeat(ind);
            column = ind;
          }
          break;
      }
    }
  }
  return trusted(out);
}

/** Multi-line code (a JSDoc block) whose lines follow the indentation they are printed at. */
export function lines(code: Code): Doc {
  return joinDocs(hardline, code.text.split("\n").map(trusted));
}
