/**
 * A corpus worker (a child process of scripts/corpus.ts): generates one document or
 * type-checks one batch of clients per message. Running in a child lets the parent kill
 * a generation that hangs, or a process that runs out of memory, and go on.
 */
import { generate } from "../../src/generate.js";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
import { typecheckClients, writeForCheck } from "./typecheck.js";

export type Request =
  | { type: "generate"; id: string; spec: string; dir: string; sharedRuntime: string; runtime: [string, string][] }
  | { type: "typecheck"; dirs: string[] };

export type Outcome =
  | { outcome: "ok"; warnings: string[]; bytes: number }
  | { outcome: "diagnostic"; diagnostics: { message: string; located: boolean; pointer?: string }[] }
  | { outcome: "crash"; error: string; stack: string };

export type Reply =
  | ({ type: "generated"; id: string; ms: number } & Outcome)
  | { type: "checked"; ms: number; byDir: [string, { code: number; message: string; at: string }[]][] };

let runtime: Map<string, string> | undefined;

async function handle(request: Request): Promise<Reply> {
  const started = performance.now();
  if (request.type === "typecheck") {
    const byDir = typecheckClients(request.dirs);
    return { type: "checked", ms: performance.now() - started, byDir: [...byDir] };
  }
  runtime ??= new Map(request.runtime);
  const ms = (): number => performance.now() - started;
  try {
    const result = await generate({ spec: request.spec, output: request.dir, write: false });
    writeForCheck(request.dir, result.files, request.sharedRuntime, runtime);
    const bytes = (result.files.get("index.ts")?.length ?? 0) + (result.files.get("schema.ts")?.length ?? 0);
    return { type: "generated", id: request.id, ms: ms(), outcome: "ok", warnings: result.warnings.map((w) => w.message), bytes };
  } catch (error) {
    if (error instanceof DiagnosticError) {
      const diagnostics = error.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => ({ message: d.message, located: d.line !== undefined, ...(d.pointer === undefined ? {} : { pointer: d.pointer }) }));
      return { type: "generated", id: request.id, ms: ms(), outcome: "diagnostic", diagnostics };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    return { type: "generated", id: request.id, ms: ms(), outcome: "crash", error: `${e.name}: ${e.message}`, stack: e.stack ?? "" };
  }
}

process.on("message", (request: Request) => {
  void handle(request).then((reply) => process.send!(reply));
});
