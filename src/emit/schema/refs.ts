/**
 * JSON Pointers and `$ref`s (RFC 6901; OpenAPI 3.1 §4.8.23) exactly as openapi-typescript
 * reads and writes them (its `createRef`, `resolveRef`, Redocly's `parseRef`): the paths it
 * builds key its discriminator tables, so they must be the same strings, quirks included
 * (a path segment is itself parsed as a reference, `%` escapes are decoded).
 */

/** Redocly's `unescapePointer`: `~1`, `~0`, then percent-decoding (which throws on a lone `%`). */
function unescapePointer(fragment: string): string {
  return decodeURIComponent(fragment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function escapePointer(fragment: string): string {
  return fragment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The pointer segments of a `$ref` (what follows the first `#/`), empty segments dropped. */
export function refPointer(ref: string): string[] {
  const pointer = ref.split("#/")[1] ?? "";
  return pointer
    .split("/")
    .map(unescapePointer)
    .filter((s) => s !== "");
}

/** What `createRef` appends for one part: the same for every occurrence of the part, so remembered. */
const partTexts = new Map<string, string>();

function partText(part: string): string {
  let text = partTexts.get(part);
  if (text === undefined) {
    const segments = refPointer(part);
    text = segments.length > 0 ? segments.map((segment) => `/${escapePointer(segment)}`).join("") : `/${escapePointer(part)}`;
    if (partTexts.size > 100_000) partTexts.clear();
    partTexts.set(part, text);
  }
  return text;
}

/** openapi-typescript's `createRef`: a `#/…` pointer from parts, each of which may itself be a pointer. */
export function createRef(parts: readonly unknown[]): string {
  let pointer = "#";
  for (const part of parts) {
    if (part === undefined || part === null || part === "") continue;
    if (typeof part === "string" || typeof part === "number") pointer += partText(String(part));
    // Anything else makes escaping throw, as there.
    else pointer += refPointer(String(part)).length > 0 ? partText(String(part)) : `/${escapePointer(part as unknown as string)}`;
  }
  return pointer;
}

/** A value of the document as JSON.parse gives it. */
export type Value = unknown;
export type Obj = Record<string, unknown>;

export const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null;

/**
 * openapi-typescript's `resolveRef`: follows the pointer through truthy members, then any
 * chain of `$ref`s (a cycle resolves to nothing). `view` maps an object to its patched copy
 * (./discriminators.ts).
 */
export function resolveRef(root: unknown, ref: string, view: (value: unknown) => unknown = (v) => v, visited: string[] = []): unknown {
  const pointer = refPointer(ref);
  if (pointer.length === 0) return undefined;
  let node = view(root);
  for (const key of pointer) {
    const next = isObj(node) ? view((node as Obj)[key]) : undefined;
    if (!next) return undefined;
    node = next;
  }
  if (isObj(node) && node.$ref) {
    const target = node.$ref as string;
    if (visited.includes(target)) return undefined;
    return resolveRef(root, target, view, [...visited, target]);
  }
  return node;
}
