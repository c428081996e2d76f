/**
 * Discriminators (OpenAPI 3.1 §4.8.25, 3.0 §4.7.25) as openapi-typescript reads them (its
 * `scanDiscriminators`): which schema objects carry or inherit one, and, for each schema a
 * mapping names, the discriminator property narrowed to its values (`petType: "Cat"`).
 * openapi-typescript writes that narrowing into the document; here the patched schemas are
 * copies, and the document the types are built from is the original with those copies in
 * place (`patchedDocument`): the loaded document is never written to.
 */
import { createRef, isObj, resolveRef, type Obj } from "./refs.js";

export interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

export interface Discriminators {
  /** Pointer (as `createRef` writes it) → the discriminator that schema carries or inherits. */
  objects: Map<string, Discriminator>;
  /** The `$ref`s and pointers whose schemas already hold the narrowed property. */
  refsHandled: Set<string>;
}

/** Copy-on-write patches: an original object or array → its patched copy. */
class Overlay {
  readonly copies = new Map<unknown, unknown>();
  private readonly owned = new Set<unknown>();

  view = (value: unknown): unknown => this.copies.get(value) ?? value;

  /** The writable version of `value` (a copy made on first write). */
  own<T extends object>(value: T): T {
    if (this.owned.has(value)) return value;
    const existing = this.copies.get(value) as T | undefined;
    if (existing) return existing;
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as T;
    this.copies.set(value, copy);
    this.owned.add(copy);
    return copy;
  }

  /** A new object that may be written to. */
  fresh<T extends object>(value: T): T {
    this.owned.add(value);
    return value;
  }
}

function discriminatorEnum(values: string[], previous?: unknown): Obj {
  const description = isObj(previous) ? previous.description : undefined;
  return {
    type: "string",
    enum: values,
    description: description ? `${String(description)} (enum property replaced by openapi-typescript)` : "discriminator enum property added by openapi-typescript",
  };
}

/** openapi-typescript's `patchDiscriminatorEnum`, on copies. */
function patch(root: unknown, overlay: Overlay, ref: string, values: string[], discriminator: Discriminator): boolean {
  const resolved = resolveRef(root, ref, overlay.view);
  if (isObj(resolved) && resolved.allOf) {
    const schema = overlay.own(resolved);
    const allOf = (schema.allOf = overlay.own(schema.allOf as unknown[]));
    allOf.push(
      overlay.fresh({
        type: "object",
        required: [discriminator.propertyName],
        properties: { [discriminator.propertyName]: discriminatorEnum(values) },
      }),
    );
    return true;
  }
  if (isObj(resolved) && "type" in resolved && resolved.type === "object") {
    const schema = overlay.own(resolved);
    const properties: Obj = (schema.properties = schema.properties ? overlay.own(schema.properties as Obj) : overlay.fresh({}));
    if (!schema.required) schema.required = overlay.fresh([discriminator.propertyName]);
    else if (!(schema.required as unknown[]).includes(discriminator.propertyName)) {
      (schema.required = overlay.own(schema.required as unknown[])).push(discriminator.propertyName);
    }
    properties[discriminator.propertyName] = discriminatorEnum(values, properties[discriminator.propertyName]);
    return true;
  }
  return false;
}

/** Where `walk` is: a key under its parent's path (kept as a chain, built into a pointer only when asked). */
interface Path {
  parent: Path | undefined;
  key: string | number;
}

function pointerOf(path: Path | undefined): string {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.parent) keys.push(p.key);
  return createRef(keys.reverse());
}

/** openapi-typescript's `walk`, reading through the overlay as its writes land. */
function walk(node: unknown, overlay: Overlay, fn: (object: Obj, path: Path | undefined) => void, path?: Path): void {
  node = overlay.view(node);
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (let i = 0; i < (overlay.view(node) as unknown[]).length; i++) walk((overlay.view(node) as unknown[])[i], overlay, fn, { parent: path, key: i });
    return;
  }
  fn(node as Obj, path);
  const current = overlay.view(node) as Obj;
  for (const key of Object.keys(current)) walk((overlay.view(node) as Obj)[key], overlay, fn, { parent: path, key });
}

/** openapi-typescript's `scanDiscriminators`, and the document with its patches applied. */
export function scanDiscriminators(document: Obj): { discriminators: Discriminators; document: Obj } {
  const overlay = new Overlay();
  const objects = new Map<string, Discriminator>();
  const refsHandled = new Set<string>();
  walk(document, overlay, (object, path) => {
    const discriminator = object.discriminator as Discriminator | undefined;
    if (!discriminator?.propertyName) return;
    const ref = pointerOf(path);
    objects.set(ref, discriminator);
    if (!object.oneOf || !Array.isArray(object.oneOf)) return;
    // A plain object, as there: its key order (integer-like keys first) is the patch order.
    const mapping: Record<string, { inferred?: string; defined?: string[] }> = {};
    for (const item of object.oneOf as Obj[]) {
      if ("$ref" in item) {
        const ref = item.$ref as string;
        const value = ref.split("/").pop();
        if (value) {
          if (!mapping[ref]) mapping[ref] = { inferred: value };
          else mapping[ref].inferred = value;
        }
      }
    }
    if (discriminator.mapping) {
      for (const mappedValue in discriminator.mapping) {
        const mappedRef = discriminator.mapping[mappedValue];
        if (!mappedRef) continue;
        if (!mapping[mappedRef]?.defined) mapping[mappedRef] = { defined: [] };
        mapping[mappedRef].defined!.push(mappedValue);
      }
    }
    for (const [mappedRef, { inferred, defined }] of Object.entries(mapping)) {
      if (refsHandled.has(mappedRef)) continue;
      if (!inferred && !defined) continue;
      if (patch(document, overlay, mappedRef, defined ?? [inferred!], discriminator)) refsHandled.add(mappedRef);
    }
  });
  walk(document, overlay, (object, path) => {
    if (!object || !Array.isArray(object.allOf)) return;
    for (const item of object.allOf as Obj[]) {
      if ("$ref" in item) {
        const parent = objects.get(item.$ref as string);
        if (!parent) return;
        const ref = pointerOf(path);
        if (parent.mapping) {
          const mappedValues: string[] = [];
          for (const mappedValue in parent.mapping) if (parent.mapping[mappedValue] === ref) mappedValues.push(mappedValue);
          if (mappedValues.length > 0 && patch(document, overlay, ref, mappedValues, parent)) refsHandled.add(ref);
        }
        objects.set(ref, { ...parent });
      } else if ((item.discriminator as Discriminator | undefined)?.propertyName) {
        objects.set(pointerOf(path), { ...(item.discriminator as Discriminator) });
      }
    }
  });
  return { discriminators: { objects, refsHandled }, document: overlay.copies.size === 0 ? document : (materialize(document, overlay) as Obj) };
}

/**
 * The document with every patched object replaced by its copy, and every container on the
 * way to one shallow-copied; untouched subtrees are shared with the original.
 */
function materialize(root: unknown, overlay: Overlay): unknown {
  const done = new Map<unknown, unknown>();
  const visit = (node: unknown): unknown => {
    if (!node || typeof node !== "object") return node;
    const known = done.get(node);
    if (known !== undefined) return known;
    const current = overlay.view(node) as Obj | unknown[];
    done.set(node, current);
    let changed = current !== node;
    let result: Obj | unknown[] = current;
    if (Array.isArray(current)) {
      const items = current.map(visit);
      if (items.some((item, i) => item !== current[i])) {
        result = items;
        changed = true;
      }
    } else {
      let copy: Obj | undefined;
      for (const key of Object.keys(current)) {
        const value = visit(current[key]);
        if (value !== current[key]) {
          copy ??= { ...current };
          Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
        }
      }
      if (copy) {
        result = copy;
        changed = true;
      }
    }
    const out = changed ? result : node;
    done.set(node, out);
    return out;
  };
  return visit(root);
}
