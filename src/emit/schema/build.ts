/**
 * openapi-typescript's node helpers (its lib/ts.ts: `tsLiteral`, `tsUnion`, `oapiRef`,
 * `addJSDocComment`, …) over the plain type tree of ./nodes.ts, with the same results: the
 * same dedupe of union members, the same property-name spelling, the same JSDoc text.
 */
import { FALSE, NEVER, NULL, STRING, TRUE, UNKNOWN, type Key, type Property, type TypeNode } from "./nodes.js";
import { isObj, refPointer, type Obj } from "./refs.js";

const JS_PROPERTY_INDEX_RE = /^[A-Za-z_$][A-Za-z_$0-9]*$/;

/** `tsLiteral`: the type whose only value is `value` (a string as an identifier named by its JSON). */
export function literal(value: unknown): TypeNode {
  if (typeof value === "string") return { kind: "json", value };
  if (typeof value === "number") return { kind: "number", text: String(Math.abs(value)), negative: value < 0 };
  if (typeof value === "boolean") return value ? TRUE : FALSE;
  if (value === null) return NULL;
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: "array", element: NEVER };
    return { kind: "tuple", elements: value.map(literal) };
  }
  if (typeof value === "object") {
    const members = Object.entries(value).map(([k, v]): Property => property(k, literal(v)));
    return members.length > 0 ? { kind: "object", members } : record(STRING, NEVER);
  }
  return UNKNOWN;
}

/** `tsPropertyIndex`: a number when the name is one, an identifier when it can be, else a string. */
export function propertyKey(name: unknown): Key {
  if (typeof name === "string" && String(Number(name)) === name && name[0] !== "-") return { kind: "number", text: name };
  return typeof name === "string" && JS_PROPERTY_INDEX_RE.test(name) ? { kind: "identifier", text: name } : { kind: "string", text: String(name) };
}

export function property(name: unknown, type: TypeNode, options: { optional?: boolean; readonly?: boolean; comment?: string | undefined } = {}): Property {
  const member: Property = { kind: "property", readonly: options.readonly ?? false, key: propertyKey(name), optional: options.optional ?? false, type };
  if (options.comment !== undefined) member.comment = options.comment;
  return member;
}

export const record = (key: TypeNode, value: TypeNode): TypeNode => ({ kind: "reference", name: "Record", args: [key, value] });

/** `tsIsPrimitive`: the keyword types and `null` that a union holds once. */
export function isPrimitive(type: TypeNode): boolean {
  if (type.kind === "null") return true;
  return type.kind === "keyword" && type.name !== "unknown";
}

/** `tsDedupe`: each primitive keyword (and `null`) kept once; other types all kept. */
function dedupe(types: TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    if (!isPrimitive(t)) return true;
    const key = t.kind === "keyword" ? t.name : t.kind;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function union(types: TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0]!;
  return { kind: "union", types: dedupe(types) };
}

export function intersection(types: TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0]!;
  return { kind: "intersection", types: dedupe(types) };
}

export const omit = (type: TypeNode, keys: string[]): TypeNode => ({ kind: "reference", name: "Omit", args: [type, { kind: "union", types: keys.map(literal) }] });

export const withRequired = (type: TypeNode, keys: string[]): TypeNode => ({ kind: "reference", name: "WithRequired", args: [type, union(keys.map(literal))] });

const indexed = (object: TypeNode, segment: string): TypeNode => ({ kind: "indexed", object, index: { kind: "string", value: segment } });

/**
 * `oapiRef`: `#/components/schemas/Pet` → `components["schemas"]["Pet"]`; `properties`
 * segments are skipped, and a reference to a Parameter Object ends in its `in` and `name`.
 */
export function refType(ref: string, resolved?: unknown): TypeNode {
  const pointer = refPointer(ref);
  if (pointer.length === 0) throw new Error(`Error parsing $ref: ${ref}. Is this a valid $ref?`);
  const parameter = isObj(resolved) && !resolved.$ref && resolved.in ? resolved : undefined;
  const root = pointer[0]!;
  if (!JS_PROPERTY_INDEX_RE.test(root)) throw new Error(`$ref ${JSON.stringify(ref)} does not start with a name TypeScript can refer to`);
  let type: TypeNode = { kind: "reference", name: root };
  for (const segment of pointer.slice(1, 3)) type = indexed(type, segment);
  const rest = pointer.slice(3);
  rest.forEach((segment, i) => {
    if (segment === "properties") return;
    if (parameter && i === rest.length - 1) type = indexed(indexed(type, parameter.in as string), parameter.name as string);
    else type = indexed(type, segment);
  });
  return type;
}

const LB_RE = /\r?\n/g;

/** `addJSDocComment`: the JSDoc body for a schema or object's title, description, default, examples… */
export function jsDoc(object: unknown): string | undefined {
  if (!object || typeof object !== "object" || Array.isArray(object)) return undefined;
  const o = object as Obj;
  const output: string[] = [];
  const text = (value: unknown): string => (value as string).trim().replace(LB_RE, "\n *     ");
  if (o.title) output.push(text(o.title));
  if (o.summary) output.push(text(o.summary));
  if (o.format) output.push(`Format: ${String(o.format)}`);
  if (o.deprecated) output.push("@deprecated");
  for (const field of ["description", "default", "example"]) {
    const allowEmptyString = field === "default" || field === "example";
    const value = o[field];
    if (value === undefined) continue;
    if (value === "" && !allowEmptyString) continue;
    const serialized = typeof value === "object" ? JSON.stringify(value, null, 2) : value;
    output.push(`@${field} ${text(String(serialized))}`);
  }
  if (Array.isArray(o.examples)) {
    for (const example of o.examples) {
      const serialized = typeof example === "object" ? JSON.stringify(example, null, 2) : example;
      output.push(`@example ${text(String(serialized))}`);
    }
  }
  if ("const" in o) output.push("@constant");
  if (o.enum) {
    let type = "unknown";
    if (Array.isArray(o.type)) type = o.type.join("|");
    else if (typeof o.type === "string") type = o.type;
    output.push(`@enum {${type}${o.nullable ? "|null" : ""}}`);
  }
  if (output.length === 0) return undefined;
  const multiLine = output.some((item) => item.includes("\n"));
  const body = output.length === 1 && !multiLine ? `* ${output.join("\n")} ` : `*\n * ${output.join("\n * ")}\n `;
  // A `*/` in document text would end the comment: openapi-typescript writes `*\/`.
  return body.replace(/\*\//g, "*\\/");
}
