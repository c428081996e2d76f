/**
 * Schema Object (OpenAPI 3.1 §4.8.24, 3.0 §4.7.24) → type, as openapi-typescript 7's
 * transform/schema-object.ts writes it with `defaultNonNullable: false` and its other options
 * at their defaults: `$ref` → indexed access into `components`; `const` and `enum` → literal
 * types; `type` → keyword, array, tuple or object type; `allOf` → intersection (with
 * `WithRequired` and `Omit` for required keys and inherited discriminators); `anyOf`/`oneOf`
 * → union; `nullable` (3.0) and `"null"` in a type array (3.1) → `| null`.
 */
import { intersection, jsDoc, literal, omit, property, record, refType, union, withRequired, isPrimitive } from "./build.js";
import type { Discriminators } from "./discriminators.js";
import { BOOLEAN, NEVER, NULL, NUMBER, STRING, UNKNOWN, type Member, type TypeNode } from "./nodes.js";
import { createRef, refPointer, type Obj } from "./refs.js";

/** What every transform reads: the document's discriminators and references, and what the output footer needs. */
export interface Context {
  discriminators: Discriminators;
  resolve: (ref: string) => unknown;
  /** The declarations after `components`, in the order first needed (`operations`, `WithRequired`). */
  footer: ("operations" | "withRequired")[];
  operations: Member[];
}

export interface Options {
  /** The pointer openapi-typescript tracks (its `options.path`), as `createRef` writes it. */
  path: string | undefined;
  ctx: Context;
}

export function schemaType(schema: unknown, options: Options): TypeNode {
  if (!schema) return NEVER;
  if (schema === true) return UNKNOWN;
  if (Array.isArray(schema) || typeof schema !== "object") {
    throw new Error(`Expected SchemaObject, received ${Array.isArray(schema) ? "Array" : typeof schema} at ${options.path}`);
  }
  const s = schema as Obj;
  if ("$ref" in s) return refType(s.$ref as string);
  if (s.const !== null && s.const !== undefined) return literal(s.const);
  if (Array.isArray(s.enum) && (!("type" in s) || s.type !== "object") && !("properties" in s) && !("additionalProperties" in s)) {
    const types = s.enum.map(literal);
    if ((Array.isArray(s.type) && s.type.includes("null")) || s.nullable) types.push(NULL);
    return union(types);
  }

  let finalType: TypeNode | undefined;
  const core = coreType(s, options);
  const allOf = allOfTypes((s.allOf as unknown[] | undefined) ?? [], s.required, options);
  if (core || allOf.length > 0) {
    const all = allOf.length > 0 ? intersection(allOf) : undefined;
    finalType = intersection([...(core ? [core] : []), ...(all ? [all] : [])]);
  }
  const anyOf = unionTypes((s.anyOf as unknown[] | undefined) ?? [], "anyOf", options);
  if (anyOf.length > 0) finalType = union([...(finalType ? [finalType] : []), ...anyOf]);
  const oneOf = unionTypes((s.oneOf as unknown[] | undefined) || ("type" in s && s.type === "object" && (s.enum as unknown[])) || [], "oneOf", options);
  if (oneOf.length > 0) {
    if (oneOf.every(isPrimitive)) finalType = union([...(finalType ? [finalType] : []), ...oneOf]);
    else finalType = intersection([...(finalType ? [finalType] : []), union(oneOf)]);
  }
  finalType ??= "type" in s ? record(STRING, NEVER) : UNKNOWN;
  // Not through `union`: openapi-typescript's `tsNullable` does not dedupe.
  if (finalType !== UNKNOWN && s.nullable) finalType = { kind: "union", types: [finalType, NULL] };
  return finalType;
}

function unionTypes(items: unknown[], key: string, options: Options): TypeNode[] {
  return [...items.entries()].map(([index, item]) => schemaType(item, { ...options, path: createRef([options.path, key, String(index)]) }));
}

function allOfTypes(items: unknown[], required: unknown, options: Options): TypeNode[] {
  const { ctx } = options;
  return items.map((item) => {
    const i = item as Obj;
    let type: TypeNode;
    if ("$ref" in i) {
      type = schemaType(i, options);
      const ref = i.$ref as string;
      const resolved = ctx.resolve(ref);
      if (resolved && typeof resolved === "object" && "properties" in resolved && !ctx.discriminators.refsHandled.has(ref)) {
        const properties = (resolved as Obj).properties as Obj | undefined;
        const valid = ((required as string[] | undefined) ?? []).filter((key) => !!properties?.[key]);
        if (valid.length > 0) {
          if (!ctx.footer.includes("withRequired")) ctx.footer.push("withRequired");
          type = withRequired(type, valid);
        }
      }
    } else {
      const itemRequired = [...((required as string[] | undefined) ?? [])];
      if (typeof i === "object" && Array.isArray(i.required)) itemRequired.push(...(i.required as string[]));
      type = schemaType({ ...i, required: itemRequired }, options);
    }
    const discriminator = ("$ref" in i && ctx.discriminators.objects.get(i.$ref as string)) || (i.discriminator as { propertyName: string } | undefined);
    return discriminator ? omit(type, [discriminator.propertyName]) : type;
  });
}

/** `transformSchemaObjectCore`: what `type`, `properties` and their kin say, before composition. */
function coreType(s: Obj, options: Options): TypeNode | undefined {
  const { ctx } = options;
  if ("type" in s && s.type) {
    if (s.type === "null") return NULL;
    if (s.type === "string") return STRING;
    if (s.type === "number" || s.type === "integer") return NUMBER;
    if (s.type === "boolean") return BOOLEAN;
    if (s.type === "array") {
      let item: TypeNode = UNKNOWN;
      if (s.prefixItems || Array.isArray(s.items)) {
        const prefixItems = (s.prefixItems ?? s.items) as unknown[];
        item = { kind: "tuple", elements: prefixItems.map((p) => schemaType(p, options)) };
      } else if (s.items) {
        const items = s.items as Obj;
        if (typeof items === "object" && items !== null && "type" in items && items.type === "array") item = { kind: "array", element: schemaType(items, options) };
        else item = schemaType(items, options);
      }
      return item.kind === "tuple" || item.kind === "array" ? item : { kind: "array", element: item };
    }
    if (Array.isArray(s.type)) {
      const types: TypeNode[] = [];
      if (Array.isArray(s.oneOf)) {
        for (const t of s.type as unknown[]) {
          const primitive = t === "boolean" || t === "string" || t === "number" || t === "integer" || t === "null";
          if (primitive && (s.oneOf as unknown[]).find((o) => typeof o === "object" && "type" in (o as Obj) && (o as Obj).type === t)) continue;
          types.push(t === "null" || t === null ? NULL : schemaType({ ...s, type: t, oneOf: undefined }, options));
        }
      } else {
        for (const t of s.type as unknown[]) types.push(t === "null" || t === null ? NULL : schemaType({ ...s, type: t }, options));
      }
      return union(types);
    }
  }

  const members: Member[] = [];
  for (const k of ["allOf", "anyOf"]) {
    if (!s[k]) continue;
    const path = options.path ?? "";
    const discriminator = !s.discriminator && !ctx.discriminators.refsHandled.has(path) && ctx.discriminators.objects.get(path);
    if (discriminator) {
      members.unshift(discriminatorProperty(discriminator, path));
      break;
    }
  }
  const properties = s.properties as Obj | undefined;
  if ((properties && Object.keys(properties).length > 0) || s.additionalProperties || s.patternProperties || s.$defs) {
    if (Object.keys(properties ?? {}).length > 0) {
      for (const [k, v] of Object.entries(properties!)) {
        if ((typeof v !== "object" && typeof v !== "boolean") || Array.isArray(v)) {
          throw new Error(`${options.path}: invalid property ${k}. Expected Schema Object or boolean, got ${Array.isArray(v) ? "Array" : typeof v}`);
        }
        const o = v as Obj;
        const { $ref, readOnly } = typeof v === "object" ? { $ref: "$ref" in o && o.$ref, readOnly: "readOnly" in o && o.readOnly } : { $ref: undefined, readOnly: undefined };
        const optional = !(s.required as string[] | undefined)?.includes(k);
        const type = $ref ? refType($ref as string) : schemaType(v, { ...options, path: createRef([options.path, k]) });
        members.push(property(k, type, { optional, readonly: !!readOnly, comment: jsDoc(v) }));
      }
    }
    const defs = s.$defs as Obj | undefined;
    if (defs && typeof defs === "object" && Object.keys(defs).length > 0) {
      const defMembers: Member[] = [];
      for (const [k, v] of Object.entries(defs)) {
        const readOnly = "readOnly" in (v as Obj) && !!(v as Obj).readOnly;
        const type = schemaType(v, { ...options, path: createRef([options.path, "$defs", k]) });
        defMembers.push(property(k, type, { readonly: readOnly, comment: jsDoc(v) }));
      }
      members.push(property("$defs", { kind: "object", members: defMembers }));
    }
    const additional = s.additionalProperties;
    const explicit = typeof additional === "object" && Object.keys(additional as Obj).length > 0;
    const implicit = additional === true || (typeof additional === "object" && Object.keys(additional as Obj).length === 0);
    const patterns = s.patternProperties;
    const indexTypes: TypeNode[] = [];
    if (explicit) indexTypes.push(schemaType(additional, options));
    if (implicit) indexTypes.push(UNKNOWN);
    if (typeof patterns === "object" && Object.keys(patterns as Obj).length > 0) {
      for (const v of Object.values(patterns as Obj)) indexTypes.push(schemaType(v, options));
    }
    if (indexTypes.length === 0) return members.length > 0 ? { kind: "object", members } : undefined;
    return intersection([
      ...(members.length > 0 ? [{ kind: "object", members } as TypeNode] : []),
      { kind: "object", members: [{ kind: "index", parameter: "key", type: union(indexTypes) }] },
    ]);
  }
  return members.length > 0 ? { kind: "object", members } : undefined;
}

/** `createDiscriminatorProperty`: the discriminator property narrowed to this schema's value. */
function discriminatorProperty(discriminator: { propertyName: string; mapping?: Record<string, string> }, path: string): Member {
  let value = refPointer(path).pop();
  if (discriminator.mapping) {
    const matched = Object.entries(discriminator.mapping).find(([, v]) => (!v.startsWith("#") && v === value) || (v.startsWith("#") && refPointer(v).pop() === value));
    if (matched) value = matched[0];
  }
  return property(discriminator.propertyName, literal(value));
}
