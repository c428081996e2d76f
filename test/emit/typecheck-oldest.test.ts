/**
 * README promises that generated clients need TypeScript 5.0 or later (`export type *` came in
 * 5.0). The suite's other checks run the installed compiler (5.9), so this one runs the oldest
 * supported release, 5.0.4, installed as the `typescript-5.0` alias: once as a user's build sees
 * the output (files under `// @ts-nocheck` are skipped), and once with every file checked, so
 * that a construct the older checker reads differently is caught even where users' builds skip it.
 */
import { describe, expect, it } from "vitest";
import oldest from "typescript-5.0";
import { diagnosticsByOutput, outputs } from "./check-outputs.js";
import type { TypeScriptApi } from "./check-everything.js";

const typescript = oldest as unknown as TypeScriptApi;

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
