/**
 * The document as the schema emitter reads it to write `schema.ts` (Schema Object, OpenAPI
 * 3.1 §4.8.24, 3.0 §4.7.24; Reference Object, 3.1 §4.8.23). src/emit/schema is a port of
 * openapi-typescript 7.13's transform, held byte-identical to it by the tests, so its typing
 * is openapi-typescript's; this module rewrites only the constructs it turns into
 * types that do not compile, each into an equivalent one, so that a valid document always
 * yields a client that compiles.
 *
 * - A `$ref` into the middle of something (`#/components/schemas/Pet/definitions/Tag`,
 *   `#/paths/~1pets/get/responses/200/content/application~1json/schema/items`) becomes an
 *   indexed access that names no type (`components["schemas"]["Pet"]["definitions"]`).
 *   Only a whole component (`#/components/schemas/Pet`) is safe. The target schema is
 *   copied into `components.schemas` under a new name and the references point there: the
 *   same type, one more name.
 * - `type: "null"` beside `oneOf`/`anyOf` (vercel.com: "a string, number, boolean, object or
 *   array of these, or null") is read by openapi-typescript as JSON Schema says, null AND one
 *   of the alternatives: `null & (A | B[])`, which is never a value and, when an alternative
 *   refers back to the schema, a type that references itself (TS2502). The evident meaning,
 *   "one of these, or null", is taken instead, with a warning: `nullable: true` in 3.0 (where
 *   "null" is not a type at all, 3.0 §4.7.24.1), a `{ type: "null" }` alternative in 3.1.
 * - An Example Object's `externalValue` (3.1 §4.8.19) is a URL that openapi-typescript's bundler
 *   fetches (cpy.re/peertube: a crash offline, and a build that reaches a server a document
 *   names). Examples never shape a type: `externalValue` is dropped.
 * - `enum` beside `type: "object"` is typed by openapi-typescript as alternatives of object
 *   schemas; enum values that are not objects (mercedes-benz.com: `type: object, enum: ["PKW"]`)
 *   make it throw. Such an enum contradicts its type and is dropped, with a warning.
 * - A discriminator `mapping` value that is neither a schema name nor a local `$ref` that
 *   resolves (digitalocean.com: `models/volume_action_post_attach.yml`, a file the document was
 *   bundled from, and `#/reserved_ip_action_assign`) is resolved, or fetched, by openapi-typescript's
 *   bundler, which fails. It is dropped, with a warning.
 * - A component that is itself a Reference Object (3.1 §4.8.7.1 allows one in every map:
 *   `responses: { Problem: { $ref: "#/components/responses/Deeper" } }`) is typed by
 *   openapi-typescript as an empty object of its kind (a response with `content?: never`), so
 *   an operation's body type indexed through it does not compile (TS2339). The component
 *   becomes a copy of what its chain of references ends at: the same type, written out.
 * - A schema that contains itself other than through an object's properties (`Json: string |
 *   Json[]`, vercel.com) is valid, but openapi-typescript writes it as an indexed access into
 *   the `components` interface, which TypeScript must resolve eagerly: TS2502 "referenced
 *   directly or indirectly in its own type annotation" (openapi-typescript issue 1603). Only
 *   object types defer their members. Such a cycle is cut at one reference, which is typed
 *   `unknown`, with a warning (a safe fallback: the value is still accepted and returned).
 */
import { fromPointer, toPointer } from "../diagnostics/diagnostic.js";
import { isObject, type Json } from "./ref.js";

export type SchemaReport = (pointer: string, message: string) => void;

/** Keys whose values are data, not schemas or references: a "$ref" string there is text. */
const DATA = new Set(["example", "examples", "default", "enum", "const"]);

/** Objects whose keys are names (a property may be called "example" or "x-id"), not keywords. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "paths", "content", "responses", "parameters", "headers", "requestBodies", "callbacks", "encoding"]);

/** `/components/{section}/{name}`: the only reference openapi-typescript types correctly. */
function isWholeComponent(segments: readonly string[]): boolean {
  return segments.length === 3 && segments[0] === "components";
}

/**
 * The components section where a copy of the target means the same thing: `schemas` for a
 * pointer inside a schema (within a named schema, or under a `schema` field of a media type,
 * parameter or header); `parameters`, `responses`, `requestBodies` or `headers` for a whole
 * such object written inline (digitalocean.com: `#/paths/~1v2~1account~1keys/get/parameters/0`,
 * which openapi-typescript types through the operation's optional `query` member: TS2339).
 */
function sectionFor(segments: readonly string[]): string | undefined {
  if (segments[0] === "components" && segments[1] === "schemas") return segments.length > 3 ? "schemas" : undefined;
  if (segments.includes("schema")) return "schemas";
  const parent = segments.at(-2);
  if (parent === "parameters" || parent === "responses" || parent === "headers") return parent;
  if (segments.at(-1) === "requestBody") return "requestBodies";
  return undefined;
}

function localPointer(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  try {
    return fromPointer(decodeURIComponent(ref.slice(1)));
  } catch {
    return fromPointer(ref.slice(1));
  }
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Visits every object of the document that can hold a schema or a reference, with its pointer.
 * `path` is one array, pushed and popped as the walk goes (a copy per node was a tenth of
 * GitHub's model stage): `fn` must copy it to keep it.
 */
function visit(node: unknown, path: string[], fn: (object: Json, path: readonly string[]) => void): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(String(i));
      visit(node[i], path, fn);
      path.pop();
    }
  } else if (isObject(node)) {
    fn(node, path);
    const names = NAME_MAPS.has(path.at(-1) ?? "");
    for (const key of Object.keys(node)) {
      if (!names && (DATA.has(key) || key.startsWith("x-"))) continue;
      path.push(key);
      visit(node[key], path, fn);
      path.pop();
    }
  }
}

/** A component name (3.1 §4.8.7.1: `^[a-zA-Z0-9\.\-_]+$`) that says where the schema was written. */
function hoistedName(segments: readonly string[], taken: Set<string>): string {
  const parts = segments[0] === "components" && segments[1] === "schemas" ? segments.slice(2) : segments;
  const base =
    parts
      .filter((s) => !["paths", "properties", "content", "schema"].includes(s))
      .join("_")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^_+|_+$/g, "") || "schema";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/**
 * The references TypeScript resolves eagerly inside a schema's type: those reached through
 * unions, intersections and array items, but not through object members (properties,
 * additionalProperties), which openapi-typescript writes as object type literals.
 */
function eagerRefs(node: unknown, path: string[], found: { target: string; path: string[] }[]): void {
  if (!isObject(node)) return;
  if (typeof node.$ref === "string") {
    const target = localPointer(node.$ref);
    if (target && target.length === 3 && target[0] === "components" && target[1] === "schemas") found.push({ target: target[2]!, path });
    return;
  }
  for (const key of ["oneOf", "anyOf", "allOf", "prefixItems"]) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((item, i) => eagerRefs(item, [...path, key, String(i)], found));
  }
  if (Array.isArray(node.items)) node.items.forEach((item, i) => eagerRefs(item, [...path, "items", String(i)], found));
  else eagerRefs(node.items, [...path, "items"], found);
}

/** The references to cut so that no component schema eagerly contains itself: DFS back edges, in document order. */
function eagerCycles(document: Json): { path: string[]; name: string }[] {
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const edges = new Map<string, { target: string; path: string[] }[]>();
  for (const [name, schema] of Object.entries(schemas)) {
    const found: { target: string; path: string[] }[] = [];
    eagerRefs(schema, ["components", "schemas", name], found);
    edges.set(name, found.filter((e) => Object.prototype.hasOwnProperty.call(schemas, e.target)));
  }
  const state = new Map<string, "open" | "done">();
  const cuts: { path: string[]; name: string }[] = [];
  // Iterative DFS: a long chain of references must not exhaust the stack.
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }];
    state.set(root, "open");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = edges.get(frame.name)![frame.next++];
      if (edge === undefined) {
        state.set(frame.name, "done");
        stack.pop();
      } else if (state.get(edge.target) === "open") {
        cuts.push({ path: edge.path, name: edge.target });
      } else if (!state.has(edge.target)) {
        state.set(edge.target, "open");
        stack.push({ name: edge.target, next: 0 });
      }
    }
  }
  return cuts;
}

/** The components sections whose transforms do not follow a `$ref` in place of the object (schemas' does). */
const ALIASABLE_SECTIONS = ["responses", "parameters", "requestBodies", "headers", "pathItems"];

/**
 * Components that are Reference Objects, each with the pointer of the object its chain of
 * local references ends at; a chain that loops or leaves the document is left alone (the
 * load stage reports a broken one).
 */
function aliasComponents(document: Json): { path: string[]; target: string[] }[] {
  const components = isObject(document.components) ? document.components : {};
  const found: { path: string[]; target: string[] }[] = [];
  for (const section of ALIASABLE_SECTIONS) {
    const entries = isObject(components[section]) ? Object.entries(components[section]) : [];
    for (const [name, value] of entries) {
      if (!isObject(value) || typeof value.$ref !== "string") continue;
      let target: string[] | undefined = localPointer(value.$ref);
      const seen = new Set<string>();
      while (target !== undefined && !seen.has(toPointer(target))) {
        seen.add(toPointer(target));
        const next = valueAt(document, target);
        if (!isObject(next)) break;
        if (typeof next.$ref !== "string") {
          found.push({ path: ["components", section, name], target });
          break;
        }
        target = localPointer(next.$ref);
      }
    }
  }
  return found;
}

/** Where Example Objects with an `externalValue` are: the members of every `examples` map (`path` as in `visit`). */
function externalValues(node: unknown, path: string[], found: string[][]): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(String(i));
      externalValues(node[i], path, found);
      path.pop();
    }
  } else if (isObject(node)) {
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === "examples" && isObject(value)) {
        for (const [name, example] of Object.entries(value)) {
          if (isObject(example) && "externalValue" in example) found.push([...path, key, name]);
        }
      }
      path.push(key);
      externalValues(value, path, found);
      path.pop();
    }
  }
}

export function schemaDocument<D extends Json>(document: D, report: SchemaReport): D {
  const version = typeof document.openapi === "string" ? document.openapi : "";
  /** Target pointer → the components section its copy goes to. */
  const refsToHoist = new Map<string, string>();
  const nullTypes: string[][] = [];
  const schemaNames = new Set(Object.keys(isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {}));
  const objectEnums: string[][] = [];
  const mappings: { path: string[]; keys: string[] }[] = [];
  // One walk finds every construct below: the document can be megabytes.
  visit(document, [], (object, path) => {
    if (typeof object.$ref === "string") {
      const target = localPointer(object.$ref);
      const value = target && valueAt(document, target);
      const section = target && !isWholeComponent(target) ? sectionFor(target) : undefined;
      if (target && section !== undefined && (isObject(value) || (section === "schemas" && typeof value === "boolean"))) {
        refsToHoist.set(toPointer(target), section);
      }
    }
    const onlyNull = object.type === "null" || (Array.isArray(object.type) && object.type.length === 1 && object.type[0] === "null");
    if (onlyNull && (Array.isArray(object.oneOf) || Array.isArray(object.anyOf))) {
      nullTypes.push([...path]);
    }
    if (object.type === "object" && Array.isArray(object.enum) && object.enum.some((v) => !isObject(v))) objectEnums.push([...path]);
    const mapping = isObject(object.discriminator) ? object.discriminator.mapping : undefined;
    if (isObject(mapping)) {
      const keys = Object.entries(mapping)
        .filter(([, v]) => {
          if (typeof v !== "string") return true;
          const target = localPointer(v);
          return !schemaNames.has(v) && (target === undefined || valueAt(document, target) === undefined);
        })
        .map(([k]) => k);
      if (keys.length > 0) mappings.push({ path: [...path, "discriminator", "mapping"], keys });
    }
  });
  const examples: string[][] = [];
  externalValues(document, [], examples);
  const aliases = aliasComponents(document);
  if (refsToHoist.size === 0 && nullTypes.length === 0 && examples.length === 0 && objectEnums.length === 0 && mappings.length === 0 && aliases.length === 0) {
    return cutEagerCycles(document, document, report);
  }

  const copy = structuredClone(document);
  for (const path of examples) delete (valueAt(copy, path) as Json).externalValue;
  for (const path of objectEnums) {
    delete (valueAt(copy, path) as Json).enum;
    report(toPointer([...path, "enum"]), `enum values that are not objects contradict type "object"; enum ignored`);
  }
  for (const { path, keys } of mappings) {
    const mapping = valueAt(copy, path) as Json;
    for (const key of keys) {
      report(toPointer([...path, key]), `discriminator mapping value is neither a schema name nor a local $ref that resolves; ignored`);
      delete mapping[key];
    }
  }
  for (const path of nullTypes) {
    const schema = valueAt(copy, path) as Json;
    delete schema.type;
    if (version.startsWith("3.0")) {
      schema.nullable = true;
      report(toPointer([...path, "type"]), `type "null" beside ${Array.isArray(schema.oneOf) ? "oneOf" : "anyOf"} matches no value ("null" is not an OpenAPI 3.0 type); read as nullable: true`);
    } else {
      const alternatives = (Array.isArray(schema.oneOf) ? schema.oneOf : schema.anyOf) as unknown[];
      alternatives.push({ type: "null" });
      report(toPointer([...path, "type"]), `type "null" beside ${Array.isArray(schema.oneOf) ? "oneOf" : "anyOf"} matches no value; read as one more alternative`);
    }
  }
  if (refsToHoist.size > 0) {
    const components = isObject(copy.components) ? copy.components : ((copy as Json).components = {});
    const sectionOf = (name: string): Json => (isObject(components[name]) ? components[name] : (components[name] = {}));
    const taken = new Map<string, Set<string>>();
    const takenIn = (section: string): Set<string> => taken.get(section) ?? taken.set(section, new Set(Object.keys(sectionOf(section)))).get(section)!;
    const names = new Map([...refsToHoist].map(([pointer, section]) => [pointer, toPointer(["components", section, hoistedName(fromPointer(pointer), takenIn(section))])]));
    // Rewrite every reference first, then copy the targets: a target that refers to another
    // hoisted place is copied with its reference already rewritten.
    visit(copy, [], (object) => {
      if (typeof object.$ref !== "string") return;
      const target = localPointer(object.$ref);
      const hoisted = target && names.get(toPointer(target));
      if (hoisted !== undefined) object.$ref = `#${hoisted}`;
    });
    for (const [pointer, hoisted] of names) {
      const [, section, name] = fromPointer(hoisted) as [string, string, string];
      const value = structuredClone(valueAt(copy, fromPointer(pointer)));
      Object.defineProperty(sectionOf(section), name, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  // After the references are rewritten, so that each copy carries them rewritten too.
  for (const { path, target } of aliases) {
    const section = valueAt(copy, path.slice(0, -1)) as Json;
    Object.defineProperty(section, path.at(-1)!, { value: structuredClone(valueAt(copy, target)), writable: true, enumerable: true, configurable: true });
  }
  return cutEagerCycles(document, copy, report);
}

/** `document` if it has no eager cycle, else a copy (or `copy`, when it is one already) with the cycles cut. */
function cutEagerCycles<D extends Json>(original: D, document: D, report: SchemaReport): D {
  const cuts = eagerCycles(document);
  if (cuts.length === 0) return document;
  const copy = document === original ? structuredClone(document) : document;
  for (const cut of cuts) {
    const parent = valueAt(copy, cut.path.slice(0, -1));
    const key = cut.path.at(-1)!;
    const replacement = { description: `${cut.name} (recursive; not typed here)` };
    if (Array.isArray(parent)) parent[Number(key)] = replacement;
    else if (isObject(parent)) parent[key] = replacement;
    report(toPointer(cut.path), `schema "${cut.name}" contains itself other than through an object property, which TypeScript cannot type; typed unknown here`);
  }
  return copy;
}
