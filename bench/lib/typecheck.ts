/**
 * Type-check cost of each output, as a user's editor or CI pays it: a tiny file that imports the
 * client and makes one call, checked with `tsc --noEmit --strict` (TypeScript from the project's
 * own dependencies). Whole program: the generated files are .ts, so they are checked in full;
 * `skipLibCheck` only skips the peers' published .d.ts runtimes (openapi-fetch, @oazapfts/runtime).
 */
import { writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { BenchDocument, DocId } from "./documents.js";
import type { GenerationResult } from "./generation.js";
import type { Tool, ToolId } from "./tools.js";
import { ROOT, failureReason, fmtMb, fmtMs, log, median, runNode } from "./util.js";

export interface TypecheckResult {
  doc: DocId;
  tool: ToolId;
  variant: string;
  calls: string;
  ok: boolean;
  /** tsc ran but reported errors (the time is still the cost). */
  errors: number;
  firstError?: string;
  error?: string;
  medianMs?: number;
  /** Each round's time, in round order: every tool ran once per round, in turn. */
  roundMs?: number[];
  medianRssKb?: number;
  /** From --extendedDiagnostics: the checker's own time (median over the runs) and the type count. */
  checkTimeS?: number;
  types?: number;
}

const TSC = join(ROOT, "node_modules", "typescript", "lib", "tsc.js");

export async function benchTypecheck(
  docs: readonly BenchDocument[],
  tools: readonly Tool[],
  generated: readonly GenerationResult[],
  runs: number,
  timeoutMs: number,
): Promise<TypecheckResult[]> {
  const results: TypecheckResult[] = [];
  for (const doc of docs) {
    // Every check file of this document first, then the runs in rounds, each round running
    // every tool once: this VM's speed drifts with its host, and a tool whose runs were all
    // consecutive would take the drift alone (`roundMs` lets the report pair the rounds).
    const jobs: { result: TypecheckResult; tsconfig: string; folder: string; slug: string; roundMs: number[]; checkTimes: number[]; rss: number[] }[] = [];
    for (const tool of tools) {
      const gen = generated.find((g) => g.doc === doc.id && g.tool === tool.id);
      if (gen === undefined) continue;
      if (!gen.ok) {
        results.push({ doc: doc.id, tool: tool.id, variant: "", calls: "", ok: false, errors: 0, error: "not generated" });
        continue;
      }
      const folder = dirname(gen.out);
      const outName = relative(folder, gen.out);
      for (const check of tool.checkFiles(doc, outName, gen.out)) {
        const slug = `${tool.id}${check.variant === "" ? "" : `-${check.variant.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`}`;
        const file = join(folder, `check-${slug}.ts`);
        const tsconfig = join(folder, `tsconfig-${slug}.json`);
        writeFileSync(file, check.source);
        writeFileSync(
          tsconfig,
          `${JSON.stringify(
            {
              compilerOptions: {
                target: "ES2022",
                module: "ESNext",
                moduleResolution: "Bundler",
                lib: ["ES2023", "DOM", "DOM.Iterable"],
                types: [],
                strict: true,
                noEmit: true,
                skipLibCheck: true,
              },
              files: [relative(folder, file)],
            },
            null,
            2,
          )}\n`,
        );
        const result: TypecheckResult = { doc: doc.id, tool: tool.id, variant: check.variant, calls: check.calls, ok: true, errors: 0 };
        results.push(result);
        jobs.push({ result, tsconfig, folder, slug, roundMs: [], checkTimes: [], rss: [] });
      }
    }
    for (let i = 0; i < runs; i++) {
      for (const job of jobs) {
        const { result, folder } = job;
        if (!result.ok) continue;
        const run = await runNode([TSC, "-p", job.tsconfig, "--noEmit", "--strict", "--extendedDiagnostics", "--pretty", "false"], { cwd: folder, timeoutMs });
        const errors = run.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
        if (run.timedOut || run.signal !== null || (run.exitCode !== 0 && errors.length === 0)) {
          result.ok = false;
          result.error = failureReason(run);
          log(`  tsc ${doc.id} ${job.slug}: FAILED — ${result.error}`);
          continue;
        }
        result.errors = errors.length;
        if (errors.length > 0) result.firstError = errors[0]!.replace(folder, "").trim().slice(0, 240);
        job.roundMs.push(run.ms);
        if (run.maxRssKb !== undefined) job.rss.push(run.maxRssKb);
        const check = /Check time:\s+([\d.]+)s/.exec(run.stdout);
        const types = /Types:\s+(\d+)/.exec(run.stdout);
        if (check) job.checkTimes.push(Number(check[1]));
        if (types) result.types = Number(types[1]);
        log(`  tsc ${doc.id} ${job.slug}: ${fmtMs(run.ms)}, ${fmtMb(run.maxRssKb)}${errors.length > 0 ? `, ${errors.length} errors` : ""}`);
      }
    }
    for (const { result, roundMs, checkTimes, rss } of jobs) {
      if (!result.ok) continue;
      result.roundMs = roundMs;
      result.medianMs = median(roundMs);
      if (checkTimes.length > 0) result.checkTimeS = median(checkTimes);
      if (rss.length > 0) result.medianRssKb = median(rss);
    }
  }
  return results;
}
