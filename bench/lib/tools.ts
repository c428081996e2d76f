/**
 * The generators under test: how each is run (a fresh `node` process, default options apart
 * from choosing the fetch client) and how the type-check file calls one operation of its output.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchDocument } from "./documents.js";
import { binOf, installedVersion } from "./setup.js";
import { ROOT } from "./util.js";

export type ToolId = "ours" | "openapi-typescript" | "hey-api" | "orval" | "oazapfts";
export const TOOL_IDS: readonly ToolId[] = ["ours", "openapi-typescript", "hey-api", "orval", "oazapfts"];

export interface Tool {
  id: ToolId;
  label: string;
  /** What it emits. */
  emits: "client" | "types";
  version(): string;
  /** Arguments after `node`; `out` is a folder that does not exist yet. */
  args(spec: string, out: string): string[];
  /** Called before each run (e.g. a tool that needs its output folder to exist). */
  prepare?(out: string): void;
  /** The type-check file(s) for an output in `out` (relative imports from the folder holding `out`). */
  checkFiles(doc: BenchDocument, outName: string, out: string): CheckFile[];
}

export interface CheckFile {
  /** Variant name ("" for the tool's main check). */
  variant: string;
  source: string;
  /** The operation the file calls, as found in the output. */
  calls: string;
}

const ourVersion = (): string => (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** `/a/{b}/c` and `/a/${encodeURIComponent(b)}/c?${…}` both become `/a/{}/c`. */
function normalizePath(path: string): string {
  let p = path;
  const qs = p.indexOf("${QS.");
  if (qs >= 0) p = p.slice(0, qs);
  const q = p.indexOf("?");
  if (q >= 0) p = p.slice(0, q);
  return p.replace(/\$\{[^}]*\}/g, "{}").replace(/\{[^}]*\}/g, "{}");
}

interface Found {
  name: string;
  exact: boolean;
}

/** Finds, in chunks of a generated file, the exported function for `doc.call`. */
function findFunction(
  text: string,
  separator: string,
  parse: (chunk: string) => { name: string; method: string; paths: string[] } | undefined,
  doc: BenchDocument,
): Found | undefined {
  const want = normalizePath(doc.call.path);
  let first: string | undefined;
  for (const chunk of text.split(separator).slice(1)) {
    const info = parse(chunk);
    if (info === undefined) continue;
    first ??= info.name;
    if (info.method.toLowerCase() === doc.call.method && info.paths.some((p) => normalizePath(p) === want)) return { name: info.name, exact: true };
  }
  return first === undefined ? undefined : { name: first, exact: false };
}

const describeCall = (doc: BenchDocument, found: Found): string =>
  found.exact ? `${found.name} (${doc.call.method.toUpperCase()} ${doc.call.path})` : `${found.name} (first operation: ${doc.call.method.toUpperCase()} ${doc.call.path} not found)`;

const templates = (chunk: string): string[] => [...chunk.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);

export function tools(): Tool[] {
  const node = (pkg: string, bin?: string) => binOf(pkg, bin);
  return [
    {
      id: "ours",
      label: "gen-auth-client",
      emits: "client",
      version: ourVersion,
      args: (spec, out) => [join(ROOT, "bin", "gen-auth-client.js"), spec, "-o", out, "--quiet"],
      checkFiles(doc, outName, out) {
        // The operations table: operations.ts since it moved out of index.ts.
        const table = existsSync(join(out, "operations.ts")) ? "operations.ts" : "index.ts";
        const index = readFileSync(join(out, table), "utf8");
        const ops = [...index.matchAll(/name: ("(?:[^"\\]|\\.)*"),\s*method: "([A-Z]+)",\s*path: ("(?:[^"\\]|\\.)*")/g)].map((m) => ({
          name: JSON.parse(m[1]!) as string,
          method: m[2]!,
          path: JSON.parse(m[3]!) as string,
        }));
        const exact = ops.find((o) => o.method.toLowerCase() === doc.call.method && o.path === doc.call.path);
        const op = exact ?? ops[0];
        if (op === undefined) return [];
        const found = { name: op.name, exact: exact !== undefined };
        return [
          {
            variant: "",
            calls: describeCall(doc, found),
            source: [
              `import { createClient, type Client } from "./${outName}/index.js";`,
              `const api = createClient({ baseUrl: "https://api.example.test" });`,
              `declare const args: Parameters<Client[${JSON.stringify(op.name)}]>;`,
              `const res = await api[${JSON.stringify(op.name)}](...args);`,
              `export const out = res.ok ? res.data : res.error.kind;`,
              "",
            ].join("\n"),
          },
        ];
      },
    },
    {
      id: "openapi-typescript",
      label: "openapi-typescript",
      emits: "types",
      version: () => installedVersion("openapi-typescript") ?? "?",
      args: (spec, out) => [node("openapi-typescript"), spec, "-o", join(out, "schema.ts")],
      checkFiles(doc, outName) {
        const path = JSON.stringify(doc.call.path);
        return [
          {
            // How its users make a call: openapi-fetch over the generated `paths`.
            variant: "+ openapi-fetch",
            calls: `client.${doc.call.method.toUpperCase()}(${path})`,
            source: [
              `import createClient, { type MaybeOptionalInit } from "openapi-fetch";`,
              `import type { paths } from "./${outName}/schema.js";`,
              `const client = createClient<paths>({ baseUrl: "https://api.example.test" });`,
              `declare const init: MaybeOptionalInit<paths[${path}], ${JSON.stringify(doc.call.method)}>;`,
              `const { data, error } = await client.${doc.call.method.toUpperCase()}(${path}, init);`,
              `export const out = data ?? error;`,
              "",
            ].join("\n"),
          },
          {
            // The types alone: the floor any client built on these types pays.
            variant: "types only",
            calls: `paths[${path}][${JSON.stringify(doc.call.method)}]`,
            source: [
              `import type { paths } from "./${outName}/schema.js";`,
              `export type Operation = paths[${path}][${JSON.stringify(doc.call.method)}];`,
              `declare const op: Operation;`,
              `export const responses = op.responses;`,
              "",
            ].join("\n"),
          },
        ];
      },
    },
    {
      id: "hey-api",
      label: "@hey-api/openapi-ts (fetch client)",
      emits: "client",
      version: () => installedVersion("@hey-api/openapi-ts") ?? "?",
      args: (spec, out) => [node("@hey-api/openapi-ts", "openapi-ts"), "-i", spec, "-o", out, "-c", "@hey-api/client-fetch", "--no-log-file", "-s"],
      checkFiles(doc, outName, out) {
        const sdk = join(out, "sdk.gen.ts");
        if (!existsSync(sdk)) return [];
        const found = findFunction(
          readFileSync(sdk, "utf8"),
          "\nexport const ",
          (chunk) => {
            const m = /^(\w+) = [\s\S]*?\)\.(get|put|post|delete|options|head|patch|trace)</.exec(chunk);
            const url = /url: '([^']*)'/.exec(chunk);
            return m && url ? { name: m[1]!, method: m[2]!, paths: [url[1]!] } : undefined;
          },
          doc,
        );
        if (found === undefined) return [];
        return [
          {
            variant: "",
            calls: describeCall(doc, found),
            source: [
              `import { ${found.name} } from "./${outName}/index.js";`,
              `declare const args: Parameters<typeof ${found.name}>;`,
              `const res = await ${found.name}(...args);`,
              `export const out = res.data ?? res.error;`,
              "",
            ].join("\n"),
          },
        ];
      },
    },
    {
      id: "orval",
      label: "orval (fetch client)",
      emits: "client",
      version: () => installedVersion("orval") ?? "?",
      args: (spec, out) => [node("orval"), "-i", spec, "-o", join(out, "api.ts"), "--client", "fetch"],
      checkFiles(doc, outName, out) {
        const file = join(out, "api.ts");
        if (!existsSync(file)) return [];
        const found = findFunction(
          readFileSync(file, "utf8"),
          "\nexport const get",
          (chunk) => {
            const m = /^(\w+)Url = /.exec(chunk);
            if (!m) return undefined;
            const name = m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1);
            const method = new RegExp(`export const ${name} = [\\s\\S]*?method: '(\\w+)'`).exec(chunk)?.[1] ?? "GET";
            return { name, method, paths: templates(chunk) };
          },
          doc,
        );
        if (found === undefined) return [];
        return [
          {
            variant: "",
            calls: describeCall(doc, found),
            source: [
              `import { ${found.name} } from "./${outName}/api.js";`,
              `declare const args: Parameters<typeof ${found.name}>;`,
              `const res = await ${found.name}(...args);`,
              `export const out = res.data;`,
              "",
            ].join("\n"),
          },
        ];
      },
    },
    {
      id: "oazapfts",
      label: "oazapfts",
      emits: "client",
      version: () => installedVersion("oazapfts") ?? "?",
      args: (spec, out) => [node("oazapfts"), spec, join(out, "api.ts")],
      prepare: (out) => mkdirSync(out, { recursive: true }),
      checkFiles(doc, outName, out) {
        const file = join(out, "api.ts");
        if (!existsSync(file)) return [];
        const found = findFunction(
          readFileSync(file, "utf8"),
          "\nexport function ",
          (chunk) => {
            const m = /^(\w+)\(/.exec(chunk);
            if (!m) return undefined;
            const method = /method: "(\w+)"/.exec(chunk)?.[1] ?? "GET";
            const path = templates(chunk)[0] ?? /fetch\w*(?:<[\s\S]*?>)?\("([^"]*)"/.exec(chunk)?.[1];
            return { name: m[1]!, method, paths: path === undefined ? [] : [path] };
          },
          doc,
        );
        if (found === undefined) return [];
        return [
          {
            variant: "",
            calls: describeCall(doc, found),
            source: [
              `import { ${found.name} } from "./${outName}/api.js";`,
              `declare const args: Parameters<typeof ${found.name}>;`,
              `export const out = await ${found.name}(...args);`,
              "",
            ].join("\n"),
          },
        ];
      },
    },
  ];
}
