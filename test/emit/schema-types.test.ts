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
        const outcome = (promise: Promise<string>) => promise.then((text) => ({ text }), () => ({ text: "threw" }));
        expect(await outcome(schemaTypes(document))).toEqual(await outcome(oracleSchemaFile(document)));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
