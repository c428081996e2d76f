/** The layout printer (src/emit/layout.ts) against Prettier's own output for the same shapes. */
import { describe, expect, it } from "vitest";
import { trusted } from "../../src/emit/code.js";
import { print } from "../../src/emit/layout.js";
import { literal, literalDoc, type LiteralValue } from "../../src/emit/literal.js";
import { formatTypeScript } from "../support/prettier.js";

const long = (n: number) => "x".repeat(n);

const cases: [string, { given: LiteralValue; want: string }][] = [
  ["an object that fits stays on one line", { given: { a: 1, b: "two" }, want: '{ a: 1, b: "two" }' }],
  ["an empty object and array print bare", { given: { a: {}, b: [] }, want: "{ a: {}, b: [] }" }],
  [
    "an object that does not fit breaks one entry per line, with a trailing comma",
    { given: { first: long(50), second: long(50) }, want: `{\n  first: "${long(50)}",\n  second: "${long(50)}",\n}` },
  ],
  [
    "several objects of more than one entry break the array even when it would fit",
    { given: [{ a: 1, b: 2 }, { a: 3, b: 4 }], want: "[\n  { a: 1, b: 2 },\n  { a: 3, b: 4 },\n]" },
  ],
  ["objects of one entry do not", { given: [{ a: 1 }, { b: 2 }], want: "[{ a: 1 }, { b: 2 }]" }],
  [
    "a long string moves below a key of five or more columns",
    { given: { tokenUrl: long(95) }, want: `{\n  tokenUrl:\n    "${long(95)}",\n}` },
  ],
  ["but not below a shorter key", { given: { path: long(95) }, want: `{\n  path: "${long(95)}",\n}` }],
];

describe("literal layout", () => {
  it.each(cases)("%s", async (_, { given, want }) => {
    expect(literal(given).text).toBe(want);
    // The same text is what Prettier prints for it.
    const statement = `x = ${want};\n`;
    expect(await formatTypeScript(statement)).toBe(statement);
  });

  it("counts what follows a group on its line (the trailing comma and `as const`)", () => {
    const value = { a: long(35), b: long(35) };
    const flat = print([trusted("x = "), literalDoc(value), trusted(";")]).text;
    expect(flat).toBe(`x = { a: "${long(35)}", b: "${long(35)}" };`);
    const broken = print([trusted("x = "), literalDoc(value), trusted(" as const satisfies Something;")]).text;
    expect(broken.split("\n")).toHaveLength(4);
  });
});
