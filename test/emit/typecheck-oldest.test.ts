/**
 * README promises that generated clients need TypeScript 5.0 or later (`export type *` came in
 * 5.0). The suite's other checks run the installed compiler (5.9), so this one runs the oldest
 * supported release, 5.0.4, from the package of its own in test/oldest-typescript (installed by
 * `npm test`; an alias in the root package would replace the root's `tsc` bin): once as a user's build sees
 * the output (files under `// @ts-nocheck` are skipped), and once with every file checked, so
 * that a construct the older checker reads differently is caught even where users' builds skip it.
 */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { join } from "node:path";
import { diagnosticsByOutput, outputs, repo } from "./check-outputs.js";
import type { TypeScriptApi } from "./check-everything.js";

const packageJson = join(repo, "test/oldest-typescript/package.json");

function oldestTypeScript(): TypeScriptApi {
  try {
    return createRequire(packageJson)("typescript") as TypeScriptApi;
  } catch {
    throw new Error("TypeScript 5.0 is not installed in test/oldest-typescript: run `npm test`, or `npm ci --prefix test/oldest-typescript`");
  }
}

const typescript = oldestTypeScript();
const oldest = { version: typescript.version };

describe.each(["honoured", "checked"] as const)(
  `generated clients type-check under TypeScript ${oldest.version}, pragmas %s`,
  (pragmas) => {
    let diagnostics: Map<string, string[]> | undefined;
    const reported = (output: string) => (diagnostics ??= diagnosticsByOutput(typescript, pragmas)).get(output) ?? [];

    it("is the oldest release README supports", () => {
      expect(oldest.version).toMatch(/^5\.0\./);
    });

    it.each(outputs)("%s", (output) => {
      expect(reported(output)).toEqual([]);
    }, 180_000);

    it("nothing outside the outputs is reported", () => {
      expect(reported("(other)")).toEqual([]);
    });
  },
);
