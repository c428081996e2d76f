/**
 * The type tree `schema.ts` is printed from: the TypeScript type nodes openapi-typescript
 * builds with `ts.factory`, reduced to the kinds it creates, as plain data. The tree keeps
 * the factory's structure (nested unions stay nested, a union may hold one type) because
 * Prettier's layout, which ./print-types.ts reproduces, depends on it.
 */

export type Keyword = "string" | "number" | "boolean" | "unknown" | "never" | "undefined";

export type TypeNode =
  | { kind: "keyword"; name: Keyword }
  | { kind: "null" }
  | { kind: "true" }
  | { kind: "false" }
  /** A number literal type; `text` is the factory's `String(Math.abs(value))`. */
  | { kind: "number"; text: string; negative: boolean }
  /** A string literal type as openapi-typescript writes it: an identifier named by its JSON text. */
  | { kind: "json"; value: string }
  /** A string literal type as the factory writes one (`createStringLiteral`): an index in `T["k"]`. */
  | { kind: "string"; value: string }
  | { kind: "reference"; name: string; args?: TypeNode[] }
  | { kind: "indexed"; object: TypeNode; index: TypeNode }
  | { kind: "array"; element: TypeNode }
  | { kind: "tuple"; elements: TypeNode[] }
  | { kind: "union"; types: TypeNode[] }
  | { kind: "intersection"; types: TypeNode[] }
  | { kind: "object"; members: Member[] };

/** A property name as `tsPropertyIndex` spells it: identifier, number or string literal. */
export interface Key {
  kind: "identifier" | "number" | "string";
  text: string;
}

export interface Property {
  kind: "property";
  readonly: boolean;
  key: Key;
  optional: boolean;
  type: TypeNode;
  /** The body of the JSDoc block (`*…`, without `/*` and `*\/`), as openapi-typescript builds it. */
  comment?: string;
}

export interface IndexSignature {
  kind: "index";
  parameter: string;
  type: TypeNode;
}

export type Member = Property | IndexSignature;

export type Statement =
  | { kind: "interface"; name: string; members: Member[] }
  | { kind: "alias"; name: string; type: TypeNode }
  /** The `WithRequired` helper, written out by hand (src/emit/schema-types.ts). */
  | { kind: "withRequired" };

const keyword = (name: Keyword): TypeNode => ({ kind: "keyword", name });

/** openapi-typescript's shared constants; `UNKNOWN` is compared by identity, as it is there. */
export const STRING = keyword("string");
export const NUMBER = keyword("number");
export const BOOLEAN = keyword("boolean");
export const UNKNOWN = keyword("unknown");
export const NEVER = keyword("never");
export const NULL: TypeNode = { kind: "null" };
export const TRUE: TypeNode = { kind: "true" };
export const FALSE: TypeNode = { kind: "false" };
