/**
 * The one line-fitting printer of the generator, so that generated code (index.ts and
 * schema.ts) is written in its final form: the subset of Prettier's document model (`group`,
 * `indent`, `align`, `line`, `softline`, `hardline`, `ifBreak`, plus `fluid` and `block`
 * below) and Prettier 3's `printDocToString`, with the options of format.ts (printWidth 100,
 * two-space indent). A group is printed flat when it fits in what is left of the line,
 * together with what follows it up to the next possible line break; otherwise its lines break
 * and its sub-groups are fitted again, each on its own. Output is checked against Prettier
 * itself in test/emit/prettier-stable.test.ts, test/emit/layout.test.ts and
 * test/emit/schema-types.test.ts.
 *
 * Leaves are `Code` (made by the encoders, by schema/literals.ts or by `trusted`), so laying
 * out never lets document text in unencoded.
 */
import { join, trusted, type Code } from "./code.js";

export const PRINT_WIDTH = 100;

export type Doc = Code | readonly Doc[] | Group | Indent | Align | Line | IfBreak | Fluid | Block;
interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /**
   * Printed broken whatever the width (Prettier's `shouldBreak`); also set when printing finds
   * a hard break inside it (Prettier's `propagateBreaks`), which depends on the contents only.
   */
  shouldBreak: boolean;
}
interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
/** Lines inside it are indented `width` more spaces (Prettier's `align(n)`). */
interface Align {
  readonly kind: "align";
  readonly width: number;
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
/**
 * A construct that is always broken across lines (an object type in schema.ts): written by
 * `render` at the indentation it lands on, without going through the layout algorithm, which
 * would only find that every line of it breaks. `head` is its text up to the first line
 * break, all that a look-ahead over it can see. It breaks the groups around it.
 */
interface Block {
  readonly kind: "block";
  readonly head: Code;
  readonly render: (indent: string) => Code;
}
type Node = Group | Indent | Align | Line | IfBreak | Fluid | Block;

export const line: Line = { kind: "line", soft: false, hard: false };
export const softline: Line = { kind: "line", soft: true, hard: false };
export const hardline: Line = { kind: "line", soft: false, hard: true };

export function group(contents: Doc, shouldBreak = false): Group {
  return { kind: "group", contents, shouldBreak };
}

export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}

export function align(width: number, contents: Doc): Align {
  return { kind: "align", width, contents };
}

export function ifBreak(broken: Doc, flat: Doc = []): IfBreak {
  return { kind: "ifBreak", broken, flat };
}

/** A space, or a line break and an indent when `contents` does not start on this line. */
export function fluid(contents: Doc): Fluid {
  return { kind: "fluid", contents };
}

export function block(head: Code, render: (indent: string) => Code): Block {
  return { kind: "block", head, render };
}

/** `parts` separated by `separator`. */
export function joinDocs(separator: Doc, parts: readonly Doc[]): Doc[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]));
}

/**
 * `parts` as one leaf when none of them can break (most of schema.ts), else as a document:
 * fewer nodes for the printer to walk.
 */
export function concat(parts: readonly Doc[]): Doc {
  return parts.every(isCodeLeaf) ? join(parts as readonly Code[]) : parts;
}

/** Columns a text takes, as Prettier counts them (`getStringWidth`). */
export function textWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x20-\x7F]/.test(text)) return text.length;
  let width = 0;
  for (const char of text.replace(EMOJI, () => {
    width += 2;
    return "";
  })) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) continue;
    if (ZERO_WIDTH.test(char)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
const ZERO_WIDTH = /^[\p{M}\u200B-\u200F\u2060\uFEFF]$/u;

/** East Asian Wide and Fullwidth code points (Unicode UAX #11), the ranges in common use. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xa960 && code <= 0xa97f) ||
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

/**
 * Marks every group that holds a hard line break (a `hardline`, a `block`, a multi-line leaf)
 * or a group already broken as broken, innermost first (Prettier's `propagateBreaks`, which
 * looks into both sides of an `ifBreak`). Returns whether `doc` itself must break.
 */
function propagateBreaks(doc: Doc): boolean {
  if (isCodeLeaf(doc)) return doc.text.includes("\n");
  if (Array.isArray(doc)) {
    let any = false;
    for (const part of doc as readonly Doc[]) if (propagateBreaks(part)) any = true;
    return any;
  }
  const node = doc as Node;
  switch (node.kind) {
    case "group":
      if (propagateBreaks(node.contents)) node.shouldBreak = true;
      return node.shouldBreak;
    case "indent":
    case "align":
    case "fluid":
      return propagateBreaks(node.contents);
    case "ifBreak": {
      const broken = propagateBreaks(node.broken);
      const flat = propagateBreaks(node.flat);
      return broken || flat;
    }
    case "line":
      return node.hard;
    case "block":
      return true;
  }
}

/**
 * Whether `next` fits in `width` columns when printed flat, followed by the commands still
 * to print up to their first line break (Prettier's `fits` with `rest`).
 */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  const stack: Command[] = [next];
  let restIndex = rest.length;
  // A flat line's space counts only once text follows it on the line: the printer drops the
  // spaces before a line break.
  let pendingSpace = false;
  while (width >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (isCodeLeaf(doc)) {
      if (doc.text.length === 0) continue;
      if (pendingSpace) {
        width -= 1;
        pendingSpace = false;
      }
      const newline = doc.text.indexOf("\n");
      if (newline >= 0) return width - textWidth(doc.text.slice(0, newline)) >= 0;
      width -= textWidth(doc.text);
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ indent: 0, mode, doc: (doc as readonly Doc[])[i]! });
    } else {
      const node = doc as Node;
      switch (node.kind) {
        case "group":
          stack.push({ indent: 0, mode: node.shouldBreak ? "break" : mode, doc: node.contents });
          break;
        case "fluid":
          if (mode === "break") return true;
          pendingSpace = true;
          stack.push({ indent: 0, mode, doc: node.contents });
          break;
        case "indent":
        case "align":
          stack.push({ indent: 0, mode, doc: node.contents });
          break;
        case "ifBreak":
          stack.push({ indent: 0, mode, doc: mode === "break" ? node.broken : node.flat });
          break;
        case "line":
          if (mode === "break" || node.hard) return true;
          if (!node.soft) pendingSpace = true;
          break;
        case "block":
          // Its head, then a line break.
          return width - (pendingSpace ? 1 : 0) - textWidth(node.head.text) >= 0;
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
  if (isCodeLeaf(doc)) return doc;
  propagateBreaks(doc);
  const out: string[] = [];
  let column = startIndent;
  const stack: Command[] = [{ indent: startIndent, mode: "break", doc }];
  while (stack.length > 0) {
    const { indent: ind, mode, doc: current } = stack.pop()!;
    if (isCodeLeaf(current)) {
      const text = current.text;
      if (text.length === 0) continue;
      out.push(text);
      const newline = text.lastIndexOf("\n");
      column = newline >= 0 ? textWidth(text.slice(newline + 1)) : column + textWidth(text);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ indent: ind, mode, doc: (current as readonly Doc[])[i]! });
    } else {
      const node = current as Node;
      switch (node.kind) {
        case "group": {
          const flat: Command = { indent: ind, mode: "flat", doc: node.contents };
          if (node.shouldBreak) stack.push({ indent: ind, mode: "break", doc: node.contents });
          else if (mode === "flat" || fits(flat, stack, PRINT_WIDTH - column)) stack.push(flat);
          else stack.push({ indent: ind, mode: "break", doc: node.contents });
          break;
        }
        case "fluid": {
          // Prettier: `group(indent(line), { id })` then `indentIfBreak(contents, { groupId: id })`;
          // the line's group fits when the contents' start does (up to its first possible break).
          const rest: Command[] = [...stack, { indent: ind, mode: "break", doc: node.contents }];
          if (mode === "flat" || fits({ indent: ind, mode: "flat", doc: line }, rest, PRINT_WIDTH - column)) {
            out.push(" ");
            column += 1;
            stack.push({ indent: ind, mode, doc: node.contents });
          } else {
            newLine(out, ind + 2);
            column = ind + 2;
            stack.push({ indent: ind + 2, mode: "break", doc: node.contents });
          }
          break;
        }
        case "indent":
          stack.push({ indent: ind + 2, mode, doc: node.contents });
          break;
        case "align":
          stack.push({ indent: ind + node.width, mode, doc: node.contents });
          break;
        case "ifBreak":
          stack.push({ indent: ind, mode, doc: mode === "break" ? node.broken : node.flat });
          break;
        case "block": {
          const text = node.render(" ".repeat(ind)).text;
          out.push(text);
          column = textWidth(text.slice(text.lastIndexOf("\n") + 1));
          break;
        }
        case "line":
          if (mode === "flat" && !node.hard) {
            if (!node.soft) {
              out.push(" ");
              column += 1;
            }
          } else {
            newLine(out, ind);
            column = ind;
          }
          break;
      }
    }
  }
  return trusted(out.join(""));
}

/** A line break and `indent` spaces; Prettier drops the spaces and tabs before a line break. */
function newLine(out: string[], indent: number): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      break;
    }
    out.pop();
  }
  out.push("\n" + " ".repeat(indent));
}

/** Multi-line code (a JSDoc block) whose lines follow the indentation they are printed at. */
export function lines(code: Code): Doc {
  return joinDocs(hardline, code.text.split("\n").map(trusted));
}
