/**
 * Which build of the generator wrote a client. The output header records this fingerprint beside
 * the version, so that an output counts as current only when this very generator would write it
 * again: the version alone cannot say that, since a development checkout (or a patched install)
 * changes templates, runtime or code without a version bump.
 *
 * It covers everything that shapes the files:
 * - the generator's running code: `dist/` when installed or run through `bin/`, `src/` under the
 *   tests (so each fingerprints the code that actually runs), except `cli/`, which writes no file;
 * - the runtime sources copied into every client, the templates and the JSON Schemas in `schemas/`;
 * - the installed version of every dependency in package.json except the argument parser, read
 *   from its own package.json (an upgrade of, say, yaml or the OpenAPI validator can change the output).
 *
 * Computed once per process from about a hundred small files (a few milliseconds), never from a
 * build step that could go stale.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, type Dirent } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot, runtimeDir, templatesDir } from "../emit/paths.js";

/** The folder of the running code: `dist/` or `src/`. */
const codeDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Dependencies that cannot change a generated file. */
const NOT_SHAPING_OUTPUT = new Set(["yargs"]);

/** Hex characters of the fingerprint: 64 bits tell builds apart; the header stays readable. */
const LENGTH = 16;

function listFiles(dir: string, keep: (path: string) => boolean): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name)).filter(keep);
}

/** The running generator's own modules, keyed by their path inside `dist/` or `src/`. */
function isGeneratorCode(path: string): boolean {
  const inside = relative(codeDir, path).split(sep);
  if (inside[0] === "cli" || inside[0] === "runtime") return false; // the runtime is hashed as copied
  return /\.(js|ts)$/.test(path) && !/\.(d|test)\.ts$/.test(path);
}

/** The version of a package as installed where Node would resolve it from the generator. */
function installedVersion(name: string): string {
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, "node_modules", name, "package.json"), "utf8");
    } catch {
      text = undefined;
    }
    if (text !== undefined) return String((JSON.parse(text) as { version?: unknown }).version);
    if (dirname(dir) === dir) return "not installed";
  }
}

function libraries(): string[] {
  const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => !NOT_SHAPING_OUTPUT.has(name))
    .sort()
    .map((name) => `${name}@${installedVersion(name)}`);
}

/** Read synchronously: about a hundred small files, which blocking reads get through ~5 times faster. */
function compute(): string {
  const schemasDir = join(packageRoot, "schemas");
  const groups: [string, string, string[]][] = [
    ["code", codeDir, listFiles(codeDir, isGeneratorCode)],
    ["runtime", runtimeDir, listFiles(runtimeDir, (p) => p.endsWith(".ts") && !p.endsWith(".test.ts"))],
    ["templates", templatesDir, listFiles(templatesDir, () => true)],
    ["schemas", schemasDir, listFiles(schemasDir, () => true)],
  ];
  const hash = createHash("sha256");
  // Length-prefixed fields, so that no two different sets of files hash the same bytes.
  const field = (value: string | Buffer): void => {
    hash.update(`${Buffer.byteLength(value)}:`);
    hash.update(value);
  };
  for (const [group, root, files] of groups) {
    const named = files.map((file) => [relative(root, file).split(sep).join("/"), file] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, file] of named) {
      field(`${group}/${name}`);
      field(readFileSync(file));
    }
  }
  for (const library of libraries()) field(`library ${library}`);
  return hash.digest("hex").slice(0, LENGTH);
}

let cached: string | undefined;

/** The fingerprint of this generator build: 16 hex characters, the same for every call. */
export async function generatorBuild(): Promise<string> {
  cached ??= compute();
  return cached;
}
