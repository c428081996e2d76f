/**
 * One pass over the specs: generate (or skip) and write, or `--check`; a report per spec.
 * Every spec is tried even when an earlier one fails, so a run names all the problems at once.
 *
 * Exit code (PRODUCT.md), the worst over the specs: 3 an internal error, 2 bad input, 1 `--check`
 * found drift, 0 otherwise.
 */
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkUpToDate, compareWithDisk, defaultOutput, generate, type Drift, type GenerateOptions } from "../generate.js";
import { readOutputFolder } from "../write/output-folder.js";
import { generatorVersion } from "../version.js";
import { shortDiff } from "./diff.js";
import type { Output } from "./output.js";

export type SpecStatus =
  /** The folder was (re)written. */
  | "written"
  /** Generated, and identical to the folder on disk: nothing written. */
  | "unchanged"
  /** The output's header records the same inputs and generator build, and its files are as written: not generated, nothing written. */
  | "skipped"
  /** --check: the folder holds exactly what would be generated (proved by its header's record, or by generating). */
  | "current"
  /** --check: it does not. */
  | "drift"
  /** Bad input (or a bug): see diagnostics / internalError. */
  | "error";

export interface FileChange extends Drift {
  /** For a stale file under --check: a few lines of unified diff, "-" on disk, "+" generated. */
  diff?: string[];
}

export interface SpecReport {
  spec: string;
  overlays: string[];
  output: string;
  status: SpecStatus;
  /** Why a spec was skipped, or regenerated rather than skipped. */
  reason?: string;
  durationMs: number;
  /** Files the generated client has (when it was generated). */
  fileCount?: number;
  /** Files written (every file of the folder when it was replaced; none otherwise). */
  filesWritten: string[];
  /** How the folder on disk differed from the generated files (what was written, or --check's drift). */
  changes: FileChange[];
  diagnostics: Diagnostic[];
  /** The spec, its overlays and its `$ref`'d files, as far as known: what watch mode watches. */
  sources: string[];
  internalError?: string;
}

export interface RunReport {
  tool: "gen-auth-client";
  version: string;
  mode: "generate" | "check";
  /** The config file the specs came from, if any. */
  config?: string;
  exitCode: 0 | 1 | 2 | 3;
  durationMs: number;
  summary: Record<SpecStatus, number>;
  specs: SpecReport[];
  /** Problems that are not about one spec (the config file's). */
  diagnostics: Diagnostic[];
}

export interface PassOptions {
  check: boolean;
  /** Generate even when the output records unchanged inputs. */
  force: boolean;
  config?: string;
  /** Config-level diagnostics (warnings) to report with this pass. */
  diagnostics?: Diagnostic[];
}

const MAX_DIFFS_PER_SPEC = 10;

const ms = (since: number): number => Math.round(performance.now() - since);
const folder = (output: string): string => `${output.replace(/[\\/]+$/, "")}/`;

export async function runPass(targets: readonly GenerateOptions[], options: PassOptions, out: Output): Promise<RunReport> {
  const started = performance.now();
  for (const d of options.diagnostics ?? []) out.diagnostic(d);
  const specs: SpecReport[] = [];
  for (const [i, target] of targets.entries()) {
    out.progress(`[${i + 1}/${targets.length}] ${target.spec}`);
    specs.push(await runOne(target, options, out));
  }
  out.progress(undefined);

  const summary: Record<SpecStatus, number> = { written: 0, unchanged: 0, skipped: 0, current: 0, drift: 0, error: 0 };
  for (const s of specs) summary[s.status]++;
  const exitCode = specs.some((s) => s.internalError !== undefined) ? 3 : summary.error > 0 ? 2 : summary.drift > 0 ? 1 : 0;
  const report: RunReport = {
    tool: "gen-auth-client",
    version: generatorVersion,
    mode: options.check ? "check" : "generate",
    ...(options.config === undefined ? {} : { config: options.config }),
    exitCode,
    durationMs: ms(started),
    summary,
    specs,
    diagnostics: options.diagnostics ?? [],
  };

  if (options.check && summary.drift > 0) {
    const forced = specs.some((s) => s.status === "drift" && s.reason === "recorded as current");
    out.failure(forced ? "Run gen-auth-client --force to update (their headers record them as current, so a plain run would skip them)." : "Run gen-auth-client to update.");
  }
  if (specs.length > 1) {
    const counts = (Object.keys(summary) as SpecStatus[]).filter((k) => summary[k] > 0).map((k) => `${summary[k]} ${k}`);
    out.info(`${specs.length} specs: ${counts.join(", ")} (${report.durationMs} ms)`);
  }
  return report;
}

async function runOne(target: GenerateOptions, options: PassOptions, out: Output): Promise<SpecReport> {
  const started = performance.now();
  const output = target.output ?? defaultOutput(target.spec);
  const report: SpecReport = {
    spec: target.spec,
    overlays: [...(target.overlays ?? [])],
    output,
    status: "error",
    durationMs: 0,
    filesWritten: [],
    changes: [],
    diagnostics: [],
    sources: [target.spec, ...(target.overlays ?? [])],
  };
  try {
    // The header's record proves an output current without the pipeline: same generator build,
    // same inputs, and the files hash to what was written. A plain run then skips the spec and
    // --check passes it; only --force (with --check: prove by generating) looks further.
    // Under --check --force the record is still read, to tell whether a plain run would skip.
    const recorded = options.force && !options.check ? undefined : await checkUpToDate({ ...target, output });
    if (recorded?.upToDate === true && !options.force) {
      report.status = options.check ? "current" : "skipped";
      report.reason = "inputs, generator and files unchanged";
      report.sources = recorded.sources;
      report.durationMs = ms(started);
      out.info(options.check ? `${folder(output)} is current (${report.durationMs} ms)` : `${target.spec} → ${folder(output)} skipped: unchanged (${report.durationMs} ms)`);
      return report;
    }
    if (recorded?.reason !== undefined) report.reason = recorded.reason;

    const result = await generate({ ...target, output, write: !options.check });
    report.sources = result.sources;
    report.fileCount = result.files.size;
    report.diagnostics = result.warnings;
    for (const warning of result.warnings) out.diagnostic(warning);

    if (!options.check) {
      report.changes = result.changes ?? [];
      report.status = result.written === true ? "written" : "unchanged";
      if (result.written === true) report.filesWritten = [...result.files.keys()];
      report.durationMs = ms(started);
      out.info(
        result.written === true
          ? `${target.spec} → ${folder(output)} (${result.files.size} files, ${report.durationMs} ms)`
          : `${target.spec} → ${folder(output)} unchanged (${report.durationMs} ms)`,
      );
      return report;
    }

    const drift = await compareWithDisk(result);
    report.durationMs = ms(started);
    if (drift.length === 0) {
      report.status = "current";
      out.info(`${folder(output)} is current (${report.durationMs} ms)`);
      return report;
    }
    report.status = "drift";
    // Would a plain run skip this spec (its record says current, yet generating differs)? Then the
    // hint must say --force.
    if (recorded?.upToDate === true) report.reason = "recorded as current";
    const onDisk = await readOutputFolder(output);
    let diffs = 0;
    report.changes = drift.map((d): FileChange => {
      if (d.change !== "stale" || diffs++ >= MAX_DIFFS_PER_SPEC) return d;
      return { ...d, diff: shortDiff(onDisk.get(d.path) ?? "", result.files.get(d.path) ?? "") };
    });
    printDrift(report, out);
    return report;
  } catch (error) {
    report.durationMs = ms(started);
    if (error instanceof DiagnosticError) {
      report.diagnostics = [...report.diagnostics, ...error.diagnostics];
      for (const d of error.diagnostics) out.diagnostic(d);
    } else {
      report.internalError = error instanceof Error ? error.message : String(error);
      out.internalError(report.internalError);
    }
    return report;
  }
}

function printDrift(report: SpecReport, out: Output): void {
  const base = folder(report.output);
  out.failure(`${base} differs from ${report.spec}:`);
  const missing = report.changes.filter((c) => c.change === "missing");
  if (missing.length === report.fileCount && missing.length === report.changes.length) {
    // Nothing there at all: one line, not one per file.
    out.failure(`  missing: ${base} (${missing.length} files)`);
    out.driftAnnotation(report.output, `${base} is missing: run gen-auth-client to generate it from ${report.spec}`);
    return;
  }
  for (const change of report.changes) {
    out.failure(`  ${change.change}: ${base}${change.path}${change.diff ? " (- on disk, + generated)" : ""}`);
    for (const line of change.diff ?? []) out.failure(`    ${line}`);
    const what = { stale: "differs from what", missing: "is missing from what", extra: "is not part of what" }[change.change];
    out.driftAnnotation(`${base}${change.path}`, `${change.change}: ${what} gen-auth-client generates from ${report.spec}`);
  }
}

/** The report of a run that stopped at the config file (exit 2). */
export function configErrorReport(config: string | undefined, diagnostics: readonly Diagnostic[], check = false): RunReport {
  return {
    tool: "gen-auth-client",
    version: generatorVersion,
    mode: check ? "check" : "generate",
    ...(config === undefined ? {} : { config }),
    exitCode: 2,
    durationMs: 0,
    summary: { written: 0, unchanged: 0, skipped: 0, current: 0, drift: 0, error: 0 },
    specs: [],
    diagnostics: [...diagnostics],
  };
}
