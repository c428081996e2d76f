/**
 * Runtime: bundles bench/runtime/{calls,server}.ts (with the generated oauth2 fixture client) into
 * bench/.work/build, runs calls.mjs in plain Node, and measures the minified + gzipped size of the
 * generated 1NCE client against openapi-fetch.
 */
import { mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
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

async function sizeOf(name: string, entry: { file: string } | { contents: string; resolveDir: string }, label: string): Promise<SizeResult> {
  const built = await build({
    ...("file" in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: "ts" } }),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const output = built.outputFiles[0]!;
  const bytes = output.contents;
  // Where the bytes come from, for size work: gzip of the whole is not the sum of its parts,
  // but the minified share of each module says where to look.
  const inputs = Object.values(built.metafile.outputs)[0]?.inputs ?? {};
  const modules = Object.entries(inputs)
    .map(([path, input]) => ({ path: relative(ROOT, resolve(path)), minBytes: input.bytesInOutput }))
    .filter((m) => m.minBytes > 0)
    .sort((a, b) => b.minBytes - a.minBytes);
  return { name, entry: label, minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, modules };
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
