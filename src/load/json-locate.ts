/**
 * Lines for JSON pointers in a JSON text, found by walking the text itself when a diagnostic asks,
 * so that a `.json` document can be parsed with `JSON.parse` and nothing is built for positions
 * up front (the YAML parser's tree of a 13 MB document costs seconds and a gigabyte).
 *
 * It answers as the YAML locator (locate.ts) does for the same text, which the tests compare: a
 * member of an object is located at its name's opening quote, an array item at its first
 * character, lines and columns are 1-based and only "\n" ends a line. The text must be valid JSON
 * (json-syntax.ts has checked it); a byte order mark counts as a column, as in YAML's positions.
 */
import { fromPointer } from "../diagnostics/diagnostic.js";
import type { Locate, Position } from "./locate.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function createJsonLocator(text: string): Locate {
  let lineStarts: number[] | undefined;
  // Offsets of the values already walked to, by pointer: diagnostics cluster, and walking from a
  // nearby container skips most of the text.
  const found = new Map<string, { anchor: number; value: number }>();

  const skipWhitespace = (i: number): number => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
      i++;
    }
  };
  /** The offset just past the string whose opening quote is at `i`. */
  const skipString = (i: number): number => {
    for (i++; ; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return i + 1;
    }
  };
  /** The offset just past the value that starts at `i`. */
  const skipValue = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return skipString(i);
    if (c !== 0x7b && c !== 0x5b) {
      // A number or a literal: up to the next delimiter.
      while (i < text.length && !",}] \n\r\t".includes(text[i]!)) i++;
      return i;
    }
    let depth = 0;
    for (;;) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) {
        i = skipString(i);
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) depth--;
      i++;
      if (depth === 0) return i;
    }
  };

  /** Where the member `name` of the object at `at` is: its name's quote and its value's start. */
  const member = (at: number, name: string): { key: number; value: number } | undefined => {
    let i = skipWhitespace(at + 1);
    if (text.charCodeAt(i) === 0x7d) return undefined;
    for (;;) {
      const key = i;
      const end = skipString(i);
      const raw = text.slice(key + 1, end - 1);
      const decoded = raw.includes("\\") ? (JSON.parse(text.slice(key, end)) as string) : raw;
      i = skipWhitespace(skipWhitespace(end) + 1); // past ':'
      if (decoded === name) return { key, value: i };
      i = skipWhitespace(skipValue(i));
      if (text.charCodeAt(i) !== 0x2c) return undefined; // '}'
      i = skipWhitespace(i + 1);
    }
  };

  const item = (at: number, index: number): number | undefined => {
    let i = skipWhitespace(at + 1);
    if (text.charCodeAt(i) === 0x5d) return undefined;
    for (let n = 0; ; n++) {
      if (n === index) return i;
      i = skipWhitespace(skipValue(i));
      if (text.charCodeAt(i) !== 0x2c) return undefined; // ']'
      i = skipWhitespace(i + 1);
    }
  };

  const offsetOf = (segments: readonly string[]): number | undefined => {
    // Start from the deepest place already walked to.
    let depth = segments.length;
    let at: { anchor: number; value: number } | undefined;
    for (; depth > 0 && at === undefined; depth--) at = found.get(JSON.stringify(segments.slice(0, depth)));
    if (at === undefined) {
      const root = skipWhitespace(text.charCodeAt(0) === 0xfeff ? 1 : 0);
      at = { anchor: root, value: root };
    } else {
      depth++;
    }
    for (let k = depth; k < segments.length; k++) {
      const segment = segments[k]!;
      const c = text.charCodeAt(at.value);
      let next: { anchor: number; value: number } | undefined;
      if (c === 0x7b) {
        const m = member(at.value, segment);
        if (m !== undefined) next = { anchor: m.key, value: m.value };
      } else if (c === 0x5b && /^(0|[1-9][0-9]*)$/.test(segment)) {
        const i = item(at.value, Number(segment));
        if (i !== undefined) next = { anchor: i, value: i };
      }
      if (next === undefined) return undefined;
      found.set(JSON.stringify(segments.slice(0, k + 1)), next);
      at = next;
    }
    return at.anchor;
  };

  const position = (offset: number): Position => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };

  return (pointer) => {
    const offset = offsetOf(fromPointer(pointer));
    return offset === undefined ? undefined : position(offset);
  };
}
