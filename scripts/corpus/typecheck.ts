/**
 * Type-checks many generated clients in one `ts.createProgram`, under the options the
 * committed snapshots are held to (test/emit/typecheck.test.ts): strict, DOM lib, no Node
 * types, no unused locals or parameters, exact optional properties.
 *
 * Every output carries the same copied runtime, so a batch links each client's `runtime/`
 * to one shared copy: TypeScript resolves the link to one source file and checks the
 * runtime once per batch instead of once per client.
 */
import ts from "typescript";
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The options generated clients are held to, for the given TypeScript API (the suite also runs
 * the oldest supported release: test/emit/typecheck-oldest.test.ts).
 */
export function strictCompilerOptions(typescript: typeof ts = ts): ts.CompilerOptions {
  return {
    target: typescript.ScriptTarget.ES2022,
    module: typescript.ModuleKind.NodeNext,
    moduleResolution: typescript.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
  };
}

export const COMPILER_OPTIONS = strictCompilerOptions();

export interface TypeError {
  /** TS error code, e.g. 2339. */
  code: number;
  /** The first line of the message. */
  message: string;
  /** "index.ts:12:5", relative to the client's folder. */
  at: string;
}

/**
 * Writes a client's files under `dir` for checking: `runtime/` files become one link to
 * `sharedRuntime` when they equal it (they always should; a differing copy is written out).
 * A client copies only the runtime modules it reaches, so modules the shared copy lacks are
 * added to it (TypeScript checks only the ones some client imports).
 */
export function writeForCheck(dir: string, files: ReadonlyMap<string, string>, sharedRuntime: string, runtime: Map<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const own = [...files].filter(([p]) => p.startsWith("runtime/"));
  const sameRuntime = own.every(([p, c]) => (runtime.get(p) ?? c) === c);
  if (sameRuntime) {
    const missing = new Map(own.filter(([p]) => !runtime.has(p)));
    if (missing.size > 0) writeRuntimeFiles(sharedRuntime, missing);
    for (const [p, c] of missing) runtime.set(p, c);
  }
  for (const [path, contents] of files) {
    if (sameRuntime && path.startsWith("runtime/")) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  if (sameRuntime) symlinkSync(relative(dir, sharedRuntime), join(dir, "runtime"), "dir");
}

/** Writes the runtime files once, for `writeForCheck` to link to. */
export function writeSharedRuntime(dir: string, runtime: ReadonlyMap<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  writeRuntimeFiles(dir, runtime);
}

function writeRuntimeFiles(dir: string, runtime: ReadonlyMap<string, string>): void {
  for (const [path, contents] of runtime) {
    const target = join(dir, path.replace(/^runtime\//, ""));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/**
 * Checks the clients in `dirs` together; returns each one's errors (errors in the shared
 * runtime, which would be a runtime bug, are reported under the key "runtime").
 */
export function typecheckClients(dirs: readonly string[]): Map<string, TypeError[]> {
  const roots = dirs.flatMap((dir) => tsFiles(dir).filter((f) => !f.includes(`${sep}runtime${sep}`)));
  const program = ts.createProgram(roots, COMPILER_OPTIONS);
  const byDir = new Map<string, TypeError[]>(dirs.map((d) => [d, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]!;
    const file = d.file?.fileName ?? "";
    const dir = dirs.find((candidate) => file.startsWith(resolve(candidate) + "/") || file.startsWith(resolve(candidate) + sep));
    let at = file;
    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      at = `${dir ? relative(resolve(dir), file) : file}:${line + 1}:${character + 1}`;
    }
    const key = dir ?? "runtime";
    if (!byDir.has(key)) byDir.set(key, []);
    byDir.get(key)!.push({ code: d.code, message, at });
  }
  return byDir;
}
