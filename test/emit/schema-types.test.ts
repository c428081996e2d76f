/**
 * `schema.ts` is written in its final layout by src/emit/schema-types.ts, without
 * openapi-typescript's Redocly pass, its TypeScript printer or Prettier. Users import its
 * types by name and path (`paths["/pets"]["get"]`, `components["schemas"]["Pet"]`), and the
 * committed clients are compared byte for byte, so it must be exactly what the old pipeline
 * wrote: openapi-typescript in full, the fix-ups, then Prettier (./schema-oracle.ts). Held
 * here for every committed spec, the 40-document corpus sample, constructs chosen to hit each
 * layout rule, and random schemas.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadDocument } from "../../src/load/index.js";
import { buildModel } from "../../src/model/index.js";
import { schemaTypes } from "../../src/emit/schema-types.js";
import type { OpenApiDocument } from "../../src/load/types.js";
import { loaded } from "../model/helpers.js";
import { oracleSchemaFile } from "./schema-oracle.js";

const root = resolve(import.meta.dirname, "../..");

interface Client {
  spec: string;
  overlays?: string[];
}
const committed: Client[] = (JSON.parse(readFileSync(join(root, "gen-auth-client.config.json"), "utf8")) as { clients: Client[] }).clients;
const corpusDir = join(root, "test/fixtures/corpus");
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith(".json")).sort();

/** The document schema.ts is written from, as the generator hands it over. */
async function schemaDocumentOf(spec: string, overlays: readonly string[] = []): Promise<OpenApiDocument> {
  const document = await loadDocument(join(root, spec), { overlays: overlays.map((o) => join(root, o)) });
  const model = buildModel(document);
  return model.schemaDocument ?? document.document;
}

function schemaDocumentFrom(document: Record<string, unknown>): OpenApiDocument {
  const input = loaded(document);
  return buildModel(input).schemaDocument ?? input.document;
}

async function expectSameAsOracle(document: OpenApiDocument): Promise<void> {
  const ours = await schemaTypes(document);
  expect(ours).toBe(await oracleSchemaFile(document));
}

describe("schema.ts is byte-identical to openapi-typescript + Prettier", () => {
  it.each(committed.map((c) => [c.spec, c] as const))("committed spec %s", async (_, client) => {
    await expectSameAsOracle(await schemaDocumentOf(client.spec, client.overlays));
  });

  it.each(corpus)("corpus sample %s", async (name) => {
    await expectSameAsOracle(await schemaDocumentOf(join("test/fixtures/corpus", name)));
  });

  it("for constructs that hit each layout rule", async () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `value-number-${i}`);
    const object = { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } }, required: ["a"] };
    await expectSameAsOracle(
      schemaDocumentFrom({
        paths: {},
        components: {
          schemas: {
            ShortEnum: { type: "string", enum: ["a", "b"] },
            LongEnum: { type: "string", enum: long(12) },
            NullableLongEnum: { type: ["string", "null"], enum: [...long(12), null] },
            ArrayOfLongEnum: { type: "array", items: { type: "string", enum: long(12) } },
            ArrayOfShortUnion: { type: "array", items: { oneOf: [{ type: "string" }, { type: "number" }] } },
            NestedArrays: { type: "array", items: { type: "array", items: { anyOf: [{ type: "string" }, { type: "null" }] } } },
            Numbers: { enum: [0, -1, 1.5, 1e21, 2.5e-7, 123456789012] },
            Quotes: { enum: ['say "hi"', "it's", `both ' and "`, "back\\slash", "tab\there", "nul\u0000", "line\u2028sep", "ünïcödé 名前"] },
            Keys: {
              type: "object",
              properties: {
                plain: { type: "string" },
                "kebab-case": { type: "string" },
                'with "quotes"': { type: "string" },
                "it's": { type: "string" },
                ünïcödé: { type: "string" },
                "200": { type: "string" },
                "1e+21": { type: "string" },
                "-1": { type: "string" },
                "": { type: "string" },
              },
            },
            Nullable: { ...object, type: ["object", "null"] },
            NullableRef: { oneOf: [{ $ref: "#/components/schemas/Nullable" }, { type: "null" }] },
            RefOrInline: { oneOf: [{ $ref: "#/components/schemas/Nullable" }, object] },
            Intersection: { allOf: [{ $ref: "#/components/schemas/Nullable" }, { $ref: "#/components/schemas/Keys" }] },
            IntersectionWithObject: { allOf: [{ $ref: "#/components/schemas/Keys" }, object, { $ref: "#/components/schemas/Nullable" }] },
            // WithRequired<…>, the helper written out by hand (with its NonNullable fix-up).
            Required: { allOf: [{ $ref: "#/components/schemas/Nullable" }], required: ["b"] },
            RequiredBreaks: {
              allOf: [{ $ref: `#/components/schemas/Very${"Long".repeat(30)}Name` }],
              required: [`prop${"erty".repeat(30)}`],
            },
            RequiredLong: {
              allOf: [{ $ref: "#/components/schemas/ArrayOfLongEnum" }, { $ref: "#/components/schemas/IntersectionWithObject" }],
              required: long(6),
            },
            Tuple: { type: "array", prefixItems: [{ type: "string" }, { enum: long(10) }], items: false },
            TupleRest: { type: "array", prefixItems: [{ type: "string" }], items: { type: "number" } },
            Map: { type: "object", additionalProperties: { oneOf: [{ type: "string" }, { type: "integer" }, object] } },
            Const: { const: "fixed" },
            ConstObject: { const: { a: 1, b: [true, null], "c-d": { e: "f" } } },
            Described: {
              type: "object",
              description: "Line one\nline two\r\nline three\rafter a lone CR\u2028after a separator */ closed?",
              properties: {
                a: { type: "string", description: "   indented\n\n\n  blank lines  ", default: "x", example: { nested: ["y"] } },
                b: { type: "string", title: "Title", format: "date-time", deprecated: true },
                c: { type: "string", description: "one line" },
              },
            },
            [`Very${"Long".repeat(30)}Name`]: { type: "object", properties: { [`prop${"erty".repeat(30)}`]: { enum: long(3) } } },
          },
        },
      }),
    );
  });

  it("for discriminators: oneOf with and without mapping, allOf inheritance, mapping into $defs", async () => {
    const pet = { type: "object", required: ["petType"], properties: { petType: { type: "string" }, name: { type: "string" } }, discriminator: { propertyName: "petType" } };
    await expectSameAsOracle(
      schemaDocumentFrom({
        paths: {},
        components: {
          schemas: {
            Pet: { ...pet, discriminator: { propertyName: "petType", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog", lizard: "#/components/schemas/Lizard" } } },
            Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { meows: { type: "boolean" } } }] },
            Dog: { allOf: [{ $ref: "#/components/schemas/Pet" }], required: ["name"], properties: { barks: { type: "boolean" } } },
            Lizard: { type: "object", properties: { petType: { type: "string", description: "kind" }, scales: { type: "integer" } } },
            Any: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Lizard" }], discriminator: { propertyName: "petType" } },
            Shape: { type: "object", properties: { kind: { type: "string" } }, discriminator: { propertyName: "kind" } },
            Circle: { anyOf: [{ $ref: "#/components/schemas/Shape" }, { type: "object", properties: { r: { type: "number" } } }] },
            Square: { allOf: [{ $ref: "#/components/schemas/Shape" }, { $ref: "#/components/schemas/Circle" }], required: ["kind", "r"] },
            Inline: { allOf: [{ type: "object", discriminator: { propertyName: "tag" }, properties: { tag: { type: "string" } } }, { $ref: "#/components/schemas/Shape" }] },
            // A mapping to a schema that is neither an object nor an allOf: not narrowed.
            Plain: { type: "string" },
            Unhandled: { oneOf: [{ $ref: "#/components/schemas/Plain" }, { type: "string" }], discriminator: { propertyName: "x", mapping: { a: "#/components/schemas/Plain", b: "#/components/schemas/Cat" } } },
          },
        },
      }),
    );
  });

  it("for the schema keywords openapi-typescript reads", async () => {
    const shared = { type: "object", properties: { a: { type: "string" } } };
    await expectSameAsOracle(
      schemaDocumentFrom({
        paths: {},
        $defs: { RootDef: { type: "string" } },
        components: {
          schemas: {
            Nullable30: { type: "string", nullable: true },
            NullableObject30: { ...shared, nullable: true },
            NullableUnknown: { nullable: true },
            NullableEnum30: { type: "string", enum: ["a", "b"], nullable: true },
            TypeArray: { type: ["string", "integer", "null"] },
            TypeArrayOneOf: { type: ["string", "null", "object"], oneOf: [{ type: "string", minLength: 2 }, shared] },
            TypeArrayObject: { type: ["object", "null"], properties: { a: { type: "string" } }, required: ["a"] },
            ConstNumber: { const: -2.5 },
            ConstNull: { const: null, type: "string" },
            ConstArray: { const: [] },
            ConstEmpty: { const: {} },
            MixedEnum: { enum: ["a", 1, -1, true, false, null, 1.5e300, { k: "v" }, ["x"]] },
            EnumWithObjectType: { type: "object", enum: [{ a: 1 }, { b: "two" }] },
            EnumWithProperties: { enum: ["a"], properties: { a: { type: "string" } } },
            AdditionalTrue: { type: "object", additionalProperties: true },
            AdditionalFalse: { type: "object", additionalProperties: false, properties: { a: { type: "string" } } },
            AdditionalEmpty: { type: "object", additionalProperties: {} },
            AdditionalSchema: { type: "object", properties: { a: { type: "integer" } }, additionalProperties: { type: "string" } },
            Patterns: { type: "object", patternProperties: { "^x-": { type: "string" }, "^y-": { type: "integer" } }, additionalProperties: { type: "boolean" } },
            EmptyObject: { type: "object" },
            EmptyProperties: { type: "object", properties: {} },
            ReadWrite: {
              type: "object",
              required: ["id"],
              properties: { id: { type: "string", readOnly: true }, secret: { type: "string", writeOnly: true }, ref: { $ref: "#/components/schemas/EmptyObject" }, yes: true, no: false },
            },
            Defs: { type: "object", $defs: { inner: { type: "integer", readOnly: true, description: "an inner def" } }, properties: { x: { $ref: "#/components/schemas/Defs/$defs/inner" } } },
            PrefixItems: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }] },
            ItemsArray: { type: "array", items: [{ type: "string" }, { type: "boolean" }] },
            ArrayOfArrays: { type: "array", items: { type: "array", items: { type: "string" } } },
            ArrayOfOneArray: { type: "array", items: { anyOf: [{ type: "array", items: { type: "string" } }] } },
            UntypedArray: { type: "array" },
            Mix: { type: "object", properties: { a: { type: "string" } }, allOf: [shared, { $ref: "#/components/schemas/ReadWrite" }], anyOf: [{ type: "string" }, { type: "number" }], oneOf: [{ type: "null" }, { type: "boolean" }] },
            OneOfObjects: { oneOf: [shared, { type: "integer" }], anyOf: [{ type: "string" }] },
            UnknownType: { type: "file" },
            Documented: {
              title: "  A title\nwith a break ",
              summary: "sum",
              description: "",
              default: "",
              example: null,
              examples: [1, "two", { three: 3 }],
              deprecated: true,
              format: "uuid",
              type: "string",
              enum: ["x"],
            },
          },
        },
      }),
    );
  });

  it("for paths, operations, parameters, bodies, responses, headers, webhooks and path items", async () => {
    const pathId = { name: "id", in: "path", required: true, schema: { type: "integer" } };
    await expectSameAsOracle(
      schemaDocumentFrom({
        paths: {
          "/pets/{id}": {
            parameters: [pathId, { $ref: "#/components/parameters/Trace" }, { name: "q", in: "query", schema: { type: "string" } }],
            get: {
              operationId: "getPet",
              summary: "Get a pet",
              parameters: [{ name: "q", in: "query", required: true, description: "overrides the path-level q", schema: { type: "string" } }, { name: "c", in: "cookie" }],
              responses: {
                "200": {
                  description: "ok",
                  headers: {
                    "X-Rate": { schema: { type: "integer" }, required: true, description: "rate" },
                    "X-Ref": { $ref: "#/components/headers/Limit" },
                    "X-Content": { content: { "text/plain": { schema: { type: "string" } } } },
                    "X-None": {},
                  },
                  content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } }, "text/plain": {} },
                },
                "404": { $ref: "#/components/responses/NotFound" },
                default: { description: "error" },
              },
            },
            put: {
              operationId: "a#b/c",
              requestBody: { $ref: "#/components/requestBodies/PetBody" },
              responses: {},
            },
            post: {
              description: "no operationId",
              requestBody: { required: true, description: "a body", content: { "application/json": { schema: { type: "object", properties: { a: { type: "string" } } } } } },
            },
            delete: { operationId: "deletePet", requestBody: { content: {} }, responses: { "204": { description: "gone" } }, deprecated: true },
            patch: { $ref: "#/components/pathItems/Shared/get" },
          },
          "/ref": { $ref: "#/components/pathItems/Shared" },
          "/empty": {},
        },
        webhooks: { newPet: { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } }, responses: { "200": { description: "ok" } } } } },
        components: {
          schemas: { Pet: { type: "object", properties: { id: { type: "integer" } } } },
          parameters: { Trace: { name: "X-Trace", in: "header", required: true, schema: { type: "string" } }, NoSchema: { name: "n", in: "query" } },
          headers: { Limit: { schema: { type: "integer" }, description: "limit" } },
          requestBodies: { PetBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
          responses: { NotFound: { description: "not found", content: { "application/problem+json": { schema: { type: "object" } } } } },
          pathItems: { Shared: { get: { operationId: "shared", responses: { "200": { description: "ok" } } } } },
        },
      }),
    );
  });

  it("for a document without components, paths or operations", async () => {
    await expectSameAsOracle(schemaDocumentFrom({ paths: { "/x": { get: { responses: {} } } } }));
    await expectSameAsOracle(schemaDocumentFrom({ webhooks: {} }));
  });

  it("for a 3.0 document", async () => {
    const input = loaded({ paths: {}, components: { schemas: { A: { type: "string", nullable: true }, B: { allOf: [{ $ref: "#/components/schemas/A" }], nullable: true } } } });
    input.document.openapi = "3.0.3";
    await expectSameAsOracle(buildModel(input).schemaDocument ?? input.document);
  });
});

/** Freezes `value` and everything in it: a write then throws (module code is strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe("schema.ts leaves the document alone", () => {
  it("writes nothing into it, discriminator narrowing included", async () => {
    const document = schemaDocumentFrom({
      paths: {},
      components: {
        schemas: {
          Pet: { type: "object", properties: { kind: { type: "string" } }, discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } } },
          Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] },
          Dog: { type: "object", properties: { kind: { type: "string" } } },
          Any: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "kind" } },
        },
      },
    });
    const expected = await oracleSchemaFile(structuredClone(document));
    expect(await schemaTypes(deepFreeze(document))).toBe(expected);
    expect(expected).toContain('kind: "cat"');
    expect(expected).toContain('kind: "Dog"');
  });
});

/** The old pipeline failed in Redocly's document walk, before openapi-typescript's transform. */
function isRedoclyResolverFailure(error: unknown): boolean {
  return error instanceof Error && /[\\/]@redocly[\\/]openapi-core[\\/]lib[\\/]resolve\.js/.test(error.stack ?? "");
}

describe("regression: a property named after an Object.prototype member", () => {
  // Found by the random-schema property (seed -1866484267): the old pipeline's Redocly walk
  // threw on `valueOf` (it reads `node[key]` through the prototype); our emitter writes it as
  // any other property.
  it.each(["valueOf", "toString", "constructor", "hasOwnProperty", "__proto__"])("%s is an ordinary property", async (name) => {
    const document = schemaDocumentFrom({
      paths: {},
      components: { schemas: { S0: { type: "object", properties: { [name]: { type: "string" } }, additionalProperties: { type: "string" } } } },
    });
    const text = await schemaTypes(document);
    expect(text).toContain(`S0: {\n      ${name}?: string;\n    } & {\n      [key: string]: string;\n    };`);
  });
});

/** Random schemas, built from the constructs above, hostile text included. */
const text = fc.oneof(fc.constantFrom('"', "'", "\\", "\n", "*/", "\u2028", "名前", "a b", "x".repeat(60)), fc.string({ maxLength: 12 }));
const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom({ type: "string" }, { type: "integer" }, { type: "boolean" }, { type: "null" }, {}),
    fc.record({ enum: fc.array(fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { minLength: 1, maxLength: 14 }) }),
    fc.record({ type: fc.constant("array"), items: tie("node") }),
    fc.record({ oneOf: fc.array(tie("node"), { minLength: 1, maxLength: 5 }) }),
    fc.record({ anyOf: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }),
    fc.record({ allOf: fc.array(fc.oneof(tie("node"), fc.constant({ $ref: "#/components/schemas/S0" })), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant("object"), description: text, properties: fc.dictionary(text, tie("node"), { maxKeys: 4 }), additionalProperties: fc.oneof(fc.boolean(), tie("node")) }),
    fc.record({ type: fc.constant(["string", "null"]), enum: fc.array(text, { minLength: 1, maxLength: 20 }) }),
    fc.constant({ $ref: "#/components/schemas/S1" }),
    // Discriminators: S0 names its alternatives; the others inherit it through allOf.
    fc.record({
      oneOf: fc.constant([{ $ref: "#/components/schemas/S1" }, { type: "object", properties: { k: { type: "string" } } }]),
      discriminator: fc.record({ propertyName: text, mapping: fc.constant({ one: "#/components/schemas/S1" }) }, { requiredKeys: ["propertyName"] }),
    }),
    fc.record({ type: fc.constant("object"), allOf: fc.constant([{ $ref: "#/components/schemas/S0" }]), required: fc.array(text, { maxLength: 2 }), nullable: fc.boolean() }),
  ),
})).node;

describe("schema.ts matches the oracle for random schemas", () => {
  it("is byte-identical", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(schema, { minLength: 2, maxLength: 4 }), async (schemas) => {
        const document = schemaDocumentFrom({
          paths: {},
          components: { schemas: Object.fromEntries(schemas.map((s, i) => [`S${i}`, s])) },
        });
        // openapi-typescript throws on some names (a property named "%": URIError in its
        // pointer parsing); the emitter, running its transform, must then throw too.
        const outcome = (promise: Promise<string>) => promise.then((text) => ({ text }), (error: unknown) => ({ text: "threw", error }));
        const want = await outcome(oracleSchemaFile(document));
        // Redocly's resolver, which ran before the transform in the old pipeline and does not
        // run in ours, throws on a property named after an Object.prototype member ("valueOf");
        // that is not the transform's answer, so such a document gives no verdict here (the
        // regression test above holds its output).
        fc.pre(!("error" in want && isRedoclyResolverFailure(want.error)));
        const got = await outcome(schemaTypes(document));
        expect(got.text).toEqual(want.text);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
