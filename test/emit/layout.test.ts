/**
 * The layout printer (src/emit/layout.ts), which writes both index.ts and schema.ts, against
 * Prettier's own output for the same shapes.
 */
import { describe, expect, it } from "vitest";
import { trusted } from "../../src/emit/code.js";
import { align, block, group, hardline, ifBreak, indent, line, print, softline } from "../../src/emit/layout.js";
import { identifier, stringLiteral } from "../../src/emit/schema/literals.js";
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
  [
    "East Asian wide characters take two columns",
    { given: { first: "漢".repeat(25), second: long(30) }, want: `{\n  first: "${"漢".repeat(25)}",\n  second: "${long(30)}",\n}` },
  ],
  [
    "so do emoji",
    { given: { first: "✅".repeat(12), second: long(60) }, want: `{\n  first: "${"✅".repeat(12)}",\n  second: "${long(60)}",\n}` },
  ],
  ["combining marks take none", { given: { first: "e\u0301".repeat(10), second: long(60) }, want: `{ first: "${"e\u0301".repeat(10)}", second: "${long(60)}" }` }],
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

describe("layout printer", () => {
  const t = trusted;

  it("breaks every group around a hard line break", () => {
    expect(print(group([t("a"), line, group([t("b"), line, t("c")]), hardline, t("d")])).text).toBe("a\nb c\nd");
  });

  it("indents the lines inside `align` by its width", () => {
    const union = group(indent([softline, ifBreak(t("| ")), align(2, group([t("A<"), indent([softline, t(long(98))]), softline, t(">")])), line, t("| B")]));
    expect(print([t("type X ="), union]).text).toBe(`type X =\n  | A<\n      ${long(98)}\n    >\n  | B`);
  });

  it("writes a block as rendered at its indentation, and looks ahead only as far as its head", () => {
    const body = block(t("{"), (at) => t(`{\n${at}  a: 1;\n${at}}`));
    expect(print(indent([hardline, group([t("x"), line, body])])).text).toBe("\n  x\n  {\n    a: 1;\n  }");
    const fitsBefore = (head: string) => print([group([t(long(97)), line, t("z")]), block(t(head), () => t(head + "\n}"))]).text;
    expect(fitsBefore("{")).toBe(`${long(97)} z{\n}`);
    expect(fitsBefore("{{")).toBe(`${long(97)}\nz{{\n}`);
  });

  it("drops the spaces before a line break, and not counting them, keeps a group flat (Prettier 3's `fits`)", () => {
    expect(print([group([t(long(99)), indent([softline, t("z")]), line]), hardline, t("y")]).text).toBe(`${long(99)}z\ny`);
    expect(print([t("a"), hardline, hardline, t("b")]).text).toBe("a\n\nb");
  });
});

describe("schema.ts literals", () => {
  it("spell strings as TypeScript's printer then Prettier would", () => {
    expect(stringLiteral('say "hi"').text).toBe(`'say "hi"'`);
    expect(stringLiteral("é\n").text).toBe('"\\u00E9\\n"');
  });

  it("refuse a name that is not an identifier", () => {
    expect(() => identifier("a-b", "key")).toThrow(/not an identifier/);
    expect(identifier("$defs", "type name").text).toBe("$defs");
  });
});
