import { describe, expect, it } from "vitest";
import ts from "typescript";
import { identifier, jsdoc, jsdocLines, lineComment, memberName, objectKey, stringLiteral, typePropertyKey } from "../../src/emit/encode.js";

/** Evaluates a TypeScript expression the way a consumer of generated code would see it. */
function evaluate(expression: string): unknown {
  const js = ts.transpileModule(`export default (${expression});`, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as { default?: unknown } };
  new Function("module", "exports", js)(module, module.exports);
  return module.exports.default;
}

const hostile = [
  'quote " and \\ backslash',
  "`${process.exit(1)}` template",
  "*/ process.exit(1); /*",
  "line\nbreak\r\nand\u2028separators\u2029",
  "</script><script>alert(1)</script>",
  "__proto__",
  "constructor",
  "\u0000 nul",
  "x".repeat(10_000),
];

describe("stringLiteral", () => {
  it.each(hostile)("round-trips %j exactly", (text) => {
    expect(evaluate(stringLiteral(text).text)).toBe(text);
  });
  it("escapes line separators that older parsers treat as line ends", () => {
    expect(stringLiteral("a\u2028b").text).toBe('"a\\u2028b"');
  });
  it("quotes as Prettier does: double, unless the text has more double quotes than single ones", () => {
    expect(stringLiteral('say "hi"').text).toBe(`'say "hi"'`);
    expect(stringLiteral(`it's "x"`).text).toBe(`'it\\'s "x"'`);
    expect(stringLiteral(`"a" 'b'`).text).toBe(`"\\"a\\" 'b'"`);
  });
});

describe("objectKey and typePropertyKey", () => {
  it.each(hostile)("an object literal keyed by %j has exactly that own key", (key) => {
    const value = evaluate(`{ ${objectKey(key).text}: 1 }`) as object;
    expect(Object.keys(value)).toEqual([key]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
  it("prints ES5 identifier names bare, as Prettier's quoteProps as-needed does", () => {
    expect(typePropertyKey("名前").text).toBe("名前");
    expect(typePropertyKey("ünï").text).toBe("ünï");
    expect(typePropertyKey("\u{1D49C}").text).toBe('"\u{1D49C}"');
    expect(typePropertyKey("a-b").text).toBe('"a-b"');
  });
  it("prints identifiers bare and quotes the rest", () => {
    expect(typePropertyKey("BasicAuthentication").text).toBe("BasicAuthentication");
    expect(typePropertyKey("X-API-Key").text).toBe('"X-API-Key"');
    expect(objectKey("__proto__").text).toBe('["__proto__"]');
  });
});

describe("jsdoc", () => {
  it.each(hostile)("keeps %j inside the comment", (text) => {
    const comment = jsdoc([text]).text;
    // The whole comment must scan as one comment token followed by the end of input.
    const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, `${comment}\nconst x = 1;`);
    const kinds: ts.SyntaxKind[] = [];
    for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) kinds.push(k);
    expect(kinds.slice(0, 2)).toEqual([ts.SyntaxKind.MultiLineCommentTrivia, ts.SyntaxKind.NewLineTrivia]);
    expect(kinds.filter((k) => k === ts.SyntaxKind.MultiLineCommentTrivia)).toHaveLength(1);
  });
  it("cannot forge a JSDoc tag at a line start", () => {
    expect(jsdoc(["text\n@deprecated forged"]).text).toContain(" * \\@deprecated forged");
  });
  it("prints a one-line comment for one line and nothing for no text", () => {
    expect(jsdoc(["One line."]).text).toBe("/** One line. */");
    expect(jsdoc([undefined, "  "]).text).toBe("");
  });
});

describe("jsdoc wrapping", () => {
  const lines = (text: string) => jsdocLines(text).map((c) => c.text);
  it("wraps prose at 90 columns on spaces, keeping every word", () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const wrapped = lines(text);
    expect(wrapped.length).toBeGreaterThan(1);
    for (const line of wrapped) expect(line.length).toBeLessThanOrEqual(90);
    expect(wrapped.join(" ")).toBe(text);
  });
  it("never starts a continuation line with a list marker, heading, quote, table bar or tag", () => {
    const text = `${"a".repeat(85)} - not-a-list # not-a-heading @notatag 1. not-numbered | x`;
    for (const line of lines(text).slice(1)) expect(line).not.toMatch(/^([-*+#>|@]|\d+[.)])/);
  });
  it("keeps fenced code and table rows as they are", () => {
    const long = "x".repeat(120);
    expect(lines(`\`\`\`\n${long} ${long}\n\`\`\``)).toEqual(["```", `${long} ${long}`, "```"]);
    expect(lines(`| ${long} | ${long} |`)).toEqual([`| ${long} | ${long} |`]);
  });
});

describe("lineComment", () => {
  it("folds every line terminator, so nothing after it becomes code", () => {
    expect(lineComment("a\u2028process.exit(1)\nb").text).toBe("// a process.exit(1) b");
  });
});

describe("identifier and memberName", () => {
  it("refuse what is not an identifier (a bug upstream, never silent)", () => {
    expect(() => identifier("a-b")).toThrow(/not a usable identifier/);
    expect(() => identifier("class")).toThrow(/not a usable identifier/);
    expect(() => memberName("a b")).toThrow(/not a usable member name/);
    expect(memberName("delete").text).toBe("delete");
  });
});
