import type { LoadedDocument, OpenApiDocument } from "../../src/load/types.js";

/** A LoadedDocument for model tests, built from an inline document (no file, no positions). */
export function loaded(document: Record<string, unknown>): LoadedDocument {
  return {
    file: "inline.yml",
    document: { openapi: "3.1.0", info: { title: "T", version: "1" }, ...document } as OpenApiDocument,
    sourceVersion: "3.1.0",
    sha256: "0".repeat(64),
    locate: () => undefined,
    warnings: [],
  };
}
