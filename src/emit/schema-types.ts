/**
 * `schema.ts`: the document's schema types, as openapi-typescript 7 writes them (with
 * `defaultNonNullable: false`) and Prettier lays them out. ./schema/ holds a port of
 * openapi-typescript's transform over the document as plain data (no TypeScript, no
 * openapi-typescript at generation time) and a printer that writes Prettier's layout
 * directly. test/emit/schema-types.test.ts holds the result byte-identical to
 * openapi-typescript's full pipeline followed by Prettier.
 */
import type { OpenApiDocument } from "../load/types.js";
import { scanDiscriminators } from "./schema/discriminators.js";
import { componentsType, pathsType, webhooksType } from "./schema/document-objects.js";
import { NEVER, STRING, type Statement, type TypeNode } from "./schema/nodes.js";
import { printStatements } from "./schema/print-types.js";
import { resolveRef, type Obj } from "./schema/refs.js";
import { schemaType, type Context, type Options } from "./schema/schema-object.js";

/**
 * openapi-typescript marks the properties an `allOf` makes required in a referenced schema
 * with `WithRequired<T, K extends keyof T>`; when that schema is nullable, T is `X | null`,
 * whose keys are `never`, and the output does not compile (TS2344, plaid.com's `Cause`).
 * Keys are taken from `NonNullable<T>` instead; the intersection drops `null` itself, which
 * is right, as the `allOf`'s object part never matches null.
 */
const WITH_REQUIRED = ["type WithRequired<T, K extends keyof NonNullable<T>> = T & {", "  [P in K]-?: NonNullable<T>[P];", "};"].join("\n");

const EMPTY: TypeNode = { kind: "reference", name: "Record", args: [STRING, NEVER] };

/** The top-level declarations, in openapi-typescript's order. */
const ROOTS: [string, (value: Obj, options: Options) => TypeNode][] = [
  ["paths", pathsType],
  ["webhooks", webhooksType],
  ["components", componentsType],
  ["$defs", (value, options) => schemaType(value, { ...options, path: "#/$defs" })],
];

/** The declarations of `schema.ts`, laid out, ending with a line break. */
export async function schemaTypes(input: OpenApiDocument): Promise<string> {
  return printSchemaStatements(schemaStatements(input));
}

export function printSchemaStatements(statements: readonly Statement[]): string {
  return printStatements(statements, WITH_REQUIRED);
}

/** The declarations of `schema.ts`, as the type tree they are printed from. */
export function schemaStatements(input: OpenApiDocument): Statement[] {
  const original = input as unknown as Obj;
  // Redocly's bundler adds an empty `components` to a document without one; the types have
  // always had the `components` interface (every section `never`) that follows from it.
  const withComponents = original.components == null ? { ...original, components: {} } : original;
  const { discriminators, document } = scanDiscriminators(withComponents);
  const ctx: Context = { discriminators, resolve: (ref) => resolveRef(document, ref), footer: [], operations: [] };
  const statements: Statement[] = [];
  for (const [name, transform] of ROOTS) {
    const value = document[name];
    const type = value && typeof value === "object" ? transform(value as Obj, { path: undefined, ctx }) : undefined;
    if (type?.kind === "object" && type.members.length > 0) statements.push({ kind: "interface", name, members: type.members });
    else statements.push({ kind: "alias", name, type: EMPTY });
  }
  for (const helper of ctx.footer) {
    statements.push(helper === "operations" ? { kind: "interface", name: "operations", members: ctx.operations } : { kind: "withRequired" });
  }
  if (!ctx.footer.includes("operations")) statements.push({ kind: "alias", name: "operations", type: EMPTY });
  return statements;
}
