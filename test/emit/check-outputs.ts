/**
 * Type-checks every committed output (generated/ and test/snapshots/) in one program, the way
 * the strictest user's build would (the corpus script's options: the DOM lib, no Node types, no
 * unused locals or parameters, `exactOptionalPropertyTypes`). The DOM lib is most of the checker's work, and one program
 * shares it; diagnostics are then reported per output folder.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkingEverything, type TypeScriptApi } from "./check-everything.js";
import { strictCompilerOptions } from "../../scripts/corpus/typecheck.js";

export const repo = resolve(import.meta.dirname, "../..");

export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

export const outputs = [
  ...readdirSync(join(repo, "generated")).map((d) => join("generated", d)),
  ...readdirSync(join(repo, "test/snapshots")).map((d) => join("test/snapshots", d)),
];

/** Where the files users' builds skip (`// @ts-nocheck`) are checked too, or left as users' builds leave them. */
export type Pragmas = "checked" | "honoured";

/** Diagnostics per output folder ("(other)" for any file outside them), formatted relative to the repository. */
export function diagnosticsByOutput(ts: TypeScriptApi, pragmas: Pragmas): Map<string, string[]> {
  const options = strictCompilerOptions(ts);
  const host = ts.createCompilerHost(options);
  const program = ts.createProgram(
    outputs.flatMap((output) => tsFiles(join(repo, output))),
    options,
    pragmas === "checked" ? checkingEverything(options, host, ts) : host,
  );
  const byOutput = new Map<string, string[]>(outputs.map((o) => [o, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => repo,
      getNewLine: () => "\n",
    });
    const output = outputs.find((o) => d.file?.fileName.startsWith(join(repo, o) + "/")) ?? "(other)";
    (byOutput.get(output) ?? byOutput.set(output, []).get(output)!).push(text);
  }
  return byOutput;
}
