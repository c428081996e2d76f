/**
 * Generation: every tool on every document, one fresh process per run, into a folder that does not
 * exist yet (so that no tool can skip work because its output looks current). One warm-up round
 * (page cache, compile cache), then `runs` rounds; within a round the tools take turns, so that a
 * slow phase of the machine is shared rather than landing on one tool. A tool that fails the
 * warm-up on a document is reported with its error and not run again on it.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { BenchDocument, DocId } from "./documents.js";
import type { Tool, ToolId } from "./tools.js";
import { WORK, failureReason, fmtMb, fmtMs, log, median, runNode } from "./util.js";

export interface GenerationResult {
  doc: DocId;
  tool: ToolId;
  ok: boolean;
  error?: string;
  runsMs: number[];
  rssKb: number[];
  medianMs?: number;
  medianRssKb?: number;
  /** Output folder of the last run (kept for the type-check). */
  out: string;
}

export const outputFolder = (doc: DocId, tool: ToolId): string => join(WORK, "out", doc, tool);

export async function benchGeneration(docs: readonly BenchDocument[], tools: readonly Tool[], runs: number, timeoutMs: number): Promise<GenerationResult[]> {
  const results: GenerationResult[] = [];
  for (const doc of docs) {
    const live = new Map<ToolId, GenerationResult>();
    for (const tool of tools) {
      const result: GenerationResult = { doc: doc.id, tool: tool.id, ok: true, runsMs: [], rssKb: [], out: outputFolder(doc.id, tool.id) };
      live.set(tool.id, result);
      results.push(result);
    }
    for (let round = 0; round <= runs; round++) {
      for (const tool of tools) {
        const result = live.get(tool.id)!;
        if (!result.ok) continue;
        rmSync(result.out, { recursive: true, force: true });
        tool.prepare?.(result.out);
        const run = await runNode(tool.args(doc.file, result.out), { cwd: WORK, timeoutMs });
        const label = `${doc.id} ${tool.id} ${round === 0 ? "warm-up" : `run ${round}/${runs}`}`;
        if (!run.ok) {
          result.ok = false;
          result.error = failureReason(run);
          log(`  ${label}: FAILED after ${fmtMs(run.ms)} — ${result.error}`);
          continue;
        }
        log(`  ${label}: ${fmtMs(run.ms)}, ${fmtMb(run.maxRssKb)}`);
        if (round === 0) continue;
        result.runsMs.push(run.ms);
        if (run.maxRssKb !== undefined) result.rssKb.push(run.maxRssKb);
      }
    }
    for (const result of live.values()) {
      if (!result.ok) continue;
      result.medianMs = median(result.runsMs);
      if (result.rssKb.length > 0) result.medianRssKb = median(result.rssKb);
    }
  }
  return results;
}
