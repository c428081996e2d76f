import { readFile } from "node:fs/promises";
import { DiagnosticError } from "../diagnostics/diagnostic.js";

/** What a user can act on for each errno; the code itself is noise to them. */
const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  EMFILE: "too many open files",
};

export function readFailureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return REASONS[code] ?? `I/O error (${code})`;
  return "I/O error";
}

/** Reads a file's bytes; any failure becomes one diagnostic naming the file. */
export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new DiagnosticError([{ severity: "error", file, message: `cannot read file: ${readFailureReason(error)}` }]);
  }
}

/**
 * OpenAPI 3.1 §4.3 (Format) documents are JSON or YAML, both UTF-8 in practice; a byte order mark
 * is dropped so that it does not become part of the first key.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DiagnosticError([{ severity: "error", file, message: "cannot read file: not valid UTF-8 text" }]);
  }
}
