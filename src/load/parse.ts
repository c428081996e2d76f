import { LineCounter, parseDocument } from "yaml";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseJsonSource } from "./json-source.js";
import { clip, isObject, setOwn, shortMessage } from "./json.js";
import { createLocator, type Locate } from "./locate.js";

/** One parsed input file: its plain JSON data and a way back from pointers to lines. */
export interface SourceDocument {
  /** The file as the user (or a referring document) named it. */
  file: string;
  data: unknown;
  locate: Locate;
  /** YAML warnings (unknown tags and the like). */
  warnings: Diagnostic[];
}

const MAX_ERRORS = 20;

/**
 * Parses YAML or JSON, keeping a way back to positions. OpenAPI 3.1 §4.3 recommends YAML 1.2 with
 * the JSON schema's tags and string keys; the `yaml` package's default core schema is a superset
 * of that. A `.json` file is read by `JSON.parse` instead (json-source.ts): building YAML's tree
 * of a large JSON document costs far more than parsing it, and positions are rarely needed.
 */
export function parseSource(file: string, text: string): SourceDocument {
  if (/\.json$/i.test(file)) return parseJsonSource(file, text);

  const lineCounter = new LineCounter();
  // prettyErrors off: the pretty form appends a code frame of the document to the message.
  // merge on: `<<` keys are common in hand-written specs even though YAML 1.2 dropped them.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  const locateOffset = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (doc.errors.length > 0) {
    throw new DiagnosticError(
      doc.errors.slice(0, MAX_ERRORS).map((error) => ({
        severity: "error" as const,
        file,
        ...locateOffset(error.pos[0]),
        message: `invalid YAML: ${error.code === "MULTIPLE_DOCS" ? "the file holds more than one YAML document" : lowerFirst(shortMessage(error, 200))}`,
      })),
    );
  }

  let raw: unknown;
  try {
    // maxAliasCount bounds the expansion of aliases ("billion laughs"): input is untrusted.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new DiagnosticError([{ severity: "error", file, message: `invalid YAML: ${lowerFirst(shortMessage(error, 200))}` }]);
  }

  const data = toPlainJson(raw, file);
  return {
    file,
    data,
    locate: createLocator(doc, lineCounter),
    warnings: doc.warnings.map((warning) => ({
      severity: "warning" as const,
      file,
      ...locateOffset(warning.pos[0]),
      message: lowerFirst(shortMessage(warning, 200)),
    })),
  };
}

/**
 * Copies what YAML produced into plain JSON data: aliases become independent copies (so that an
 * overlay updating one place does not silently change another), a recursive alias is an error,
 * and non-JSON values (binary, dates from custom tags) are refused.
 */
function toPlainJson(value: unknown, file: string): unknown {
  const stack = new Set<unknown>();
  const copy = (node: unknown): unknown => {
    if (node === null || typeof node === "string" || typeof node === "boolean") return node;
    if (typeof node === "number") {
      if (!Number.isFinite(node)) fail(`the number ${String(node)} cannot be represented in JSON`);
      return node;
    }
    if (typeof node !== "object") fail(`a ${typeof node} value cannot be represented in JSON`);
    if (stack.has(node)) fail("a YAML alias refers to one of its own ancestors (recursive data)");
    stack.add(node);
    try {
      if (Array.isArray(node)) return node.map(copy);
      if (!isObject(node) || Object.getPrototypeOf(node) !== Object.prototype) {
        fail(`a value of type ${clip((node as object).constructor?.name ?? "unknown")} cannot be represented in JSON`);
      }
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) setOwn(out, key, copy(child));
      return out;
    } finally {
      stack.delete(node);
    }
  };
  const fail = (message: string): never => {
    throw new DiagnosticError([{ severity: "error", file, message: `invalid document: ${message}` }]);
  };
  return copy(value);
}

function lowerFirst(text: string): string {
  return text.length > 0 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
