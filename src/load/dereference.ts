/**
 * A dereferenced view of a bundled document, for validation only: every local `$ref` replaced by
 * what it points at, except those that lead into a cycle, which stay Reference Objects. A value is
 * validated where it is used, not only where it is written: a parameter referenced as a schema's
 * `items` is wrong there though valid in its place (validate.ts names the `$ref` then), and a
 * `$ref` that bundling put where the OpenAPI schema allows no Reference Object is read as its value.
 *
 * This is what swagger-parser's `validate` did with json-schema-ref-parser's `dereference`
 * (circular: "ignore"), with the same rules: a `$ref` with other members is merged with its target
 * (its own members win), and a `$ref` whose target reaches a cycle is left as it is. But nothing is
 * copied that does not change, and each target is walked once: the targets are shared, where the
 * library spent a second on the GitHub document resolving every `$ref` as a URL. The document
 * itself is not changed.
 */
import { getAt, isObject, setOwn, type JsonObject } from "./json.js";

interface Walked {
  value: unknown;
  /** Whether a cycle was met below: then a `$ref` to this value is kept as it is. */
  circular: boolean;
}

const isRef = (value: unknown): value is JsonObject & { $ref: string } => isObject(value) && typeof value.$ref === "string";

function segmentsOf(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  const fragment = ref.slice(1);
  if (fragment === "") return [];
  try {
    return fragment
      .split("/")
      .slice(1)
      .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
  } catch {
    return undefined;
  }
}

/** `$ref` with other members: they are kept, and the target's members fill in the rest. */
function merge(ref: JsonObject, target: unknown): unknown {
  if (!isObject(target)) return target;
  const merged: JsonObject = {};
  for (const key of Object.keys(ref)) if (key !== "$ref") setOwn(merged, key, ref[key]);
  for (const key of Object.keys(target)) if (!Object.prototype.hasOwnProperty.call(merged, key)) setOwn(merged, key, target[key]);
  return merged;
}

export function dereferencedView(root: unknown): unknown {
  const byRef = new Map<string, Walked>();
  // The values on the path being walked (targets included): meeting one again is a cycle.
  const path = new Set<unknown>();

  const follow = (ref: JsonObject & { $ref: string }): Walked => {
    const extended = Object.keys(ref).length > 1;
    const known = byRef.get(ref.$ref);
    if (known !== undefined) return extended && !known.circular ? { value: merge(ref, known.value), circular: false } : known;
    const segments = segmentsOf(ref.$ref);
    const target = segments === undefined ? undefined : getAt(root, segments);
    // External or dangling: refs.ts has reported it; leave it for the schema to see.
    if (target === undefined || !target.found) return { value: ref, circular: false };
    let walked: Walked = { value: target.value, circular: path.has(target.value) };
    if (!walked.circular && !extended) walked = walk(target.value);
    else if (!walked.circular) {
      // The merged copy is a new object: the target itself marks the path, or a cycle through
      // a `$ref` with siblings (`{ $ref, description }`, as Google's documents write them) would
      // be walked without end.
      path.add(target.value);
      walked = walk(merge(ref, target.value));
      path.delete(target.value);
    }
    if (walked.circular) walked = { value: ref, circular: true };
    if (!extended) byRef.set(ref.$ref, walked);
    return walked;
  };

  const walk = (node: unknown): Walked => {
    if (typeof node !== "object" || node === null) return { value: node, circular: false };
    if (isRef(node)) return follow(node);
    path.add(node);
    let circular = false;
    let copy: JsonObject | unknown[] | undefined;
    const keys = Object.keys(node);
    for (const key of keys) {
      const child = (node as JsonObject)[key];
      const walked = walk(child);
      circular ||= walked.circular;
      if (walked.value !== child) {
        copy ??= Array.isArray(node) ? [...node] : { ...(node as JsonObject) };
        if (Array.isArray(copy)) copy[Number(key)] = walked.value;
        else setOwn(copy, key, walked.value);
      }
    }
    path.delete(node);
    return { value: copy ?? node, circular };
  };

  return walk(root).value;
}
