/**
 * The config file: the clients a project generates. Three forms, the same shape:
 *
 *     gen-auth-client.config.json   { "clients": [{ "spec": "specs/api.yml", "output": "generated/api", "overlays": [] }] }
 *     gen-auth-client.config.mjs    export default defineConfig({ clients: [...] })
 *     gen-auth-client.config.ts     the same, type-checked by the editor; see loadTsConfig for how it runs
 *
 * Found from the working directory upwards (the first folder holding one), or named with
 * --config. Paths in it are relative to its folder; an omitted `output` is `generated/<spec base
 * name>` in that folder. Problems are reported at the file and JSON pointer (and line, for JSON).
 *
 * Heavy modules (TypeScript) are imported only for the form that needs them; the JSON form needs
 * no parser library, so that a run that skips every client starts fast.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { defaultOutput, type GenerateOptions } from "../generate.js";

/** One client: a spec and where its client goes. Paths are relative to the config file's folder. */
export interface ClientConfig {
  /** The OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1). */
  spec: string;
  /** Output folder; default `generated/<spec base name>` beside the config file. */
  output?: string;
  /** OpenAPI Overlay 1.0 documents applied in order before generation. */
  overlays?: string[];
  /** Fetch http(s) `$ref`s (never from loopback or private addresses); default false. */
  allowRemoteRefs?: boolean;
  /** Follow file `$ref`s that leave the spec's folder; default false. */
  allowRefsOutsideFolder?: boolean;
}

/** What a config file holds (its default export, for `.mjs` and `.ts`). */
export interface Config {
  /** A JSON Schema reference for editors; ignored. */
  $schema?: string;
  clients: ClientConfig[];
}

/** A config module's default export: the config, or a (possibly async) function returning it. */
export type ConfigExport = Config | (() => Config | Promise<Config>);

/**
 * Types a `gen-auth-client.config.mjs` / `.ts` default export; returns its argument unchanged.
 *
 * @example
 * // gen-auth-client.config.ts
 * import { defineConfig } from "gen-auth-client";
 * export default defineConfig({ clients: [{ spec: "specs/api.yml", output: "src/clients/api" }] });
 */
export function defineConfig(config: Config): Config;
export function defineConfig(config: () => Config | Promise<Config>): () => Config | Promise<Config>;
export function defineConfig(config: ConfigExport): ConfigExport {
  return config;
}

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILES = ["gen-auth-client.config.json", "gen-auth-client.config.mjs", "gen-auth-client.config.ts"] as const;

/** A config file read and checked: its clients with paths relative to the working directory. */
export interface LoadedConfig {
  /** The config file, relative to the working directory. */
  file: string;
  /** One entry per client, `output` always set. */
  clients: GenerateOptions[];
  /** Ignored options (unknown keys) and the like. */
  warnings: Diagnostic[];
}

/** The working directory's relative form of a path, as a user would type it. */
export function displayPath(path: string): string {
  return relative(process.cwd(), resolve(path)) || ".";
}

/**
 * The nearest config file from `from` upwards (absolute path), or undefined.
 *
 * @throws DiagnosticError when one folder holds several config files (which one is meant?).
 */
export function findConfig(from: string = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((name) => join(dir, name)).filter((file) => existsSync(file));
    if (found.length > 1) {
      throw new DiagnosticError([
        { severity: "error", file: displayPath(found[0]!), message: `several config files in one folder (${found.map((f) => basename(f)).join(", ")}); keep one` },
      ]);
    }
    if (found.length === 1) return found[0];
    if (dirname(dir) === dir) return undefined;
  }
}

type Locate = (pointer: string) => { line: number; column: number } | undefined;

function fail(file: string, message: string, position?: { line: number; column: number }): never {
  throw new DiagnosticError([{ severity: "error", file, ...position, message }]);
}

/**
 * Reads and checks a config file (`.json`, `.mjs`/`.js`, `.ts`/`.mts`).
 *
 * @throws DiagnosticError naming the file, the JSON pointer and (for JSON) the line of every problem.
 */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  const file = displayPath(path);
  const extension = extname(path).toLowerCase();
  let data: unknown;
  let locate: Locate = () => undefined;
  if (extension === ".json") {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      fail(file, `cannot read config file: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "unreadable"}`);
    }
    const { parseJsonSource } = await import("../load/json-source.js");
    const source = parseJsonSource(file, text); // throws located "invalid JSON" diagnostics
    data = source.data;
    locate = source.locate;
  } else if (extension === ".mjs" || extension === ".js" || extension === ".ts" || extension === ".mts") {
    if (!existsSync(path)) fail(file, "cannot read config file: no such file");
    const module = extension === ".ts" || extension === ".mts" ? await loadTsConfig(path, file) : await importConfig(pathToFileURL(path).href, file);
    data = (module as { default?: unknown }).default;
    if (data === undefined) fail(file, "the config module has no default export (export default defineConfig({ clients: [...] }))");
    if (typeof data === "function") {
      try {
        data = await (data as () => unknown)();
      } catch (error) {
        fail(file, `the config function threw: ${firstLine(error)}`);
      }
    }
  } else {
    fail(file, "a config file is .json, .mjs or .ts");
  }
  return checkConfig(file, dirname(path), data, locate);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n", 1)[0]!;
}

/** Imports a config module; a query string defeats the module cache so that watch mode sees edits. */
async function importConfig(url: string, file: string, temporary?: string): Promise<unknown> {
  try {
    return await import(`${url}?t=${Date.now()}`);
  } catch (error) {
    let message = firstLine(error);
    if (temporary !== undefined) message = message.split(temporary).join(file).split(pathToFileURL(temporary).href).join(file);
    fail(file, `cannot load config: ${message}`);
  }
}

/**
 * Node 20 cannot import TypeScript, so a `.ts` config is transpiled with the `typescript` package
 * (a dependency of this one) to a temporary `.mjs` beside it, imported, and deleted. Beside it, so
 * that its imports resolve as they would from the `.ts` file: packages (`gen-auth-client` for
 * `defineConfig`) and `.js`/`.mjs` files. It cannot import other `.ts` files. Types are not
 * checked here; syntax errors are reported with their line.
 */
async function loadTsConfig(path: string, file: string): Promise<unknown> {
  const ts = (await import("typescript")).default;
  const text = await readFile(path, "utf8");
  const out = ts.transpileModule(text, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, verbatimModuleSyntax: false },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new DiagnosticError(
      errors.map((d) => {
        const position = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
        return {
          severity: "error" as const,
          file,
          ...(position ? { line: position.line + 1, column: position.character + 1 } : {}),
          message: ts.flattenDiagnosticMessageText(d.messageText, " "),
        };
      }),
    );
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.mjs`);
  try {
    await writeFile(temporary, out.outputText);
  } catch (error) {
    fail(file, `cannot transpile the config beside it (${firstLine(error)})`);
  }
  try {
    return await importConfig(pathToFileURL(temporary).href, file, temporary);
  } finally {
    await rm(temporary, { force: true });
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks the shape, collecting every problem; unknown keys are warnings (newer options, typos). */
function checkConfig(file: string, base: string, data: unknown, locate: Locate): LoadedConfig {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  // A missing key has no position; its object's is the nearest thing.
  const near = (pointer: string): { line: number; column: number } | undefined => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const position = locate(p);
      if (position !== undefined || p === "") return position;
    }
  };
  const report = (list: Diagnostic[], severity: Diagnostic["severity"], pointer: string, message: string): void => {
    list.push({ severity, file, pointer, ...near(pointer), message });
  };
  const fromBase = (p: string): string => displayPath(resolve(base, p));

  if (!isObject(data)) {
    report(errors, "error", "", "must be an object: { clients: [{ spec, output?, overlays? }] }");
    throw new DiagnosticError(errors);
  }
  for (const key of Object.keys(data)) {
    if (key !== "clients" && key !== "$schema") report(warnings, "warning", `/${key}`, `unknown option "${key}"; ignored`);
  }
  const clients: GenerateOptions[] = [];
  if (!Array.isArray(data.clients)) {
    report(errors, "error", "/clients", "must be an array of { spec, output?, overlays? }");
  } else {
    const outputs = new Map<string, number>();
    data.clients.forEach((entry: unknown, i) => {
      const at = `/clients/${i}`;
      if (!isObject(entry)) return report(errors, "error", at, "must be an object { spec, output?, overlays? }");
      for (const key of Object.keys(entry)) {
        if (!["spec", "output", "overlays", "allowRemoteRefs", "allowRefsOutsideFolder"].includes(key)) report(warnings, "warning", `${at}/${key}`, `unknown option "${key}"; ignored`);
      }
      const { spec, output, overlays, allowRemoteRefs, allowRefsOutsideFolder } = entry;
      for (const [key, value] of [["allowRemoteRefs", allowRemoteRefs], ["allowRefsOutsideFolder", allowRefsOutsideFolder]] as const) {
        if (value !== undefined && typeof value !== "boolean") report(errors, "error", `${at}/${key}`, "must be true or false");
      }
      if (typeof spec !== "string" || spec === "") report(errors, "error", `${at}/spec`, "must be the path of an OpenAPI document");
      if (output !== undefined && (typeof output !== "string" || output === "")) report(errors, "error", `${at}/output`, "must be a folder path");
      if (overlays !== undefined) {
        if (!Array.isArray(overlays)) report(errors, "error", `${at}/overlays`, "must be an array of paths");
        else overlays.forEach((o: unknown, j) => typeof o !== "string" && report(errors, "error", `${at}/overlays/${j}`, "must be a path"));
      }
      if (typeof spec !== "string" || spec === "") return;
      const folder = fromBase(typeof output === "string" && output !== "" ? output : defaultOutput(spec));
      const previous = outputs.get(resolve(folder));
      if (previous !== undefined) {
        report(errors, "error", typeof output === "string" ? `${at}/output` : at, `the same output folder as /clients/${previous} (${folder}); each client needs its own`);
      }
      outputs.set(resolve(folder), i);
      clients.push({
        spec: fromBase(spec),
        output: folder,
        overlays: Array.isArray(overlays) ? overlays.filter((o): o is string => typeof o === "string").map(fromBase) : [],
        ...(allowRemoteRefs === true ? { allowRemoteRefs: true } : {}),
        ...(allowRefsOutsideFolder === true ? { allowRefsOutsideFolder: true } : {}),
      });
    });
  }
  if (errors.length > 0) throw new DiagnosticError([...errors, ...warnings]);
  return { file, clients, warnings };
}
