/**
 * The programmatic API: load → model → emit for one spec, returning the files; writing and
 * checking are separate, opt-in steps so that callers choose what touches the disk.
 *
 * The pipeline's modules (YAML, the validator, openapi-typescript, Prettier) are imported on the
 * first call to `generate()`, not when this module loads: `--help`, `--version` and a run that
 * skips every unchanged spec never pay for them.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, normalize, relative, sep } from "node:path";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { readHeader } from "./write/header.js";
import { GENERATED_MARK, readOutputFolder, writeOutputFolder } from "./write/output-folder.js";
import { generatorVersion } from "./version.js";

export interface GenerateOptions {
  /** Path of the OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1). */
  spec: string;
  /** Output folder; default `generated/<spec base name>` under the working directory. */
  output?: string;
  /** OpenAPI Overlay 1.0 documents applied in order before generation. */
  overlays?: readonly string[];
  /** Fetch http(s) `$ref`s (never from loopback or private addresses); default false. */
  allowRemoteRefs?: boolean;
  /** Follow file `$ref`s that leave the spec's folder; default false. */
  allowRefsOutsideFolder?: boolean;
  /**
   * Write the files to `output`; default false (nothing touches the disk). The folder is replaced
   * atomically, and only when its contents differ from the generated files, so an unchanged
   * client keeps its files' modification times.
   */
  write?: boolean;
}

export interface GenerateResult {
  spec: string;
  output: string;
  /** The client's files, by "/"-separated path inside `output`, in a stable order. */
  files: Map<string, string>;
  /** Located warnings (errors are thrown as `DiagnosticError` instead). */
  warnings: Diagnostic[];
  /** Every file the client was generated from: the spec, its overlays, then its `$ref`'d files. */
  sources: string[];
  /** SHA-256 (hex) of the bytes of `sources`, in order: the output header records it. */
  sha256: string;
  /** With `write: true`: whether the folder was (re)written. */
  written?: boolean;
  /** With `write: true`: how the folder on disk differed before writing (empty when it was current). */
  changes?: Drift[];
}

/** `generated/<spec base name>`: where a spec's client goes when no output is given. */
export function defaultOutput(spec: string): string {
  return join("generated", basename(spec, extname(spec)));
}

const toPosix = (path: string): string => path.split(sep).join("/");

/**
 * Generates one client in memory (and writes it with `write: true`).
 *
 * @throws DiagnosticError for bad input (unreadable file, invalid document, broken `$ref`,
 *   unsupported construct), with located diagnostics; any other error is a bug.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { loadDocument } = await import("./load/index.js");
  const output = options.output ?? defaultOutput(options.spec);
  const overlays = options.overlays ?? [];
  const loaded = await loadDocument(options.spec, {
    overlays,
    ...(options.allowRemoteRefs === true ? { allowRemoteRefs: true } : {}),
    ...(options.allowRefsOutsideFolder === true ? { allowRefsOutsideFolder: true } : {}),
  });
  // The emitters (openapi-typescript, Prettier) are the heaviest imports: not paid for bad input.
  const [{ buildModel }, { emitClient }] = await Promise.all([import("./model/index.js"), import("./emit/index.js")]);
  const sources = loaded.sources ?? [options.spec, ...overlays];
  const refs = sources.slice(1 + overlays.length).map((file) => toPosix(relative(dirname(options.spec), file)));
  const model = buildModel(loaded);
  const files = await emitClient(model, loaded.document, {
    generatorVersion,
    specName: basename(options.spec),
    sha256: loaded.sha256,
    refs,
  });
  const result: GenerateResult = {
    spec: options.spec,
    output,
    files,
    warnings: [...loaded.warnings, ...model.warnings],
    sources,
    sha256: loaded.sha256,
  };
  if (options.write === true) {
    const changes = await compareWithDisk(result);
    if (changes.length > 0) await writeOutputFolder(output, files);
    result.written = changes.length > 0;
    result.changes = changes;
  }
  return result;
}

export interface Drift {
  /** "/"-separated path inside the output folder. */
  path: string;
  /** stale: differs from what would be generated; missing: would be generated; extra: would not. */
  change: "stale" | "missing" | "extra";
}

/** What differs between generated files and the folder on disk, sorted by path. */
export async function compareWithDisk(result: Pick<GenerateResult, "output" | "files">): Promise<Drift[]> {
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

export interface UpToDate {
  /** True when `generate()` would produce what the folder holds, judged without running it. */
  upToDate: boolean;
  /** Why the output is not up to date ("no output yet", "inputs changed", …). */
  reason?: string;
  /**
   * The files the output records it was generated from (the spec, its overlays, its `$ref`'d
   * files), paths as `generate()` would name them; just the spec and overlays when nothing is recorded.
   */
  sources: string[];
}

/**
 * Whether a spec's output is current, without loading the spec: the header of `index.ts` records
 * the generator version, the spec's file name, its `$ref`'d files and the SHA-256 of the spec,
 * overlays and those files. Up to date when the version and name match, the recomputed hash
 * equals the recorded one (a new `$ref` changes the spec's bytes, so the recorded list cannot be
 * stale while the hash matches), every generated file carries the same header, and the copied
 * runtime equals this generator's runtime.
 *
 * Not detected: a generator changed without a version bump (a development checkout; use `--force`)
 * and hand edits below a generated file's header line (`compareWithDisk` finds those).
 */
export async function checkUpToDate(options: Omit<GenerateOptions, "write">): Promise<UpToDate> {
  const output = options.output ?? defaultOutput(options.spec);
  const overlays = options.overlays ?? [];
  const header = await readHeader(output);
  const sources = [options.spec, ...overlays, ...(header?.refs ?? []).map((ref) => normalize(join(dirname(options.spec), ref)))];
  const no = (reason: string): UpToDate => ({ upToDate: false, reason, sources });
  if (header === undefined) return no("no output yet");
  if (header.generatorVersion !== generatorVersion) return no(`generated by version ${header.generatorVersion}`);
  if (header.specName !== basename(options.spec)) return no(`generated from ${header.specName}`);

  const hash = createHash("sha256");
  for (const file of sources) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes === undefined) return no(`cannot read ${file}`);
    hash.update(bytes);
  }
  if (hash.digest("hex") !== header.sha256) return no("inputs changed");

  const { runtimeFilesFor } = await import("./emit/runtime-files.js");
  const onDisk = await readOutputFolder(output);
  for (const path of ["index.ts", "schema.ts"]) if (!onDisk.has(path)) return no(`${path} is missing`);
  // The runtime modules the client's index.ts reaches, and no others.
  const runtime = await runtimeFilesFor(onDisk.get("index.ts")!).catch(() => undefined);
  if (runtime === undefined) return no("index.ts imports a module this generator's runtime does not have");
  for (const path of onDisk.keys()) if (path.startsWith("runtime/") && !runtime.has(path)) return no(`${path} is not part of this client's runtime`);
  const headerLine = onDisk.get("index.ts")!.split("\n", 1)[0]!;
  for (const [path, contents] of onDisk) {
    if (contents.startsWith(GENERATED_MARK) && !contents.startsWith(`${headerLine}\n`)) return no(`${path} has another header`);
  }
  for (const [path, source] of runtime) {
    const copy = onDisk.get(path);
    if (copy === undefined) return no(`${path} is missing`);
    if (copy.slice(copy.indexOf("\n") + 1) !== source) return no(`${path} differs from this generator's runtime`);
  }
  return { upToDate: true, sources };
}
