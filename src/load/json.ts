/**
 * Small helpers over plain JSON data (what a parsed OpenAPI document is once it leaves YAML).
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets an own property even when the key is "__proto__": documents are untrusted input, and a
 * plain assignment of that key would change the object's prototype instead of adding a field.
 */
export function setOwn(target: JsonObject, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** RFC 6901 §4: evaluates a pointer (already split into segments) against `root`. */
export function getAt(root: unknown, segments: readonly string[]): { found: true; value: unknown } | { found: false } {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      // §4: an array index is "0" or digits without a leading zero.
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return { found: false };
      const index = Number(segment);
      if (index >= node.length) return { found: false };
      node = node[index];
    } else if (isObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return { found: false };
      node = node[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

/**
 * Where a pointer that passes through local `$ref`s really leads: the validator reports
 * problems inside a referenced schema at the referring path too (`/paths/~1x/get/.../schema/
 * properties/a` for what is written under `/components/schemas/A/properties/a`), and only the
 * written place has a line. `via` is where the first `$ref` followed is written. A pointer
 * that exists as written is returned unchanged, without `via`; one that cannot be followed, as well.
 */
export function pointerThroughRefs(root: unknown, segments: readonly string[]): { path: string[]; via?: string[] } {
  const unchanged = { path: [...segments] };
  if (getAt(root, segments).found) return unchanged;
  let via: string[] | undefined;
  let path: string[] = [];
  let node = root;
  for (const segment of segments) {
    // A bounded loop: a $ref may point at another $ref.
    for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#") && !Object.prototype.hasOwnProperty.call(node, segment); hops++) {
      const target = node.$ref
        .slice(1)
        .split("/")
        .slice(1)
        .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
      const resolved = getAt(root, target);
      if (!resolved.found) return unchanged;
      via ??= [...path];
      path = target;
      node = resolved.value;
    }
    const next = getAt(node, [segment]);
    if (!next.found) return unchanged;
    path.push(segment);
    node = next.value;
  }
  return via === undefined ? { path } : { path, via };
}

/**
 * A value from the document, shortened and with control characters escaped, for use inside a
 * diagnostic message: messages reach terminals and CI logs, so document text must not be able to
 * inject escape sequences or flood the output.
 */
export function clip(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/** The first line of an error's message, shortened: never a stack, never a whole document. */
export function shortMessage(error: unknown, max = 300): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
  return clip(firstLine.trim(), max);
}
