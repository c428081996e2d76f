/** `schema.ts`: the document's schema types, written by openapi-typescript. */
import ts from "typescript";
import openapiTS, { astToString, stringToAST } from "openapi-typescript";
import type { OpenApiDocument } from "../load/types.js";

/**
 * openapi-typescript marks the properties an `allOf` makes required in a referenced schema
 * with `WithRequired<T, K extends keyof T>`; when that schema is nullable, T is `X | null`,
 * whose keys are `never`, and the output does not compile (TS2344, plaid.com's `Cause`).
 * Keys are taken from `NonNullable<T>` instead; the intersection drops `null` itself, which
 * is right, as the `allOf`'s object part never matches null.
 */
const WITH_REQUIRED = "type WithRequired<T, K extends keyof NonNullable<T>> = T & { [P in K]-?: NonNullable<T>[P] };";

function isWithRequired(node: ts.Node): boolean {
  return ts.isTypeAliasDeclaration(node) && node.name.text === "WithRequired";
}

export async function schemaTypes(document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], {
    // A default describes what the server assumes when a value is absent, not that the
    // server always sends it: keep such properties optional in response types.
    defaultNonNullable: false,
    silent: true,
  });
  return astToString(ast.map((node) => (isWithRequired(node) ? (stringToAST(WITH_REQUIRED)[0] as ts.Node) : node)));
}
