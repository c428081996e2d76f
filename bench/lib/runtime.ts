/**
 * Runtime: bundles bench/runtime/{calls,server}.ts (with the generated oauth2 fixture client) into
 * bench/.work/build, runs calls.mjs in plain Node, and measures the minified + gzipped size of the
 * generated 1NCE client against openapi-fetch.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { bundleSize, type BundleEntry } from "../../scripts/bundle-size.js";
import { NODE_MODULES, installedVersion } from "./setup.js";
import { BENCH, ROOT, WORK, failureReason, log, runNode } from "./util.js";

export interface RuntimeResult {
  error?: string;
  http?: { fetchUs: number; clientUs: number; ratio: number; rounds: number; callsPerRound: number };
  memory?: { fetchUs: number; clientUs: number; overheadUs: number; ratio: number };
  cachedToken?: {
    authStepUs: number;
    authStepBestUs: number;
    awaitFloorUs: number;
    iterations: number;
    anonymousCallUs: number;
    authenticatedCallUs: number;
    /** Median of the per-round differences, response-shaped objects (the verdict). */
    perCallDeltaUs: number;
    /** The same with real `Response`s (absent from runs saved before it was measured). */
    perCallDeltaWithResponsesUs?: number;
    /** The interquartile range of the per-round differences, each way. */
    perCallDeltaIqrUs?: readonly [number, number];
    perCallDeltaWithResponsesIqrUs?: readonly [number, number];
    tokenRequests: number;
  };
  concurrency?: {
    concurrency: number;
    tokenRequests: number;
    discoveryRequests: number;
    resourceRequests: number;
    ok: number;
    failed: number;
    firstError?: string;
    ms: number;
  }[];
}

export interface SizeResult {
  name: string;
  entry: string;
  minBytes: number;
  gzipBytes: number;
  /** Minified bytes each module puts in the bundle, largest first (paths relative to the repository). */
  modules?: { path: string; minBytes: number }[];
}

const BUILD = join(WORK, "build");

export async function benchRuntime(quick: boolean): Promise<RuntimeResult> {
  mkdirSync(BUILD, { recursive: true });
  for (const name of ["calls", "server"]) {
    await build({
      entryPoints: [join(BENCH, "runtime", `${name}.ts`)],
      outfile: join(BUILD, `${name}.mjs`),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "error",
    });
  }
  const run = await runNode([join(BUILD, "calls.mjs"), JSON.stringify({ quick })], { cwd: WORK, timeoutMs: 10 * 60_000 });
  if (!run.ok) {
    const error = failureReason(run);
    log(`  runtime: FAILED — ${error}`);
    return { error };
  }
  const line = run.stdout.trim().split("\n").pop() ?? "{}";
  const result = JSON.parse(line) as RuntimeResult;
  log(`  runtime: ${line}`);
  return result;
}

async function sizeOf(name: string, entry: BundleEntry, label: string): Promise<SizeResult> {
  return { name, entry: label, ...(await bundleSize(entry, ROOT)) };
}

export async function benchSize(): Promise<SizeResult[]> {
  const ours = join(ROOT, "generated", "1nce-authorization", "index.ts");
  return [
    await sizeOf("gen-auth-client (1NCE client)", { file: ours }, "generated/1nce-authorization/index.ts, everything it imports"),
    await sizeOf(
      `openapi-fetch ${installedVersion("openapi-fetch") ?? "?"}`,
      { contents: `export * from "openapi-fetch"; export { default } from "openapi-fetch";`, resolveDir: NODE_MODULES },
      "the package's ESM entry, everything it exports",
    ),
  ];
}
