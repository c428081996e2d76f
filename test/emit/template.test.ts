import { describe, expect, it } from "vitest";
import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { templatesDir } from "../../src/emit/paths.js";
import { render } from "../../src/emit/template.js";

const templates = readdirSync(templatesDir).filter((f) => f.endsWith(".hbs"));

/** Every `{{...}}` that prints something, in a template's AST. */
function printing(node: hbs.AST.Node, found: hbs.AST.MustacheStatement[] = []): hbs.AST.MustacheStatement[] {
  if (node.type === "MustacheStatement") found.push(node as hbs.AST.MustacheStatement);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((v) => v && typeof v === "object" && "type" in v && printing(v, found));
    else if (value && typeof value === "object" && "type" in value) printing(value as hbs.AST.Node, found);
  }
  return found;
}

describe("templates (STYLE.md §2: document text reaches code only through an encoder)", () => {
  it("there are templates to check", () => {
    expect(templates.length).toBeGreaterThan(0);
  });

  it.each(templates)("%s prints only through {{code ...}} and never with a triple-stash", (name) => {
    const source = readFileSync(join(templatesDir, name), "utf8");
    expect(source).not.toMatch(/\{\{\{|\{\{&/);
    for (const statement of printing(Handlebars.parse(source))) {
      expect(statement.escaped, `raw output at line ${statement.loc.start.line}`).toBe(true);
      expect((statement.path as hbs.AST.PathExpression).original, `line ${statement.loc.start.line}`).toBe("code");
      expect(statement.params).toHaveLength(1);
    }
  });

  it("refuses to print a plain string, even one that looks harmless", async () => {
    await expect(render("index.ts.hbs", { header: "// hi" })).rejects.toThrow(/not encoded Code/);
  });
});
