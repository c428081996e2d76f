import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { DiagnosticError, toPointer } from "../../src/diagnostics/diagnostic.js";
import { createLocator } from "../../src/load/locate.js";
import { checkJsonSyntax } from "../../src/load/json-syntax.js";
import { parseSource } from "../../src/load/parse.js";

const errorsOf = (file: string, text: string) => {
  try {
    parseSource(file, text);
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected a DiagnosticError");
};

describe("checkJsonSyntax (RFC 8259)", () => {
  it.each([
    ["valid", '{"a": [1, -2.5e3, true, null, "x\\n\\u00e9"]}', undefined],
    ["a trailing comma in an object", '{"a": 1,}', { offset: 8, message: 'expected a property name in double quotes, found "}"' }],
    ["a trailing comma in an array", "[1,]", { offset: 3, message: 'unexpected "]"' }],
    ["a missing value", '{"a": ,}', { offset: 6, message: 'unexpected ","' }],
    ["a missing comma", '{"a": 1\n "b": 2}', { offset: 9, message: "expected ',' or '}' after property value, found \"\\\"\"" }],
    ["single quotes", "{'a': 1}", { offset: 1, message: "expected a property name in double quotes, found \"'\"" }],
    ["an unterminated string", '{"a": "x', { offset: 8, message: "unterminated string" }],
    ["a comment", '{"a": 1} // no', { offset: 9, message: 'unexpected "/" after the JSON value' }],
    ["a leading zero", "[01]", { offset: 2, message: "expected ',' or ']' after array element, found \"1\"" }],
    ["empty input", "", { offset: 0, message: "unexpected end of input" }],
  ])("%s", (_name, text, want) => {
    expect(checkJsonSyntax(text)).toEqual(want);
  });
});

describe("parseSource", () => {
  it.each([
    ["a duplicate key", "a.yaml", "a: 1\nb: 2\na: 3\n", [{ line: 3, column: 1, message: "invalid YAML: map keys must be unique" }]],
    ["a tab used as indentation", "a.yaml", "a:\n\t- b\n", [{ line: 2, column: 1, message: "invalid YAML: tabs are not allowed as indentation" }]],
    ["several documents in one file", "a.yaml", "a: 1\n---\nb: 2\n", [{ line: 2, column: 1, message: "invalid YAML: the file holds more than one YAML document" }]],
    ["a recursive alias", "a.yaml", "a: &x\n  b: *x\n", [{ message: "invalid document: a YAML alias refers to one of its own ancestors (recursive data)" }]],
    ["a JSON syntax error on line 3", "a.json", '{\n  "a": 1,\n  "b": }\n', [{ line: 3, column: 8, message: 'invalid JSON: unexpected "}"' }]],
  ])("rejects %s", (_name, file, text, want) => {
    const diagnostics = errorsOf(file, text);
    expect(diagnostics).toHaveLength(want.length);
    want.forEach((w, i) => expect(diagnostics[i]).toMatchObject({ severity: "error", file, ...w }));
  });

  it("bounds alias expansion (billion laughs)", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? "*a" : `*l${i - 1}`).join(", ")}]`);
    const [diagnostic] = errorsOf("bomb.yaml", levels.join("\n"));
    expect(diagnostic?.message).toMatch(/^invalid YAML: excessive alias count/);
  });

  it("turns aliases into independent copies", () => {
    const { data } = parseSource("a.yaml", "a: &x {k: 1}\nb: *x\n");
    const { a, b } = data as { a: object; b: object };
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });

  it("reports unknown tags as warnings", () => {
    const { warnings } = parseSource("a.yaml", "a: !custom value\n");
    expect(warnings).toEqual([{ severity: "warning", file: "a.yaml", line: 1, column: 4, message: "unresolved tag: !custom" }]);
  });

  describe("locate", () => {
    const text = ["base: &base", "  x: 1", "m:", "  <<: *base", "  y: 2", "list:", "  - a", "  - {b: 1}", '"a/b": 1', '"t~n": 2', "200: ok"].join("\n");
    const { locate } = parseSource("a.yaml", text);
    it.each([
      ["/m/y", { line: 5, column: 3 }],
      ["/m/x", { line: 2, column: 3 }], // through the YAML merge key, to where it is written
      ["/list/1/b", { line: 8, column: 6 }],
      ["/list/01", undefined],
      ["/a~1b", { line: 9, column: 1 }],
      ["/t~0n", { line: 10, column: 1 }],
      ["/200", { line: 11, column: 1 }],
      ["/missing", undefined],
    ])("%j", (pointer, want) => {
      expect(locate(pointer)).toEqual(want);
    });
  });
});

/** The YAML parser's answer for a JSON text: what `.json` files were located with before JSON.parse. */
function yamlLocator(text: string): (pointer: string) => { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  return createLocator(parseDocument(text, { lineCounter, merge: true, uniqueKeys: true }), lineCounter);
}

/** Every pointer of a JSON value, and a few that lead nowhere. */
function pointersOf(value: unknown, path: string[] = [], out: string[] = []): string[] {
  out.push(toPointer(path));
  if (Array.isArray(value)) value.forEach((v, i) => pointersOf(v, [...path, String(i)], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pointersOf(v, [...path, k], out);
  else out.push(toPointer([...path, "x"]));
  out.push(toPointer([...path, "missing"]), toPointer([...path, "01"]));
  return out;
}

describe("parseSource for .json (JSON.parse, positions on demand)", () => {
  it.each([
    ["a repeated member name, at each repetition", '{\n  "a": 1,\n  "b": {"c": 1, "c": 2},\n  "a": 3\n}', [{ line: 3, column: 17 }, { line: 4, column: 3 }], "invalid JSON: map keys must be unique"],
    ["a repeated name written with an escape", '{"a": 1, "\\u0061": 2}', [{ line: 1, column: 10 }], "invalid JSON: map keys must be unique"],
    ["a number too large for a double", '{"a": -1e999}', [{}], "invalid document: the number -Infinity cannot be represented in JSON"],
    ["a trailing comma", '{"a": [1,]}', [{ line: 1, column: 10 }], 'invalid JSON: unexpected "]"'],
  ])("rejects %s, where the YAML path did", (_name, text, positions, message) => {
    const diagnostics = errorsOf("a.json", text);
    expect(diagnostics).toEqual(positions.map((p) => ({ severity: "error", file: "a.json", ...p, message })));
  });

  it("keeps a \"__proto__\" member as data", () => {
    const { data } = parseSource("a.json", '{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(["__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("reads the same data as the YAML path, a byte order mark included", () => {
    const text = '\ufeff{"a": {"b": [1, 2.5e3, "x\\n\\u00e9", null, true]}, "c~/": {}}';
    expect(parseSource("a.json", text).data).toEqual({ a: { b: [1, 2500, "x\né", null, true] }, "c~/": {} });
    expect(parseSource("a.json", text).locate("/a/b/1")).toEqual(yamlLocator(text)("/a/b/1"));
  });

  it("locates every pointer where the YAML parser does (generated documents, any layout)", () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 0 }), tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("a", "a/b", "t~n", "0", "\\", '"', "é\n")), tie("value"), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, fc.constantFrom(0, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const { locate } = parseSource("a.json", text);
        const reference = yamlLocator(text);
        for (const pointer of pointersOf(value)) expect(locate(pointer), pointer).toEqual(reference(pointer));
      }),
      { numRuns: 300 },
    );
  });

  it("locates every pointer of a real document where the YAML parser does", () => {
    const text = readFileSync(join(import.meta.dirname, "../fixtures/corpus/hubapi.com__events.json"), "utf8");
    const { data, locate } = parseSource("events.json", text);
    const reference = yamlLocator(text);
    const pointers = pointersOf(data);
    expect(pointers.length).toBeGreaterThan(500);
    for (const pointer of pointers) expect(locate(pointer), pointer).toEqual(reference(pointer));
  });
});
