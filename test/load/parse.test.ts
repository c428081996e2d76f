import { describe, expect, it } from "vitest";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
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
