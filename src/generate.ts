/**
 * The programmatic API: load → model → emit for one spec, returning the files; writing
 * and checking are separate steps so that callers choose what touches the disk.
 */
import { basename, extname, join } from "node:path";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { loadDocument } from "./load/index.js";
import { buildModel } from "./model/index.js";
import { emitClient } from "./emit/index.js";
import { readOutputFolder, writeOutputFolder } from "./write/output-folder.js";
import { generatorVersion } from "./version.js";

export interface GenerateOptions {
  /** Path of the OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1). */
  spec: string;
  /** Output folder; default `generated/<spec base name>` under the working directory. */
  output?: string;
  /** OpenAPI Overlay 1.0 documents applied in order before generation. */
  overlays?: readonly string[];
  /** Write the files to `output` (atomically); default false. */
  write?: boolean;
}

export interface GenerateResult {
  spec: string;
  output: string;
  /** The client's files, by "/"-separated path inside `output`, in a stable order. */
  files: Map<string, string>;
  warnings: Diagnostic[];
}

export function defaultOutput(spec: string): string {
  return join("generated", basename(spec, extname(spec)));
}

/** Throws `DiagnosticError` for bad input; every other error is a bug. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const output = options.output ?? defaultOutput(options.spec);
  const loaded = await loadDocument(options.spec, { overlays: options.overlays ?? [] });
  const model = buildModel(loaded);
  const files = await emitClient(model, loaded.document, {
    generatorVersion,
    specName: basename(options.spec),
    sha256: loaded.sha256,
  });
  if (options.write === true) await writeOutputFolder(output, files);
  return { spec: options.spec, output, files, warnings: [...loaded.warnings, ...model.warnings] };
}

export interface Drift {
  path: string;
  change: "stale" | "missing" | "extra";
}

/** What differs between generated files and the folder on disk. */
export async function compareWithDisk(result: GenerateResult): Promise<Drift[]> {
  const onDisk = await readOutputFolder(result.output);
  const drift: Drift[] = [];
  for (const [path, contents] of result.files) {
    const current = onDisk.get(path);
    if (current === undefined) drift.push({ path, change: "missing" });
    else if (current !== contents) drift.push({ path, change: "stale" });
  }
  for (const path of onDisk.keys()) if (!result.files.has(path)) drift.push({ path, change: "extra" });
  return drift.sort((a, b) => (a.path < b.path ? -1 : 1));
}
