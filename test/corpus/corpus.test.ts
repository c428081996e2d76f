/**
 * The fixed corpus sample (test/fixtures/corpus, 40 real-world documents; CORPUS.md): every
 * document either yields a client that type-checks under the options the committed clients
 * are held to, or fails with a located DiagnosticError. No crash, no output that does not
 * compile. All outputs are checked in one TypeScript program; the runtime they share once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generate } from "../../src/generate.js";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
import { typecheckClients, writeForCheck, writeSharedRuntime, type TypeError } from "../../scripts/corpus/typecheck.js";

const sample = resolve(import.meta.dirname, "../fixtures/corpus");
const documents = readdirSync(sample).filter((f) => f.endsWith(".json")).sort();

type Outcome = { kind: "generated"; dir: string } | { kind: "diagnostic"; error: DiagnosticError } | { kind: "crash"; error: unknown };
const outcomes = new Map<string, Outcome>();
let typeErrors = new Map<string, TypeError[]>();

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "corpus-"));
  const sharedRuntime = join(root, "_runtime");
  let runtime: Map<string, string> | undefined;
  for (const name of documents) {
    try {
      const { files } = await generate({ spec: join(sample, name), write: false });
      if (runtime === undefined) {
        runtime = new Map([...files].filter(([p]) => p.startsWith("runtime/")));
        writeSharedRuntime(sharedRuntime, runtime);
      }
      const dir = join(root, name.replace(/\.json$/, ""));
      writeForCheck(dir, files, sharedRuntime, runtime);
      outcomes.set(name, { kind: "generated", dir });
    } catch (error) {
      outcomes.set(name, error instanceof DiagnosticError ? { kind: "diagnostic", error } : { kind: "crash", error });
    }
  }
  const dirs = [...outcomes.values()].flatMap((o) => (o.kind === "generated" ? [o.dir] : []));
  typeErrors = typecheckClients(dirs);
}, 180_000);

describe("corpus sample: a client that type-checks, or a located diagnostic", () => {
  it("holds 40 documents", () => {
    expect(documents).toHaveLength(40);
  });

  it.each(documents)("%s", (name) => {
    const outcome = outcomes.get(name)!;
    if (outcome.kind === "crash") throw outcome.error;
    if (outcome.kind === "diagnostic") {
      for (const d of outcome.error.diagnostics) expect(d.line, d.message).toBeTypeOf("number");
      return;
    }
    expect(typeErrors.get(outcome.dir)?.map((e) => `${e.at}: TS${e.code} ${e.message}`)).toEqual([]);
  });

  it("the shared runtime type-checks", () => {
    expect(typeErrors.get("runtime") ?? []).toEqual([]);
  });
});
