/**
 * A strict RFC 8259 syntax check. YAML 1.2 reads most JSON, but it also accepts what JSON forbids
 * (`"a": ,` becomes null, trailing commas pass), so a `.json` file is checked against the JSON
 * grammar first, and the first error is reported with its offset.
 *
 * The same pass finds what the grammar allows but a document cannot mean, which `JSON.parse`
 * would pass silently: duplicate member names (§4: "The names within an object SHOULD be
 * unique"; JSON.parse keeps the last, so a document could say two things) and numbers too large
 * for a double (`1e999` would become Infinity).
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export interface JsonScan {
  /** The first syntax error, if any (nothing else is reported then). */
  syntax?: JsonSyntaxError;
  /** Offsets of member names that repeat an earlier name of the same object (after unescaping), in order. */
  duplicateKeys: number[];
  /** The first number that is not finite as a double, as JavaScript reads it ("Infinity"). */
  nonFinite?: string;
}

class Fail extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function checkJsonSyntax(text: string): JsonSyntaxError | undefined {
  return scanJson(text).syntax;
}

export function scanJson(text: string): JsonScan {
  const duplicateKeys: number[] = [];
  let nonFinite: string | undefined;
  let i = 0;
  // RFC 8259 §8.1: a BOM may be ignored by parsers.
  if (text.charCodeAt(0) === 0xfeff) i = 1;

  const describe = (at: number): string => {
    if (at >= text.length) return "end of input";
    const c = text[at]!;
    return JSON.stringify(c);
  };
  const fail = (message: string): never => {
    throw new Fail(i, message);
  };
  // §2: insignificant whitespace is space, tab, line feed and carriage return only.
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(i)}`);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail("unterminated string");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      // §7: control characters must be escaped.
      if (c < 0x20) fail("control character in string (escape it)");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail("invalid escape in string");
      } else {
        i++;
      }
    }
  };
  const number = () => {
    // §6: number = [ minus ] int [ frac ] [ exp ]
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === "" || match[0] === "-") fail(`unexpected ${describe(i)}`);
    // Only an exponent or a long run of digits can overflow a double.
    if (nonFinite === undefined && (match![3] !== undefined || match![0].length > 300) && !Number.isFinite(Number(match![0]))) {
      nonFinite = String(Number(match![0]));
    }
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      const names = new Set<string>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`);
        const start = i;
        string();
        // Compared as the parser will read them: "a" and "\u0061" are the same name.
        const raw = text.slice(start + 1, i - 1);
        const name = raw.includes("\\") ? (JSON.parse(text.slice(start, i)) as string) : raw;
        if (names.has(name)) duplicateKeys.push(start);
        else names.add(name);
        ws();
        if (text[i] !== ":") fail(`expected ':' after property name, found ${describe(i)}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(`expected ',' or '}' after property value, found ${describe(i)}`);
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(`expected ',' or ']' after array element, found ${describe(i)}`);
      }
    } else if (c === '"') {
      string();
    } else if (c === "t") {
      literal("true");
    } else if (c === "f") {
      literal("false");
    } else if (c === "n") {
      literal("null");
    } else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      number();
    } else {
      fail(`unexpected ${describe(i)}`);
    }
  };

  try {
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);
    return { duplicateKeys, ...(nonFinite === undefined ? {} : { nonFinite }) };
  } catch (error) {
    if (error instanceof Fail) return { syntax: { offset: error.offset, message: error.reason }, duplicateKeys: [] };
    throw error;
  }
}
