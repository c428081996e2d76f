/**
 * A size budget for what a generated client adds to a user's bundle (minified + gzipped, as
 * BENCHMARKS.md §3 measures it). Esbuild and gzip give the same bytes every run, so a budget
 * is a plain comparison: a change that grows the runtime past it fails here, and whoever makes
 * it weighs the bytes against the feature, then raises the budget on purpose.
 *
 * These are guards against creep, not issue 7's 5 kB target, which no configuration of the
 * current contract reaches (docs/runtime-size.md measures why).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleSize } from "../../scripts/bundle-size.js";
import { repo } from "./check-outputs.js";

const budgets = [
  // The client issue 7 measures: bearer tokens from an operation of the API, Basic credentials.
  { output: "generated/1nce-authorization", gzipBytes: 8_500 },
  // The largest output: OAuth 2 client credentials, discovery, three regional servers.
  { output: "generated/1password-users", gzipBytes: 14_500 },
];

describe("runtime size budget (esbuild --bundle --minify, gzip -9)", () => {
  it.each(budgets)("$output stays within $gzipBytes bytes", async ({ output, gzipBytes }) => {
    const size = await bundleSize({ file: join(repo, output, "index.ts") }, repo);
    const largest = size.modules.slice(0, 5).map((m) => `${m.path} ${m.minBytes} B`);
    expect(size.gzipBytes, `min+gzip ${size.gzipBytes} B (min ${size.minBytes} B); largest modules: ${largest.join(", ")}`).toBeLessThanOrEqual(gzipBytes);
    // A bundle that lost its runtime would pass any budget: the client must still be in it.
    expect(size.modules.map((m) => m.path)).toEqual(expect.arrayContaining([join(output, "runtime", "client.ts"), join(output, "index.ts")]));
  });
});
