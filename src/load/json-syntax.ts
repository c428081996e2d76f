/**
 * A strict RFC 8259 syntax check. YAML 1.2 reads most JSON, but it also accepts what JSON forbids
 * (`"a": ,` becomes null, trailing commas pass), so a `.json` file is checked against the JSON
 * grammar first, and the first error is reported with its offset.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
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
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`);
        string();
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
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, message: error.reason };
    throw error;
  }
}
