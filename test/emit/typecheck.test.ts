/**
 * Generated clients are a product: every committed output type-checks under `strict`
 * with the DOM lib and no Node types (they must run in browsers and workers too), and
 * without unused locals or parameters.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "../..");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const outputs = [
  ...readdirSync(join(repo, "generated")).map((d) => join("generated", d)),
  ...readdirSync(join(repo, "test/snapshots")).map((d) => join("test/snapshots", d)),
];

describe("generated clients type-check under strict, DOM lib, no Node types", () => {
  it.each(outputs)("%s", (output) => {
    const program = ts.createProgram(tsFiles(join(repo, output)), {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: [],
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => repo, getNewLine: () => "\n" }));
    expect(diagnostics).toEqual([]);
  });
});
