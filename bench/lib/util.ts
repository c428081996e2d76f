/**
 * Measuring one process: wall time (from spawn to exit, measured here), peak RSS (GNU time's
 * %M, or a preload that reports process.resourceUsage().maxRSS when /usr/bin/time is missing),
 * exit status and the tail of its output. Every child runs in its own process group with a
 * deadline: on timeout the group is killed by its id.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BENCH = join(ROOT, "bench");
export const WORK = join(BENCH, ".work");

const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);
const PRELOAD = pathToFileURL(join(BENCH, "lib", "maxrss-preload.mjs")).href;

export interface RunResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
  /** Peak resident set size in KiB, when known. */
  maxRssKb?: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const KEEP = 64 * 1024;
const keepTail = (s: string, chunk: string): string => {
  const next = s + chunk;
  return next.length > KEEP ? next.slice(next.length - KEEP) : next;
};

/** Runs `node <args>` in a fresh process and measures it. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const scratch = mkdtempSync(join(tmpdir(), "gac-bench-"));
  const rssFile = join(scratch, "rss");
  const argv = hasGnuTime
    ? [GNU_TIME, "-f", "%M", "-o", rssFile, process.execPath, ...args]
    : [process.execPath, "--import", PRELOAD, ...args];
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env, BENCH_MAXRSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout = keepTail(stdout, c)));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr = keepTail(stderr, c)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on("close", (exitCode, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      let maxRssKb: number | undefined;
      try {
        const text = readFileSync(rssFile, "utf8");
        // GNU time writes "Command exited with non-zero status N" before the format line.
        const last = text.trim().split("\n").pop() ?? "";
        const n = Number(last.trim());
        if (Number.isFinite(n) && n > 0) maxRssKb = n;
      } catch {
        // not written (killed)
      }
      rmSync(scratch, { recursive: true, force: true });
      resolvePromise({
        ok: exitCode === 0 && !timedOut,
        exitCode,
        signal,
        timedOut,
        ms,
        ...(maxRssKb === undefined ? {} : { maxRssKb }),
        stdout,
        stderr,
      });
    });
  });
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The most telling line of a failed run's output, without colours or stack frames. */
export function failureReason(result: RunResult): string {
  if (result.timedOut) return "timed out";
  const text = `${result.stderr}\n${result.stdout}`.replace(ANSI, "");
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^at\s/.test(l) && !/^Command exited with/.test(l) && !/^\^+$/.test(l) && l !== "}" && !/^Node\.js v\d/.test(l));
  const error = lines.find((l) => /error|Error|failed|Cannot|invalid|Invalid/.test(l)) ?? lines[lines.length - 1] ?? "";
  const status = result.signal !== null ? `signal ${result.signal}` : `exit ${result.exitCode}`;
  return `${status}: ${error.length > 240 ? `${error.slice(0, 237)}...` : error}`;
}

export const fmtMs = (ms: number | undefined): string =>
  ms === undefined || !Number.isFinite(ms) ? "–" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;

export const fmtMb = (kb: number | undefined): string => (kb === undefined ? "–" : `${Math.round(kb / 1024)} MB`);

export const fmtBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`;

export const fmtRatio = (r: number | undefined): string => (r === undefined || !Number.isFinite(r) ? "–" : `${r.toFixed(2)}×`);

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A markdown table; cells are escaped for `|`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${header.map(esc).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}
