/**
 * Literal text in `schema.ts`, spelled as the committed files have always spelled it:
 * TypeScript's printer escapes a string, then Prettier picks the quote (double, unless the
 * text holds more double quotes than single ones) and re-escapes only the quotes. Each
 * function maps a document value to code that denotes exactly that value.
 */

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
export function asciiStringLiteral(value: string): string {
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
 * A string literal type as openapi-typescript spells it: `JSON.stringify`, which escapes
 * quotes, backslashes, control characters and lone surrogates and keeps other text.
 */
export function jsonStringLiteral(value: string): string {
  return JSON.stringify(value);
}

/**
 * Prettier's choice of quotes for a double-quoted literal `raw` (its `printString`): single
 * quotes when the text holds more double quotes than single ones; only quotes are re-escaped.
 */
export function preferredQuotes(raw: string): string {
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
export function numberText(raw: string): string {
  if (raw.length === 1) return raw;
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}
