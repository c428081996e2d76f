/**
 * The size a generated client adds to a user's bundle: its entry and everything it imports,
 * bundled and minified by esbuild (ESM, platform-neutral, ES2022) and gzipped at level 9.
 * Both steps are deterministic, so the bench (BENCHMARKS.md §3) and the size budget test
 * (test/emit/runtime-size.test.ts) read the same bytes.
 */
import { relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/**
 * What the tests hold each client to (test/emit/runtime-size.test.ts), min+gzip: guards against
 * creep, raised on purpose when a feature is worth its bytes; not issue 7's 5 kB target, which
 * no configuration of the current contract reaches (docs/runtime-size.md).
 */
export const SIZE_BUDGETS = [
  // The client issue 7 measures: bearer tokens from an operation of the API, Basic credentials.
  { output: "generated/1nce-authorization", gzipBytes: 8_500 },
  // The largest output: OAuth 2 client credentials, discovery, three regional servers. Raised
  // from 14,500 B for RFC 7009 `revoke()` and the sign-out race fix (+475 B), then for
  // `private_key_jwt` (+710 B, of which ~460 B are `privateKeyJwt`, which index.ts exports and
  // an application that does not import it does not bundle): 15,384 B.
  { output: "generated/1password-users", gzipBytes: 15_500 },
] as const;

export type BundleEntry = { file: string } | { contents: string; resolveDir: string };

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
  /** Minified bytes each module puts in the bundle, largest first (paths relative to `root`). */
  modules: { path: string; minBytes: number }[];
}

export async function bundleSize(entry: BundleEntry, root: string): Promise<BundleSize> {
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
  const bytes = built.outputFiles[0]!.contents;
  // Where the bytes come from, for size work: gzip of the whole is not the sum of its parts,
  // but the minified share of each module says where to look.
  const inputs = Object.values(built.metafile.outputs)[0]?.inputs ?? {};
  const modules = Object.entries(inputs)
    .map(([path, input]) => ({ path: relative(root, resolve(path)), minBytes: input.bytesInOutput }))
    .filter((m) => m.minBytes > 0)
    .sort((a, b) => b.minBytes - a.minBytes);
  return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, modules };
}
