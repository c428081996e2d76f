/** `schema.ts`: the document's schema types, written by openapi-typescript. */
import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "../load/types.js";

export async function schemaTypes(document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], {
    // A default describes what the server assumes when a value is absent, not that the
    // server always sends it: keep such properties optional in response types.
    defaultNonNullable: false,
    silent: true,
  });
  return astToString(ast);
}
