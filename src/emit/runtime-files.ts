/**
 * The runtime, copied into every client so that generated code needs no package: only the
 * modules the client's `index.ts` reaches through relative imports (type-only ones too, so
 * the copy type-checks), e.g. no `runtime/oauth/` for a client without OAuth.
 * Tests (`*.test.ts`) and the runtime's own tsconfig stay behind.
 */
import { readdir, readFile } from "node:fs/promises";
import { posix, relative, sep, join } from "node:path";
import { runtimeDir } from "./paths.js";

/**
 * The runtime modules that declare the types a user's code names (results and errors, client
 * options and credentials, call arguments, OAuth 2 controls and tokens). They are checked in
 * the user's build like the rest of the client, so that a build that lacks what they need (the DOM
 * lib) is told so there, rather than handed `any` for those types.
 */
export const PUBLIC_TYPE_MODULES: ReadonlySet<string> = new Set([
  "runtime/operation.ts",
  "runtime/options.ts",
  "runtime/oauth-types.ts",
  "runtime/result.ts",
]);

/**
 * On every other runtime module, second line: the implementation is the same in every client
 * and is checked by the generator's own tests under stricter settings than most builds use
 * (test/emit/typecheck.test.ts, without the pragma), so a user's build uses its types without
 * checking its code again, as `skipLibCheck` treats a package's declarations. It is about a
 * third of a large client's type-check time (BENCHMARKS.md).
 */
export const RUNTIME_NOCHECK =
  "// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.";

async function listTs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listTs(path);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
    }),
  );
  return files.flat();
}

let cache: Promise<Map<string, string>> | undefined;

/** Every runtime source, keyed by its path inside an output folder ("runtime/client.ts"). */
export function runtimeFiles(): Promise<Map<string, string>> {
  cache ??= (async () => {
    const files = (await listTs(runtimeDir)).sort();
    const contents = await Promise.all(files.map((f) => readFile(f, "utf8")));
    return new Map(files.map((f, i) => [["runtime", ...relative(runtimeDir, f).split(sep)].join("/"), contents[i]!]));
  })();
  return cache;
}

/**
 * Relative module specifiers of a source: `import … from`, `export … from` and side-effect
 * `import "…"` statements, each starting a line, read by their grammar only (a binding list,
 * `* as x`, a default name, `type`), so that text in a comment or a declaration, which in a
 * generated index.ts may come from the document, never reads as an import. The runtime is our
 * own code and uses nothing else (no dynamic `import()`, no `require`); a specifier that
 * names no runtime file fails loudly below.
 */
const SPECIFIER =
  /^(?:import|export)(?:\s+type)?\s*(?:(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\}|[\w$]+(?:\s*,\s*\{[^}]*\})?)\s*from\s*)?"(\.\.?\/[^"]+)";/gm;

function relativeImports(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[1]!);
}

/**
 * The runtime modules `index` (the generated `index.ts`, at the output folder's root)
 * reaches: the closure over relative imports, each `./x.js` read as the `./x.ts` it names.
 * Keyed and ordered like `runtimeFiles()`.
 */
export async function runtimeFilesFor(index: string): Promise<Map<string, string>> {
  const all = await runtimeFiles();
  const reached = new Set<string>();
  const visit = (from: string, source: string) => {
    for (const specifier of relativeImports(source)) {
      const path = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, ".ts");
      if (!path.startsWith("runtime/") || reached.has(path)) continue;
      const target = all.get(path);
      if (target === undefined) throw new Error(`internal error: ${from} imports ${specifier}, which is not a runtime module`);
      reached.add(path);
      visit(path, target);
    }
  };
  visit("index.ts", index);
  return new Map([...all].filter(([path]) => reached.has(path)));
}
