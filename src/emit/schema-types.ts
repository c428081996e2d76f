/**
 * `schema.ts`: the document's schema types. openapi-typescript's transform (`transformSchema`)
 * builds them from `model.schemaDocument`, which the load stage has already bundled and
 * validated, so its own Redocly pass (a second bundle and lint of the whole document) is
 * skipped; ./schema/print-types.ts then writes the declarations directly in the layout
 * Prettier gives them. test/emit/schema-types.test.ts holds the result byte-identical to
 * openapi-typescript's full pipeline followed by Prettier.
 */
import type ts from "typescript";
// By path, not from the package's entry, which loads the whole of Redocly for nothing here
// (./schema/openapi-typescript-parts.d.ts).
import transformSchema from "openapi-typescript/dist/transform/index.js";
import { resolveRef, scanDiscriminators } from "openapi-typescript/dist/lib/utils.js";
import type { OpenApiDocument } from "../load/types.js";
import { printStatements } from "./schema/print-types.js";

type TransformContext = Parameters<typeof transformSchema>[1];
type TransformInput = Parameters<typeof transformSchema>[0];

/**
 * openapi-typescript marks the properties an `allOf` makes required in a referenced schema
 * with `WithRequired<T, K extends keyof T>`; when that schema is nullable, T is `X | null`,
 * whose keys are `never`, and the output does not compile (TS2344, plaid.com's `Cause`).
 * Keys are taken from `NonNullable<T>` instead; the intersection drops `null` itself, which
 * is right, as the `allOf`'s object part never matches null.
 */
const WITH_REQUIRED = ["type WithRequired<T, K extends keyof NonNullable<T>> = T & {", "  [P in K]-?: NonNullable<T>[P];", "};"].join("\n");

function verbatim(statement: ts.Node): string | undefined {
  const name = (statement as { name?: { text?: string } }).name?.text;
  return name === "WithRequired" ? WITH_REQUIRED : undefined;
}

/** openapi-typescript's options, as `openapiTS()` fills them in, with ours. */
function transformContext(schema: TransformInput): TransformContext {
  const silent = true;
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    // A default describes what the server assumes when a value is absent, not that the
    // server always sends it: keep such properties optional in response types.
    defaultNonNullable: false,
    discriminators: scanDiscriminators(schema, { silent }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only the Redocly pass this module skips reads the lint configuration.
    redoc: undefined as unknown as TransformContext["redoc"],
    silent,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent }),
  };
}

/** The declarations of `schema.ts`, laid out, ending with a line break. */
export async function schemaTypes(document: OpenApiDocument): Promise<string> {
  // The transform writes into the document (discriminator enums): it gets its own copy.
  const schema = structuredClone(document) as TransformInput;
  // Redocly's bundler adds an empty `components` to a document without one; the types have
  // always had the `components` interface (every section `never`) that follows from it.
  schema.components ??= {};
  return printStatements(transformSchema(schema, transformContext(schema)), verbatim);
}
