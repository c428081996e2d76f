/**
 * A `.json` input parsed with `JSON.parse`, the fastest reader there is, with positions found only
 * when a diagnostic asks for one (json-locate.ts). Errors are the ones the YAML path reported for
 * the same text, at the same lines: a syntax error where it is, each repeated member name, and a
 * number too large for JSON data. Imports no parser library: the config file goes through here.
 */
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createJsonLocator } from "./json-locate.js";
import { scanJson } from "./json-syntax.js";
import type { SourceDocument } from "./parse.js";

const MAX_ERRORS = 20;

export function parseJsonSource(file: string, text: string): SourceDocument {
  const scan = scanJson(text);
  const locate = createJsonLocator(text);
  const at = (offset: number): { line: number; column: number } => position(text, offset);
  if (scan.syntax !== undefined) {
    throw new DiagnosticError([{ severity: "error", file, ...at(scan.syntax.offset), message: `invalid JSON: ${scan.syntax.message}` }]);
  }
  if (scan.duplicateKeys.length > 0) {
    throw new DiagnosticError(
      scan.duplicateKeys.slice(0, MAX_ERRORS).map((offset): Diagnostic => ({ severity: "error", file, ...at(offset), message: "invalid JSON: map keys must be unique" })),
    );
  }
  if (scan.nonFinite !== undefined) {
    throw new DiagnosticError([{ severity: "error", file, message: `invalid document: the number ${scan.nonFinite} cannot be represented in JSON` }]);
  }
  // Own properties throughout, "__proto__" included (JSON.parse defines, never assigns).
  // RFC 8259 §8.1: a byte order mark may be ignored (JSON.parse does not; read.ts drops it from inputs).
  const data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  return { file, data, locate, warnings: [] };
}

/** 1-based line and column of an offset, counting "\n" as the line break (RFC 8259 §2 allows CR too). */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
