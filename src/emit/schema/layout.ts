/**
 * Line layout for `schema.ts`: the document algebra Prettier prints with (Wadler's "prettier
 * printer": groups that are laid out flat when they fit, otherwise broken), reduced to the
 * parts type declarations need. The algorithm, including its look-ahead (`fits`) over what
 * follows a group up to the next line break, is Prettier 3's `printDocToString`, so that text
 * laid out here is what Prettier would print: the output is Prettier-stable without running
 * Prettier. Indentation is two spaces, the line width 100 (the options in ../format.ts).
 */

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak | Block;

interface Group {
  kind: "group";
  contents: Doc;
  /** Broken whatever the width: set by `hardline` inside it or by a broken child (`propagateBreaks`). */
  broken: boolean;
}
interface Indent {
  kind: "indent";
  contents: Doc;
}
interface Align {
  kind: "align";
  width: number;
  contents: Doc;
}
interface Line {
  kind: "line";
  /** Nothing (not a space) when flat. */
  soft: boolean;
  /** Always a line break. */
  hard: boolean;
}
interface IfBreak {
  kind: "ifBreak";
  broken: Doc;
  flat: Doc;
}

/**
 * A construct that is always broken across lines (an object type): written by `render` at
 * the indentation it lands on, without going through the layout algorithm. `head` is its
 * text up to the first line break, all that a look-ahead over it can see.
 */
interface Block {
  kind: "block";
  head: string;
  render: (indent: string) => string;
}

export const WIDTH = 100;

export const line: Line = { kind: "line", soft: false, hard: false };
export const softline: Line = { kind: "line", soft: true, hard: false };
export const hardline: Line = { kind: "line", soft: false, hard: true };

export function group(contents: Doc, broken = false): Group {
  return { kind: "group", contents, broken };
}
export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}
export function align(width: number, contents: Doc): Align {
  return { kind: "align", width, contents };
}
export function ifBreak(broken: Doc, flat: Doc = ""): IfBreak {
  return { kind: "ifBreak", broken, flat };
}
export function block(head: string, render: (indent: string) => string): Block {
  return { kind: "block", head, render };
}

/** `parts` as one string when none of them can break (the common case), else as a document. */
export function concat(parts: Doc[]): Doc {
  return parts.every((p) => typeof p === "string") ? parts.join("") : parts;
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) out.push(separator);
    out.push(doc);
  });
  return out;
}

/**
 * Marks every group that contains a hard line break, or a group already broken, as broken,
 * innermost first (Prettier's `propagateBreaks`). Returns whether `doc` itself must break.
 */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    let any = false;
    for (const part of doc) if (propagateBreaks(part)) any = true;
    return any;
  }
  switch (doc.kind) {
    case "group": {
      if (propagateBreaks(doc.contents)) doc.broken = true;
      return doc.broken;
    }
    case "indent":
    case "align":
      return propagateBreaks(doc.contents);
    case "line":
      return doc.hard;
    case "block":
      return true;
    case "ifBreak": {
      const a = propagateBreaks(doc.broken);
      const b = propagateBreaks(doc.flat);
      return a || b;
    }
  }
}

const enum Mode {
  Break,
  Flat,
}

interface Command {
  indent: string;
  mode: Mode;
  doc: Doc;
}

/** Columns a string takes in a terminal, as Prettier counts them (`getStringWidth`). */
export function stringWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x20-\x7F]/.test(text)) return text.length;
  let width = 0;
  for (const character of text.replace(EMOJI, (emoji) => {
    width += 2;
    return "";
  })) {
    const code = character.codePointAt(0)!;
    if (code <= 31 || (code >= 127 && code <= 159)) continue;
    if (ZERO_WIDTH.test(character)) continue;
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

/**
 * Whether `next`, laid out flat, fits in `width` columns together with what follows it up to
 * the first possible line break (`rest`, in the modes already chosen for it).
 */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  let restIndex = rest.length;
  let pendingSpace = false;
  const commands: { mode: Mode; doc: Doc }[] = [next];
  while (width >= 0) {
    if (commands.length === 0) {
      if (restIndex === 0) return true;
      commands.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = commands.pop()!;
    if (typeof doc === "string") {
      if (doc) {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= stringWidth(doc);
      }
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ mode, doc: doc[i]! });
    } else {
      switch (doc.kind) {
        case "indent":
        case "align":
          commands.push({ mode, doc: doc.contents });
          break;
        case "group":
          commands.push({ mode: doc.broken ? Mode.Break : mode, doc: doc.contents });
          break;
        case "ifBreak": {
          const contents = mode === Mode.Break ? doc.broken : doc.flat;
          if (contents) commands.push({ mode, doc: contents });
          break;
        }
        case "line":
          if (mode === Mode.Break || doc.hard) return true;
          if (!doc.soft) pendingSpace = true;
          break;
        case "block":
          // Its head, then a line break.
          return width - (pendingSpace ? 1 : 0) - stringWidth(doc.head) >= 0;
      }
    }
  }
  return false;
}

/**
 * The text of `doc`, laid out (Prettier's `printDocToString` for these documents), starting
 * on a line indented by `start` (not included in the result).
 */
export function print(doc: Doc, start = ""): string {
  if (typeof doc === "string") return doc;
  propagateBreaks(doc);
  const out: string[] = [];
  let position = start.length;
  const commands: Command[] = [{ indent: start, mode: Mode.Break, doc }];
  while (commands.length > 0) {
    const { indent: ind, mode, doc: current } = commands.pop()!;
    if (typeof current === "string") {
      if (current) {
        out.push(current);
        position += stringWidth(current);
      }
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: current[i]! });
      continue;
    }
    switch (current.kind) {
      case "indent":
        commands.push({ indent: ind + "  ", mode, doc: current.contents });
        break;
      case "align":
        commands.push({ indent: ind + " ".repeat(current.width), mode, doc: current.contents });
        break;
      case "group": {
        if (mode === Mode.Flat) {
          commands.push({ indent: ind, mode: current.broken ? Mode.Break : Mode.Flat, doc: current.contents });
          break;
        }
        const flat: Command = { indent: ind, mode: Mode.Flat, doc: current.contents };
        if (!current.broken && fits(flat, commands, WIDTH - position)) commands.push(flat);
        else commands.push({ indent: ind, mode: Mode.Break, doc: current.contents });
        break;
      }
      case "ifBreak": {
        const contents = mode === Mode.Break ? current.broken : current.flat;
        if (contents) commands.push({ indent: ind, mode, doc: contents });
        break;
      }
      case "block": {
        const text = current.render(ind);
        out.push(text);
        position = stringWidth(text.slice(text.lastIndexOf("\n") + 1));
        break;
      }
      case "line":
        if (mode === Mode.Flat && !current.hard) {
          if (!current.soft) {
            out.push(" ");
            position += 1;
          }
          break;
        }
        trimTrailingSpace(out);
        out.push("\n" + ind);
        position = ind.length;
        break;
    }
  }
  return out.join("");
}

/** Prettier drops the spaces and tabs before a line break. */
function trimTrailingSpace(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length > 0 || last.length === 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
