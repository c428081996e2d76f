import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** An OpenAPI 3.x document as plain JSON data (3.0 or 3.1; Swagger 2.0 is converted on load). */
export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  info: { title: string; version: string; description?: string };
};

export interface LoadOptions {
  /** OpenAPI Overlay 1.0 files applied, in order, after parsing. */
  overlays?: readonly string[];
  /**
   * Fetch `$ref`s to http(s) URLs when bundling. Off by default: a document must not make
   * a build reach the network (or an attacker's server).
   */
  allowRemoteRefs?: boolean;
  /** Follow file `$ref`s that leave the input document's folder (`../shared/x.yaml`). Off by default. */
  allowRefsOutsideFolder?: boolean;
}

/** What the load stage hands to the model stage. */
export interface LoadedDocument {
  /** The path of the input file as given by the user. */
  file: string;
  /** The validated document, external `$ref`s bundled in, internal `$ref`s kept (schema names matter). */
  document: OpenApiDocument;
  /** The document's version before any conversion: "2.0", "3.0.x" or "3.1.x". */
  sourceVersion: string;
  /** SHA-256 (hex) of the input, overlay and `$ref`d files' bytes, in order: the output header records it. */
  sha256: string;
  /** Maps a JSON pointer of `document` to its line and column in `file`, where known. */
  locate(pointer: string): { line: number; column: number } | undefined;
  /** Warnings met while loading (errors are thrown as DiagnosticError instead). */
  warnings: Diagnostic[];
  /**
   * Every file the result was read from: the input, each overlay, then each file reached through
   * an external `$ref` (relative to the input's folder as the user named it). Watch mode needs them;
   * `sha256` covers the input, the overlays and these files.
   */
  sources?: string[];
}
