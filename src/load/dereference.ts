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
 * library spent a second on the GitHub document resolving every `$ref` as a URL. And a target is
 * inlined once per kind of place that uses it (`Kind`): where it is used again as the same kind,
 * the Reference Object stays, so that the validator does not check the same value again. The
 * document itself is not changed.
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

/**
 * The kinds of OpenAPI object (3.0 §4.7, 3.1 §4.8) that a Reference Object may stand for, which
 * are all a `$ref` can be checked as: a `$ref` used again at a place of a kind it was already
 * inlined at is left as it is there, since its target has been validated as that kind (GitHub's
 * shared schemas are used thousands of times: validating each use again was ~80 % of validation).
 */
const KINDS = ["schema", "parameter", "response", "requestBody", "header", "example", "link", "callback", "securityScheme"] as const;
type Kind = (typeof KINDS)[number];
const isKind = (place: Place): place is Kind => (KINDS as readonly string[]).includes(place);

/**
 * What a node holds, tracked from the root down: an object of a kind (or one that leads to
 * them: the root, components, path items, operations, media types, encodings), or a map or
 * array of them (`…[]`). Undefined where nothing below can matter (extensions, examples' values).
 */
type Place = Kind | "root" | "components" | "pathItem" | "operation" | "mediaType" | "encoding" | `${Kind | "pathItem" | "mediaType" | "encoding"}[]`;

const OPERATION_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "allOf", "oneOf", "anyOf", "prefixItems"];
const SCHEMA_FIELDS = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];

const FIELDS: Partial<Record<Place, Readonly<Record<string, Place>>>> = {
  root: { paths: "pathItem[]", webhooks: "pathItem[]", components: "components" },
  components: {
    schemas: "schema[]",
    responses: "response[]",
    parameters: "parameter[]",
    examples: "example[]",
    requestBodies: "requestBody[]",
    headers: "header[]",
    securitySchemes: "securityScheme[]",
    links: "link[]",
    callbacks: "callback[]",
    pathItems: "pathItem[]",
  },
  pathItem: { parameters: "parameter[]", ...Object.fromEntries(OPERATION_METHODS.map((method) => [method, "operation"])) },
  operation: { parameters: "parameter[]", requestBody: "requestBody", responses: "response[]", callbacks: "callback[]" },
  parameter: { schema: "schema", content: "mediaType[]", examples: "example[]" },
  header: { schema: "schema", content: "mediaType[]", examples: "example[]" },
  requestBody: { content: "mediaType[]" },
  response: { headers: "header[]", content: "mediaType[]", links: "link[]" },
  mediaType: { schema: "schema", examples: "example[]", encoding: "encoding[]" },
  encoding: { headers: "header[]" },
  schema: { ...Object.fromEntries(SCHEMA_MAPS.map((key) => [key, "schema[]"])), ...Object.fromEntries(SCHEMA_FIELDS.map((key) => [key, "schema"])) },
};

/** The place of `key`'s value in a node at `place`. A Callback Object is a map of path items. */
function placeOf(place: Place | undefined, key: string): Place | undefined {
  if (place === undefined) return undefined;
  if (place === "callback") return "pathItem";
  if (place.endsWith("[]")) return place.slice(0, -2) as Place;
  return FIELDS[place]?.[key];
}

export function dereferencedView(root: unknown): unknown {
  const byRef = new Map<string, Walked>();
  // The values on the path being walked (targets included): meeting one again is a cycle.
  const path = new Set<unknown>();
  /** `${kind} ${$ref}` of every `$ref` inlined at a place of that kind. */
  const inlined = new Set<string>();

  /** Whether `ref` was inlined at a place of this kind already; marks it so if not. */
  const inlinedBefore = (ref: JsonObject & { $ref: string }, place: Place | undefined): boolean => {
    if (place === undefined || !isKind(place)) return false;
    const key = `${place} ${ref.$ref}`;
    if (inlined.has(key)) return true;
    inlined.add(key);
    return false;
  };

  const follow = (ref: JsonObject & { $ref: string }, place: Place | undefined): Walked => {
    const extended = Object.keys(ref).length > 1;
    const known = byRef.get(ref.$ref);
    if (known !== undefined) {
      if (known.circular) return known;
      if (extended) return { value: merge(ref, known.value), circular: false };
      return inlinedBefore(ref, place) ? { value: ref, circular: false } : known;
    }
    const segments = segmentsOf(ref.$ref);
    const target = segments === undefined ? undefined : getAt(root, segments);
    // External or dangling: refs.ts has reported it; leave it for the schema to see.
    if (target === undefined || !target.found) return { value: ref, circular: false };
    let walked: Walked = { value: target.value, circular: path.has(target.value) };
    if (!walked.circular && !extended) walked = walk(target.value, place);
    else if (!walked.circular) {
      // The merged copy is a new object: the target itself marks the path, or a cycle through
      // a `$ref` with siblings (`{ $ref, description }`, as Google's documents write them) would
      // be walked without end.
      path.add(target.value);
      walked = walk(merge(ref, target.value), place);
      path.delete(target.value);
    }
    if (walked.circular) walked = { value: ref, circular: true };
    if (!extended) {
      byRef.set(ref.$ref, walked);
      if (!walked.circular) inlinedBefore(ref, place);
    }
    return walked;
  };

  const walk = (node: unknown, place: Place | undefined): Walked => {
    if (typeof node !== "object" || node === null) return { value: node, circular: false };
    if (isRef(node)) return follow(node, place);
    path.add(node);
    let circular = false;
    let copy: JsonObject | unknown[] | undefined;
    const keys = Object.keys(node);
    for (const key of keys) {
      const child = (node as JsonObject)[key];
      const walked = walk(child, placeOf(place, key));
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

  return walk(root, "root").value;
}
