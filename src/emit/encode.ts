/**
 * The encoders: the only way a value from the document reaches generated code. One per
 * context, each producing code that means exactly the input text and nothing more.
 * Known generator injections came through comment terminators, quotes and line
 * separators (U+2028/U+2029 end a `//` comment), so each is handled here.
 */
import { Code, trusted } from "./code.js";
import { isIdentifier } from "../model/naming.js";

const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await"
  ).split(" "),
);

/** A binding or type name. The model only hands out valid names; anything else is a bug here. */
export function identifier(name: string): Code {
  if (!isIdentifier(name) || RESERVED_WORDS.has(name)) {
    throw new Error(`internal error: ${JSON.stringify(name)} is not a usable identifier`);
  }
  return trusted(name);
}

/**
 * A member name used bare (`api.listUsers`, `operations.delete`): reserved words are
 * allowed there (ECMA-262 §13.3 IdentifierName), other non-identifiers are not.
 */
export function memberName(name: string): Code {
  if (!isIdentifier(name)) throw new Error(`internal error: ${JSON.stringify(name)} is not a usable member name`);
  return trusted(name);
}

/**
 * A string literal. JSON.stringify escapes quotes, backslashes and control characters;
 * U+2028/U+2029 are escaped too so that the literal survives any consumer that predates
 * ES2019, and "</" so that output embedded in HTML cannot close a script. The quote is the
 * one Prettier chooses (double, unless the text holds more double quotes than single ones),
 * so that the output is already in its formatted form.
 */
export function stringLiteral(value: string): Code {
  const json = JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/<\//g, "<\\/");
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  if (doubles <= singles) return trusted(json);
  // Single-quoted: the escaped double quotes go bare, single quotes get escaped.
  const body = json.slice(1, -1).replace(/\\(.)|'/gs, (match: string, escaped: string | undefined) => (escaped === undefined ? "\\'" : escaped === '"' ? '"' : match));
  return trusted(`'${body}'`);
}

export function numberLiteral(value: number): Code {
  if (!Number.isFinite(value)) throw new Error(`internal error: ${value} is not a finite number`);
  return trusted(String(value));
}

/**
 * Keys that are ES5 identifier names print bare, everything else quoted: Prettier's
 * `quoteProps: "as-needed"` (ES5 §7.6: Unicode letters and `Nl` start a name; marks, digits
 * and connectors continue it; only the Basic Multilingual Plane).
 */
function isPlainKey(key: string): boolean {
  return /^[$_\p{L}\p{Nl}][$_\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200C\u200D]*$/u.test(key) && !/[\u{10000}-\u{10FFFF}\p{Pattern_Syntax}]/u.test(key);
}

/** A property name in a type (interface member, type literal). */
export function typePropertyKey(key: string): Code {
  return isPlainKey(key) ? trusted(key) : stringLiteral(key);
}

/**
 * A property name in an object literal. `__proto__: v` and `"__proto__": v` both set the
 * prototype (ECMA-262 §B.3.1); only the computed form defines an own property.
 */
export function objectKey(key: string): Code {
  if (key === "__proto__") return trusted(`[${stringLiteral(key).text}]`);
  return typePropertyKey(key);
}

/** An indexed access into a type: `T["key"]` or `T[200]`. */
export function indexedAccess(key: string | number): Code {
  return trusted(`[${typeof key === "number" ? numberLiteral(key).text : stringLiteral(key).text}]`);
}

/**
 * The lines of a JSDoc block, without the delimiters. A "*\/" in the text would close the
 * comment, so it is broken up; every line terminator (including U+2028/U+2029 and lone CR)
 * becomes a new " * " line; "@" at a line start is escaped so text cannot forge a tag.
 */
export function jsdocLines(text: string): Code[] {
  const lines = text
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(/\*\//g, "*\\/")
    .trimEnd()
    .split("\n");
  let fenced = false;
  return lines.flatMap((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    // Code blocks and tables keep their lines; prose is wrapped the way a person would.
    const wrapped = fenced || /^\s*(```|~~~|\|)/.test(line) ? [line] : wrap(line, JSDOC_WIDTH);
    return wrapped.map((l) => trusted(l.trimEnd().replace(/^(\s*)@/, "$1\\@")));
  });
}

/** Text columns of a JSDoc line: the generated code is read at ~100 columns. */
const JSDOC_WIDTH = 90;

/**
 * Greedy word wrap. A continuation line may not start with a character that would change
 * its Markdown meaning (a list, heading, quote or table) or start a JSDoc tag: such a word
 * stays on the line before, however long that makes it.
 */
function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  const words = line.slice(indent.length).split(/ +/);
  const out: string[] = [];
  let current = indent;
  for (const word of words) {
    const candidate = current.trim() === "" ? indent + word : `${current} ${word}`;
    const unsafeStart = /^([-*+#>|@]|\d+[.)])/.test(word);
    if (candidate.length > width && current.trim() !== "" && !unsafeStart) {
      out.push(current);
      current = indent + word;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out;
}

/** A whole JSDoc comment from paragraphs (empty ones dropped), or nothing. */
export function jsdoc(paragraphs: readonly (string | undefined)[], tags: readonly Code[] = []): Code {
  const blocks = paragraphs.filter((p): p is string => p !== undefined && p.trim() !== "").map(jsdocLines);
  const lines: string[] = [];
  for (const block of blocks) {
    if (lines.length > 0) lines.push("");
    lines.push(...block.map((l) => l.text));
  }
  if (tags.length > 0) {
    if (lines.length > 0) lines.push("");
    lines.push(...tags.map((t) => t.text));
  }
  if (lines.length === 0) return trusted("");
  if (lines.length === 1) return trusted(`/** ${lines[0]} */`);
  return trusted(["/**", ...lines.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"].join("\n"));
}

/** A single-line `//` comment: every line terminator is folded into a space. */
export function lineComment(text: string): Code {
  return trusted(`// ${text.replace(/[\r\n\u2028\u2029]+/g, " ")}`);
}

/** Inline code in a JSDoc line: backticks are dropped so the markup cannot be broken out of. */
export function jsdocCode(text: string): string {
  return "`" + text.replace(/`/g, "'") + "`";
}

export { Code };
