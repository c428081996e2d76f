/**
 * The TypeScript examples in README.md and docs/ are what a newcomer copies first, so each one
 * is type-checked against the committed clients, as a user's strict build would check it.
 *
 * Each ```ts block is its own module, its imports rewritten to the repository. A block without
 * imports continues the nearest block above it that has some (it takes those imports, and `api`
 * when it uses one without creating it), unless a comment right above it names the client:
 * `<!-- snippet: test/snapshots/oauth2 -->`. `<!-- snippet: skip, reason -->` leaves a block out.
 * Names an example leaves to the reader (`password`, `redirectUri`, …) are declared in PRELUDE.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repo } from "../emit/check-outputs.js";

/** Names the examples use without declaring them, as a reader's code would have them. */
const PRELUDE = `
declare global {
  const username: string;
  const password: string;
  const clientId: string;
  const clientSecret: string;
  const redirectUri: string;
  /** A private key, PKCS #8 DER. */
  const pkcs8Der: ArrayBuffer;
  const callbackUrl: string;
  const url: string;
  const log: { info(entry: Record<string, unknown>): void };
  const save: (...values: unknown[]) => void;
  const req: { url: string };
  const tokenStore: import("../generated/example-api/index.js").TokenStore;
  const onTokens: (scheme: string, tokens: import("../generated/example-api/index.js").TokenSet) => void;
}
export {};
`;

interface Snippet {
  readonly at: string;
  readonly code: string;
  /** The comment right above the fence, if any. */
  readonly directive?: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
  );
}

function snippetsOf(file: string): Snippet[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```ts\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) body.push(lines[i]!.slice(indent));
    const above = lines.slice(0, start).reverse().find((l) => l.trim() !== "");
    const directive = /^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$/.exec(above ?? "")?.[1];
    snippets.push({ at: `${relative(repo, file)}:${start + 1}`, code: body.join("\n"), ...(directive === undefined ? {} : { directive }) });
  }
  return snippets;
}

const IMPORT = /^import\b[^;]*;\s*$/gm;

/** Each snippet as a module under <repo>/.snippets/, or the reason it is left out. */
function modulesOf(file: string): { at: string; source?: string; skipped?: string }[] {
  let context: string[] = [];
  return snippetsOf(file).map(({ at, code, directive }) => {
    if (directive?.startsWith("skip")) return { at, skipped: directive };
    const imports = code.match(IMPORT) ?? [];
    if (imports.length > 0) context = imports;
    const inherited = directive !== undefined ? [`import { createClient } from "./${directive}/index.js";`] : imports.length > 0 ? [] : context;
    const usesApi = /(?<![/\w])api\.\w/.test(code) && !/\bconst api\b/.test(code);
    const source = [
      ...inherited,
      code,
      usesApi ? "declare const api: ReturnType<typeof createClient>;" : "",
      "export {};",
    ]
      .join("\n")
      .replace(/from "\.\//g, 'from "../');
    return { at, source };
  });
}

const documents = [join(repo, "README.md"), ...markdownFiles(join(repo, "docs"))];
const modules = documents.flatMap(modulesOf);
const checked = modules.filter((m) => m.source !== undefined);

function diagnose(): Map<string, string[]> {
  const dir = join(repo, ".snippets");
  const files = new Map<string, string>([[join(dir, "prelude.d.ts"), PRELUDE]]);
  checked.forEach((m, i) => files.set(join(dir, `snippet-${i}.ts`), m.source!));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    typeRoots: [join(repo, "node_modules/@types")],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    files.has(name) ? ts.createSourceFile(name, files.get(name)!, version) : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name) ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys()], options, host);
  const byFile = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName ?? "";
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const where = d.file ? `${d.file.text.split("\n")[line - 1]?.trim()}` : "";
    byFile.set(name, [...(byFile.get(name) ?? []), `${text} (at: ${where})`]);
  }
  const byAt = new Map<string, string[]>();
  checked.forEach((m, i) => byAt.set(m.at, byFile.get(join(dir, `snippet-${i}.ts`)) ?? []));
  byAt.set("(prelude and others)", [...byFile].filter(([f]) => !/snippet-\d+\.ts$/.test(f)).flatMap(([, d]) => d));
  return byAt;
}

describe("the TypeScript examples in README.md and docs/ type-check against the committed clients", () => {
  let diagnostics: Map<string, string[]> | undefined;
  const reported = (at: string) => (diagnostics ??= diagnose()).get(at) ?? [];

  it("finds the examples, and leaves out only those it is told to, with a reason", () => {
    expect(checked.length).toBeGreaterThanOrEqual(20);
    for (const m of modules.filter((m) => m.skipped !== undefined)) expect(m.skipped, m.at).toMatch(/^skip, \S/);
  });

  it.each(checked.map((m) => m.at))("%s", (at) => {
    expect(reported(at)).toEqual([]);
  }, 60_000);

  it("the prelude itself", () => {
    expect(reported("(prelude and others)")).toEqual([]);
  });
});
