/**
 * Local `$ref` resolution for the model stage. The load stage bundles external references
 * and proves every local one resolves, so here a `$ref` is always "#/..." and present.
 */
import { fromPointer } from "../diagnostics/diagnostic.js";

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s (Reference Object, OpenAPI 3 §4.8.23) until a non-reference object. */
export function deref(document: Json, value: unknown): Json | undefined {
  const seen = new Set<string>();
  let current = value;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith("#")) return undefined;
    seen.add(ref);
    current = fromPointer(ref).reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined), document);
  }
  return isObject(current) ? current : undefined;
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
