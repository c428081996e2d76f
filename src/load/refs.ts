/**
 * Checks every `$ref` before anything resolves them, so that a broken one is reported where it is
 * written (file, pointer, line) rather than as a resolver's exception.
 *
 * OpenAPI 3.1 §4.8.23 / 3.0 §4.7.23 (Reference Object): `$ref` is a URI reference (RFC 3986);
 * a fragment is a JSON pointer (RFC 6901 §6: its URI fragment form is percent-encoded).
 * Relative references resolve against the referring document's location (3.1 §4.3.1
 * "Relative References in URIs"). Remote documents are never fetched: the generator runs in
 * builds and CI, and a document must not make it reach the network.
 */
import { dirname, join, normalize, relative, resolve } from "node:path";
import { DiagnosticError, fromPointer, toPointer, type Diagnostic } from "../diagnostics/diagnostic.js";
import { clip, getAt, isObject } from "./json.js";
import type { Locate } from "./locate.js";
import { parseSource, type SourceDocument } from "./parse.js";
import { decodeText, readFailureReason } from "./read.js";
import { readFile } from "node:fs/promises";
import { isUnsafeUrl } from "@apidevtools/json-schema-ref-parser";

export interface RefSource {
  file: string;
  data: unknown;
  locate: Locate;
}

export interface RefCheck {
  diagnostics: Diagnostic[];
  /** Files reached through `$ref`, as displayed (relative to the input's folder as the user named it). */
  externalFiles: string[];
  /** Whether any `$ref` names a file (even the input itself): then the document needs bundling. */
  hasFileRefs: boolean;
}

export interface RefPolicy {
  readonly allowRemoteRefs?: boolean;
  readonly allowRefsOutsideFolder?: boolean;
}

export async function checkRefs(main: RefSource, policy: RefPolicy = {}): Promise<RefCheck> {
  // File references may not leave the input's folder unless the user allows it: a document
  // from elsewhere must not read `../../home/user/.npmrc` into a generated client.
  const root = dirname(resolve(main.file));
  const diagnostics: Diagnostic[] = [];
  const externalFiles: string[] = [];
  let hasFileRefs = false;
  // Keyed by absolute path; a failed load is remembered so that it is reported once.
  const loaded = new Map<string, RefSource | undefined>();
  loaded.set(resolve(main.file), main);
  const queue: RefSource[] = [main];

  const load = async (absolute: string, display: string): Promise<RefSource | string | undefined> => {
    if (loaded.has(absolute)) return loaded.get(absolute);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      return `cannot read ${clip(display, 200)} (${readFailureReason(error)})`;
    }
    try {
      const source: SourceDocument = parseSource(display, decodeText(display, bytes));
      loaded.set(absolute, source);
      externalFiles.push(display);
      queue.push(source);
      return source;
    } catch (error) {
      loaded.set(absolute, undefined);
      if (error instanceof DiagnosticError) diagnostics.push(...error.diagnostics);
      else throw error;
      return undefined;
    }
  };

  while (queue.length > 0) {
    const source = queue.shift()!;
    const found: Array<{ pointer: string; ref: string }> = [];
    collectRefs(source.data, [], found);
    for (const { pointer, ref } of found) {
      if (!ref.startsWith("#")) hasFileRefs = true;
      const problem = await checkOne(source, ref, load, policy, root);
      if (problem) {
        diagnostics.push({ severity: "error", file: source.file, pointer, ...source.locate(pointer), message: problem });
      }
    }
  }

  return { diagnostics: sortByFileThenLine(diagnostics), externalFiles, hasFileRefs };
}

type Loader = (absolute: string, display: string) => Promise<RefSource | string | undefined>;

async function checkOne(source: RefSource, ref: string, load: Loader, policy: RefPolicy, root: string): Promise<string | undefined> {
  const shown = `$ref "${clip(ref, 200)}"`;
  if (ref.startsWith("#")) {
    return resolvesIn(source.data, ref.slice(1)) ? undefined : `${shown} does not resolve`;
  }
  // A scheme (RFC 3986 §3.1), but not a Windows drive letter.
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    if (/^https?:/i.test(ref)) {
      if (policy.allowRemoteRefs !== true) return `remote $ref not allowed: ${clip(ref, 200)} (pass --allow-remote-refs to fetch it)`;
      // Even when allowed, a document may not make the generator reach this machine or its
      // network (SSRF); the bundler's resolver refuses those too, with a vaguer message.
      if (isUnsafeUrl(ref)) return `remote $ref to a loopback, private or non-web address is never fetched: ${clip(ref, 200)}`;
      // Allowed remote documents are fetched and checked by the bundler, not here.
      return undefined;
    }
    return `${shown} is not supported: only local (#...) and relative file references are`;
  }

  const hash = ref.indexOf("#");
  const pathPart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  let path: string;
  try {
    path = decodeURI(pathPart);
  } catch {
    return `${shown} is not a valid URI reference`;
  }
  const absolute = resolve(dirname(resolve(source.file)), path);
  if (policy.allowRefsOutsideFolder !== true && relative(root, absolute).startsWith("..")) {
    return `${shown} leaves the document's folder (pass --allow-refs-outside-folder to follow it)`;
  }
  const target = await load(absolute, normalize(join(dirname(source.file), path)));
  if (target === undefined) return undefined; // its parse errors are already reported, in its own file
  if (typeof target === "string") return `${shown} does not resolve: ${target}`;
  return resolvesIn(target.data, fragment) ? undefined : `${shown} does not resolve`;
}

function resolvesIn(data: unknown, fragment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return false;
  }
  // A plain-name fragment is a JSON Schema anchor (`$anchor`, 2020-12 §8.2.2): not checked here.
  if (decoded !== "" && !decoded.startsWith("/")) return true;
  return getAt(data, fromPointer(decoded)).found;
}

/** Every string `$ref`, with the pointer of the object that holds it. */
function collectRefs(node: unknown, path: (string | number)[], out: Array<{ pointer: string; ref: string }>): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      path.push(index);
      collectRefs(item, path, out);
      path.pop();
    });
  } else if (isObject(node)) {
    if (typeof node.$ref === "string") out.push({ pointer: toPointer(path), ref: node.$ref });
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== "object" || value === null) continue;
      path.push(key);
      collectRefs(value, path, out);
      path.pop();
    }
  }
}

export function sortByFileThenLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const order = new Map<string, number>();
  for (const d of diagnostics) if (!order.has(d.file)) order.set(d.file, order.size);
  return [...diagnostics].sort(
    (a, b) =>
      order.get(a.file)! - order.get(b.file)! ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
