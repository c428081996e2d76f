/**
 * A size budget for what a generated client adds to a user's bundle (minified + gzipped, as
 * BENCHMARKS.md §3 measures it). Esbuild and gzip give the same bytes every run, so a budget
 * is a plain comparison: a change that grows the runtime past it fails here, and whoever makes
 * it weighs the bytes against the feature, then raises the budget (scripts/bundle-size.ts) on
 * purpose. The bench prints the same budget beside issue 7's target.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SIZE_BUDGETS, bundleSize } from "../../scripts/bundle-size.js";
import { repo } from "./check-outputs.js";

describe("runtime size budget (esbuild --bundle --minify, gzip -9)", () => {
  it.each(SIZE_BUDGETS)("$output stays within $gzipBytes bytes", async ({ output, gzipBytes }) => {
    const size = await bundleSize({ file: join(repo, output, "index.ts") }, repo);
    const largest = size.modules.slice(0, 5).map((m) => `${m.path} ${m.minBytes} B`);
    expect(size.gzipBytes, `min+gzip ${size.gzipBytes} B (min ${size.minBytes} B); largest modules: ${largest.join(", ")}`).toBeLessThanOrEqual(gzipBytes);
    // A bundle that lost its runtime would pass any budget: the client must still be in it.
    expect(size.modules.map((m) => m.path)).toEqual(expect.arrayContaining([join(output, "runtime", "client.ts"), join(output, "index.ts")]));
  });
});
