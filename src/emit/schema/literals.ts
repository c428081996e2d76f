/**
 * Literal text in `schema.ts`, spelled as the committed files have always spelled it:
 * TypeScript's printer escapes a string, then Prettier picks the quote (double, unless the
 * text holds more double quotes than single ones) and re-escapes only the quotes. Each
 * function maps a document value to code that denotes exactly that value; the exported ones
 * return `Code`, the leaves of the layout printer (../layout.ts), so that document text reaches
 * schema.ts only through them.
 */
import { trusted, type Code } from "../code.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$0-9]*$/;

/** A string literal (type or key) as openapi-typescript's printer and then Prettier spell it. */
export function stringLiteral(value: string): Code {
  return trusted(preferredQuotes(asciiStringLiteral(value)));
}

/**
 * A string literal type openapi-typescript writes as the JSON text of the string; Prettier
 * picks the quotes.
 */
export function jsonLiteral(value: string): Code {
  return trusted(preferredQuotes(JSON.stringify(value)));
}

/** A number literal (`-` for a negative one, which the tree keeps apart). */
export function numberLiteral(text: string, negative = false): Code {
  if (!Number.isFinite(Number(text))) throw new Error(`internal error: schema.ts number ${JSON.stringify(text)} is not a number`);
  return trusted((negative ? "-" : "") + numberText(text));
}

/**
 * A name that must be an identifier (a type name from a `$ref` pointer, a key such as `NaN`):
 * one that is not would be code, not a name.
 */
export function identifier(text: string, what: string): Code {
  if (!IDENTIFIER.test(text)) throw new Error(`internal error: schema.ts ${what} ${JSON.stringify(text)} is not an identifier`);
  return trusted(text);
}

const TS_ESCAPES: Record<string, string> = {
  "\t": "\\t",
  "\v": "\\v",
  "\f": "\\f",
  "\b": "\\b",
  "\r": "\\r",
  "\n": "\\n",
  "\\": "\\\\",
  '"': '\\"',
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
  "\u0085": "\\u0085",
};

const utf16Escape = (code: number): string => "\\u" + code.toString(16).toUpperCase().padStart(4, "0");

/**
 * A string literal as TypeScript's printer writes one (`escapeNonAsciiString`): control
 * characters, quotes, backslashes and line separators escaped, and every non-ASCII UTF-16
 * unit as `\uXXXX`, so the literal is plain ASCII and cannot end early.
 */
function asciiStringLiteral(value: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\\"\u0000-\u001f\u2028\u2029\u0085]/g, (c, offset: number) => {
    if (c === "\0") {
      const next = value.charCodeAt(offset + 1);
      return next >= 48 && next <= 57 ? "\\x00" : "\\0";
    }
    return TS_ESCAPES[c] ?? utf16Escape(c.charCodeAt(0));
  });
  return `"${escaped.replace(/[^\u0000-\u007F]/g, (c) => utf16Escape(c.charCodeAt(0)))}"`;
}

/**
 * Prettier's choice of quotes for a double-quoted literal `raw` (its `printString`): single
 * quotes when the text holds more double quotes than single ones; only quotes are re-escaped.
 */
function preferredQuotes(raw: string): string {
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 34) doubles++;
    else if (c === 39) singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  if (raw[0] === quote) return raw;
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(["'\\])|(["'])/g, (match, escaped: string | undefined, bare: string | undefined) =>
    escaped ? (escaped === other ? escaped : match) : bare === quote ? "\\" + bare : bare!,
  );
  return quote + body + quote;
}

/** A number literal as Prettier normalizes one (`printNumber`): `1e+21` → `1e21`, `1.50` → `1.5`. */
function numberText(raw: string): string {
  if (raw.length === 1) return raw;
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}
