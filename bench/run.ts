/**
 * `npm run bench` — issue 7's benchmarks in one run: generation (four real documents, the peers in
 * the same run), type-check cost, runtime, bundle size, incremental runs. Prints one markdown
 * report (stdout; progress on stderr) and keeps the raw results in bench/.work/results/.
 *
 *   npm run bench                   everything (about half an hour on 2 cores)
 *   npm run bench -- --quick        small + medium documents, 3 runs, short runtime loops
 *   options: --runs=N  --tc-runs=N  --docs=small,medium,stripe,github
 *            --tools=ours,openapi-typescript,hey-api,orval,oazapfts
 *            --only=generation,typecheck,runtime,size,incremental  --no-build
 *            --write-md   replace the results block of BENCHMARKS.md with this run's report
 *            --report=bench/.work/results/<run>.json   render a saved run again, measuring nothing
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { DOC_IDS, pickDocuments, type DocId } from "./lib/documents.js";
import { benchGeneration } from "./lib/generation.js";
import { benchIncremental } from "./lib/incremental.js";
import { render, type BenchResults } from "./lib/report.js";
import { benchRuntime, benchSize } from "./lib/runtime.js";
import { ensurePeers, installedVersion } from "./lib/setup.js";
import { TOOL_IDS, tools as allTools, type ToolId } from "./lib/tools.js";
import { benchTypecheck } from "./lib/typecheck.js";
import { ROOT, WORK, hasGnuTime, log } from "./lib/util.js";

const SECTIONS = ["generation", "typecheck", "runtime", "size", "incremental"] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]) {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    flags.set(m[1]!, m[2] ?? "true");
  }
  const known = ["quick", "runs", "tc-runs", "docs", "tools", "only", "no-build", "write-md", "report"];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k} (known: ${known.join(", ")})`);
  const quick = flags.has("quick");
  const list = <T extends string>(name: string, all: readonly T[], fallback: readonly T[]): T[] => {
    const v = flags.get(name);
    if (v === undefined) return [...fallback];
    const items = v.split(",").filter(Boolean) as T[];
    for (const item of items) if (!all.includes(item)) throw new Error(`--${name}: unknown ${item} (known: ${all.join(", ")})`);
    return items;
  };
  const int = (name: string, fallback: number): number => {
    const v = flags.get(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`--${name} must be an integer in 1..50`);
    return n;
  };
  return {
    quick,
    runs: int("runs", quick ? 3 : 5),
    // 9 rounds: with 5, the GitHub ratio read 1.03× and 1.17× an hour apart for the same output (BENCHMARKS.md).
    tcRuns: int("tc-runs", quick ? 1 : 9),
    docs: list<DocId>("docs", DOC_IDS, quick ? ["small", "medium"] : DOC_IDS),
    tools: list<ToolId>("tools", TOOL_IDS, TOOL_IDS),
    only: list<Section>("only", SECTIONS, SECTIONS),
    build: !flags.has("no-build"),
    writeMd: flags.has("write-md"),
    /** Re-render the report of a saved run (bench/.work/results/*.json) without measuring. */
    report: flags.get("report"),
  };
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

const opts = parseArgs(process.argv.slice(2));
const started = Date.now();
const dir = join(WORK, "results");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

async function measure(): Promise<BenchResults> {
  log(`bench: ${JSON.stringify(opts)}`);
  ensurePeers();

  let buildNote = "dist/ as found (--no-build)";
  if (opts.build) {
    try {
      execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], timeout: 10 * 60_000 });
      buildNote = "built by this run";
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? "").trim().split("\n")[0] ?? "";
      buildNote = `npm run build FAILED (${stderr}); measured the existing dist/`;
      log(`bench: ${buildNote}`);
    }
  }

  const dirty = git(["status", "--porcelain", "--", "src", "templates", "bin"]) !== "";
  const tools = allTools().filter((t) => opts.tools.includes(t.id));
  const docs = pickDocuments(opts.docs);
  for (const d of docs) log(`document ${d.id}: ${d.source} (${d.bytes} bytes, ${d.operations} operations)`);

  const results: BenchResults = {
    env: {
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model.trim() ?? "?",
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.versions.node,
      os: `${type()} ${release()}`,
      typescript: installedVersion("typescript", join(ROOT, "node_modules")) ?? "?",
      commit: `${git(["rev-parse", "--short", "HEAD"])}${dirty ? " + uncommitted changes in src/" : ""}`,
      build: buildNote,
      rss: hasGnuTime ? "GNU time %M" : "process.resourceUsage().maxRSS (preload)",
      runs: opts.runs,
      typecheckRuns: opts.tcRuns,
      loadAtStart: loadavg()[0]!,
    },
    tools: tools.map((t) => ({ id: t.id, label: t.label, version: t.version(), emits: t.emits })),
    documents: docs,
    generation: [],
    typecheck: [],
  };
  // Saved after each section, so that a crash late in a long run keeps what was measured.
  const save = () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  };

  const GEN_TIMEOUT = 15 * 60_000;
  if (opts.only.includes("generation") || opts.only.includes("typecheck")) {
    log("== generation");
    results.generation = await benchGeneration(docs, tools, opts.only.includes("generation") ? opts.runs : 0, GEN_TIMEOUT);
    save();
  }
  if (opts.only.includes("typecheck")) {
    log("== type-check");
    results.typecheck = await benchTypecheck(docs, tools, results.generation, opts.tcRuns, GEN_TIMEOUT);
    save();
  }
  if (opts.only.includes("runtime")) {
    log("== runtime");
    results.runtime = await benchRuntime(opts.quick);
    save();
  }
  if (opts.only.includes("size")) {
    log("== size");
    results.size = await benchSize();
  }
  if (opts.only.includes("incremental")) {
    log("== incremental");
    results.incremental = await benchIncremental(opts.runs);
  }
  results.env.loadAtEnd = loadavg()[0]!;
  results.env.minutes = Math.round((Date.now() - started) / 60_000);
  save();
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

const results = opts.report === undefined ? await measure() : (JSON.parse(readFileSync(opts.report, "utf8")) as BenchResults);
const report = render(results, allTools().filter((t) => results.tools.some((r) => r.id === t.id)));
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "latest.md"), report);
if (opts.writeMd) {
  const file = join(ROOT, "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${begin} … ${end} block`);
  writeFileSync(file, `${text.slice(0, a + begin.length)}\n\n${report}\n${text.slice(b)}`);
  log("bench: BENCHMARKS.md results block updated");
}
process.stdout.write(report);
if (opts.report === undefined) log(`bench: done in ${Math.round((Date.now() - started) / 1000)} s; raw results in bench/.work/results/${stamp}.json`);
