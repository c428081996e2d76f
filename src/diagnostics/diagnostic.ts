/**
 * A located message about an input document. Every error and warning the generator
 * reports has this shape, so the CLI can print it in one compiler-like format
 * (`file:line:column: error: message (at /json/pointer)`) that editors and CI annotate.
 */
export interface Diagnostic {
  severity: "error" | "warning";
  /** The file the problem is in, as the user named it (relative paths stay relative). */
  file: string;
  /** RFC 6901 JSON pointer into that file, "" for the whole document. */
  pointer?: string;
  /** 1-based line and column, where the parser knows them. */
  line?: number;
  column?: number;
  message: string;
}

/** Thrown by the pipeline for bad input; carries diagnostics, never a stack the user sees. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "DiagnosticError";
    this.diagnostics = diagnostics;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const pointer = d.pointer === undefined ? "" : ` (at ${d.pointer === "" ? "/" : d.pointer})`;
  return `${where}: ${d.severity}: ${d.message}${pointer}`;
}

/** RFC 6901 §3: "~" is written "~0" and "/" is written "~1". */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

export function fromPointer(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  return pointer
    .replace(/^#/, "")
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
