/**
 * The programmatic API: load → model → emit for one spec, returning the files; writing and
 * checking are separate, opt-in steps so that callers choose what touches the disk.
 *
 * The pipeline's modules (YAML, the validator, the emitters) are imported on the
 * first call to `generate()`, not when this module loads: `--help`, `--version`, `--check` of
 * current clients and a run that skips every unchanged spec never pay for them
 * (`checkUpToDate` reads only the header's record, the inputs' bytes and the output folder).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, normalize, relative, sep } from "node:path";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import type { HeaderInfo } from "./emit/client-view.js";
import type { Code } from "./emit/code.js";
import { generatorBuild } from "./write/fingerprint.js";
import { filesDigest, firstLine, readHeader } from "./write/header.js";
import { readOutputFolder, writeOutputFolder } from "./write/output-folder.js";
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
  // The model and the emitters are imported only once the document loaded: not paid for bad input.
  const [{ buildModel }, { emitClient }, { headerLine }] = await Promise.all([import("./model/index.js"), import("./emit/index.js"), import("./emit/client-view.js")]);
  const sources = loaded.sources ?? [options.spec, ...overlays];
  const refs = sources.slice(1 + overlays.length).map((file) => toPosix(relative(dirname(options.spec), file)));
  const model = buildModel(loaded);
  const header: HeaderInfo = { generatorVersion, build: await generatorBuild(), specName: basename(options.spec), sha256: loaded.sha256, refs };
  const files = recordFiles(await emitClient(model, loaded.document, header), header, headerLine);
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

/**
 * The files as emitted carry a header line without the files hash, which depends on them; hash
 * them, and put the complete line in place of that one.
 */
function recordFiles(emitted: Map<string, string>, header: HeaderInfo, headerLine: (info: HeaderInfo) => Code): Map<string, string> {
  const draft = headerLine(header).text;
  const final = headerLine({ ...header, filesSha256: filesDigest(emitted, draft) }).text;
  const files = new Map<string, string>();
  for (const [path, contents] of emitted) files.set(path, contents.startsWith(`${draft}\n`) ? `${final}${contents.slice(draft.length)}` : contents);
  return files;
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
 * Whether a spec's output is current, proved without loading the spec. The header of `index.ts`
 * records the generator version and build, the spec's file name, its `$ref`'d files, the SHA-256
 * of the spec, overlays and those files, and the SHA-256 of the folder's files. Up to date when
 * this generator is that version and build (same code, templates, runtime and libraries: see
 * src/write/fingerprint.ts), the inputs hash the same (a new `$ref` changes the spec's bytes, so
 * the recorded list cannot be stale while the hash matches), and the folder's files hash to the
 * recorded value (so a hand edit, a deleted file or an added one is seen). Then `generate()` would
 * write exactly these files again: `--check` trusts this, and a plain run skips the spec.
 */
export async function checkUpToDate(options: Omit<GenerateOptions, "write">): Promise<UpToDate> {
  const output = options.output ?? defaultOutput(options.spec);
  const overlays = options.overlays ?? [];
  const header = await readHeader(output);
  const sources = [options.spec, ...overlays, ...(header?.refs ?? []).map((ref) => normalize(join(dirname(options.spec), ref)))];
  const no = (reason: string): UpToDate => ({ upToDate: false, reason, sources });
  if (header === undefined) return no("no output yet");
  if (header.generatorVersion !== generatorVersion) return no(`generated by version ${header.generatorVersion}`);
  if (header.build !== (await generatorBuild())) return no("generated by another build of this version (its code, templates, runtime or libraries differ)");
  if (header.specName !== basename(options.spec)) return no(`generated from ${header.specName}`);

  const hash = createHash("sha256");
  for (const file of sources) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes === undefined) return no(`cannot read ${file}`);
    hash.update(bytes);
  }
  if (hash.digest("hex") !== header.sha256) return no("inputs changed");

  const onDisk = await readOutputFolder(output);
  const index = onDisk.get("index.ts");
  if (index === undefined || header.filesSha256 !== filesDigest(onDisk, firstLine(index))) {
    return no("files changed since generation (edited, added or removed)");
  }
  return { upToDate: true, sources };
}
