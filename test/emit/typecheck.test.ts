/**
 * Generated clients are a product: every committed output type-checks under `strict`
 * with the DOM lib and no Node types (they must run in browsers and workers too), and
 * without unused locals or parameters.
 */
import { beforeAll, describe, expect, it } from "vitest";
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

/**
 * One program for every output: the DOM lib is most of the checker's work, and it is
 * shared. Diagnostics are then reported per output folder.
 */
function diagnosticsByOutput(): Map<string, string[]> {
  const program = ts.createProgram(
    outputs.flatMap((output) => tsFiles(join(repo, output))),
    {
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
    },
  );
  const byOutput = new Map<string, string[]>(outputs.map((o) => [o, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => repo, getNewLine: () => "\n" });
    const output = outputs.find((o) => d.file?.fileName.startsWith(join(repo, o) + "/"));
    (output === undefined ? (byOutput.get("(other)") ?? byOutput.set("(other)", []).get("(other)")!) : byOutput.get(output)!).push(text);
  }
  return byOutput;
}

describe("generated clients type-check under strict, DOM lib, no Node types", () => {
  let diagnostics: Map<string, string[]>;
  beforeAll(() => {
    diagnostics = diagnosticsByOutput();
  }, 180_000);

  it.each(outputs)("%s", (output) => {
    expect(diagnostics.get(output)).toEqual([]);
  });

  it("nothing outside the outputs is reported", () => {
    expect(diagnostics.get("(other)") ?? []).toEqual([]);
  });
});
