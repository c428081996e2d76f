/**
 * Operation type names (`…Operation`, `…Args`, `…Result`) must never collide with the names
 * a generated index.ts or types.ts declares or imports itself. naming.ts keeps those names in a list;
 * this proves the list complete against every committed client.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { operationTypeNames, TOP_LEVEL_TYPE_NAMES } from "../../src/model/naming.js";

const repo = resolve(import.meta.dirname, "../..");
const clients = ["generated", "test/snapshots"].flatMap((dir) => readdirSync(join(repo, dir)).map((d) => join(dir, d, "index.ts")));

/** Every name a file binds at top level (imports, declarations), and the keys of `operations` if it declares it. */
function topLevel(source: string): { names: string[]; operations: string[] } {
  const file = ts.createSourceFile("index.ts", source, ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  const operations: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        names.push(d.name.text);
        if (d.name.text === "operations" && d.initializer) {
          let init: ts.Expression = d.initializer;
          while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
          if (ts.isObjectLiteralExpression(init)) operations.push(...init.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : "?")));
        }
      }
    } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    }
  }
  return { names, operations };
}

describe("operation type names cannot collide with a client's own names", () => {
  it.each(clients)("%s", (client) => {
    // index.ts's own names, and those of types.ts, where the operation types are declared.
    const names = [client, join(client, "../types.ts")].flatMap((file) => topLevel(readFileSync(join(repo, file), "utf8")).names);
    // The table lives in operations.ts, which index.ts imports it from.
    const { operations } = topLevel(readFileSync(join(repo, client, "../operations.ts"), "utf8"));
    expect(operations.length).toBeGreaterThan(0);
    const derived = new Set(operations.flatMap((op) => Object.values(operationTypeNames(op))));
    const own = names.filter((n) => !derived.has(n));
    expect(own.filter((n) => !TOP_LEVEL_TYPE_NAMES.has(n))).toEqual([]);
  });
});
