import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { DiagnosticError, type Diagnostic } from "../../src/diagnostics/diagnostic.js";

/** Fixtures are named relative to the repository root, as a user would type them. */
export const FIXTURES = "test/fixtures/load";

export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

/** A V8 stack frame: "    at fn (file:line:col)" or "at file:line:col". */
const STACK_FRAME = /^\s*at\s+\S.*:\d+:\d+\)?$|\bat\s+(async\s+)?\S+\s+\((file:|node:|\/)[^)]*:\d+:\d+\)/m;

/**
 * Runs a load that must fail and returns its diagnostics, after checking that neither they nor
 * the error's text carry a stack trace.
 */
export async function diagnosticsOf(run: Promise<unknown>): Promise<readonly Diagnostic[]> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the load should have failed").toBeInstanceOf(DiagnosticError);
  const { diagnostics, message } = error as DiagnosticError;
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(message).not.toMatch(STACK_FRAME);
  for (const d of diagnostics) {
    expect(d.message).not.toMatch(STACK_FRAME);
    expect(d.message).not.toContain("\n");
    expect(d.message.length).toBeLessThan(400);
  }
  return diagnostics;
}

/** The 1-based line on which `needle` occurs (the nth time) in a file. */
export function lineOf(file: string, needle: string, nth = 1): number {
  const lines = readFileSync(file, "utf8").split("\n");
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (line.includes(needle) && ++seen === nth) return index + 1;
  }
  throw new Error(`${JSON.stringify(needle)} not found ${nth} time(s) in ${file}`);
}
