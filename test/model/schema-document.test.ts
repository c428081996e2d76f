import { describe, expect, it } from "vitest";
import { schemaDocument } from "../../src/model/schema-document.js";

type Doc = Record<string, unknown>;
const doc = (schemas: Doc, extra: Doc = {}, openapi = "3.0.3"): Doc => ({ openapi, info: { title: "T", version: "1" }, paths: {}, ...extra, components: { schemas } });

function run(given: Doc) {
  const warnings: { pointer: string; message: string }[] = [];
  const out = schemaDocument(given, (pointer, message) => warnings.push({ pointer, message }));
  return { out, warnings };
}

describe("schemaDocument: what openapi-typescript reads for schema.ts", () => {
  it("returns the very document when there is nothing to rewrite", () => {
    const given = doc({ Pet: { type: "object", properties: { tags: { type: "array", items: { $ref: "#/components/schemas/Pet" } } } } });
    expect(run(given).out).toBe(given);
  });

  const hoisting: [string, { given: Doc; refAt: string[]; want: { name: string; schema: unknown } }][] = [
    [
      "corpus bug (codat.io): $ref into a schema's definitions",
      {
        given: doc({
          Account: { type: "object", properties: { ids: { $ref: "#/components/schemas/Account/definitions/ids" } }, definitions: { ids: { type: "array", items: { type: "string" } } } },
        }),
        refAt: ["components", "schemas", "Account", "properties", "ids", "$ref"],
        want: { name: "Account_definitions_ids", schema: { type: "array", items: { type: "string" } } },
      },
    ],
    [
      "corpus bug (eos.local): $ref into an inline response schema under paths",
      {
        given: doc(
          { Other: { type: "object", properties: { token: { $ref: "#/paths/~1net~1status/post/responses/200/content/application~1json/schema/properties/token" } } } },
          { paths: { "/net/status": { post: { responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object", properties: { token: { type: "string", minLength: 1 } } } } } } } } } } },
        ),
        refAt: ["components", "schemas", "Other", "properties", "token", "$ref"],
        want: { name: "net_status_post_responses_200_application_json_token", schema: { type: "string", minLength: 1 } },
      },
    ],
  ];
  it.each(hoisting)("%s: the target is copied into components.schemas and the $ref points there", (_, { given, refAt, want }) => {
    const { out, warnings } = run(given);
    expect(out).not.toBe(given);
    const schemas = (out.components as Doc).schemas as Doc;
    expect(schemas[want.name]).toEqual(want.schema);
    expect(refAt.reduce<unknown>((node, key) => (node as Doc)[key], out)).toBe(`#/components/schemas/${want.name}`);
    expect(warnings).toEqual([]);
    // The input is left alone.
    expect(refAt.reduce<unknown>((node, key) => (node as Doc)[key], given)).not.toBe(`#/components/schemas/${want.name}`);
  });

  it("keeps references to whole components as written", () => {
    const given = doc({ A: { type: "string" }, B: { $ref: "#/components/schemas/A" } }, { paths: { "/x": { get: { parameters: [{ $ref: "#/components/parameters/P" }], responses: {} } } } });
    expect(run(given).out).toBe(given);
  });

  it("corpus bug (digitalocean.com): a $ref to a parameter written under paths is copied into components.parameters", () => {
    const parameter = { name: "per_page", in: "query", schema: { type: "integer" } };
    const given = doc({}, {
      paths: {
        "/keys": { get: { parameters: [parameter], responses: {} } },
        "/actions": { get: { parameters: [{ $ref: "#/paths/~1keys/get/parameters/0" }], responses: {} } },
      },
    });
    const { out } = run(given);
    expect((out.components as Doc).parameters).toEqual({ keys_get_parameters_0: parameter });
    expect(((out.paths as Doc)["/actions"] as { get: { parameters: unknown[] } }).get.parameters).toEqual([{ $ref: "#/components/parameters/keys_get_parameters_0" }]);
  });

  it("corpus bug (mercedes-benz.com): an enum of strings on an object schema is dropped, with a warning", () => {
    const { out, warnings } = run(doc({ Group: { type: "object", enum: ["PKW", "VAN"], properties: { name: { type: "string" } } } }));
    expect(((out.components as Doc).schemas as Doc).Group).toEqual({ type: "object", properties: { name: { type: "string" } } });
    expect(warnings).toEqual([{ pointer: "/components/schemas/Group/enum", message: expect.stringContaining("enum ignored") }]);
  });

  it("corpus bug (digitalocean.com): discriminator mapping values that resolve to nothing are dropped, with a warning", () => {
    const given = doc({
      A: { type: "object", properties: { type: { type: "string" } } },
      U: {
        oneOf: [{ $ref: "#/components/schemas/A" }],
        discriminator: { propertyName: "type", mapping: { a: "#/components/schemas/A", b: "A", c: "models/c.yml", d: "#/nowhere" } },
      },
    });
    const { out, warnings } = run(given);
    expect((((out.components as Doc).schemas as Doc).U as { discriminator: unknown }).discriminator).toEqual({ propertyName: "type", mapping: { a: "#/components/schemas/A", b: "A" } });
    expect(warnings.map((w) => w.pointer)).toEqual(["/components/schemas/U/discriminator/mapping/c", "/components/schemas/U/discriminator/mapping/d"]);
  });

  it("does not rewrite $ref-looking text in examples, but does in properties named like keywords", () => {
    const given = doc({
      A: {
        type: "object",
        example: { $ref: "#/components/schemas/A/definitions/x" },
        properties: { example: { $ref: "#/components/schemas/A/definitions/x" }, "x-id": { $ref: "#/components/schemas/A/definitions/x" } },
        definitions: { x: { type: "integer" } },
      },
    });
    const a = ((run(given).out.components as Doc).schemas as Doc).A as Doc;
    expect(a.example).toEqual({ $ref: "#/components/schemas/A/definitions/x" });
    expect(a.properties).toEqual({ example: { $ref: "#/components/schemas/A_definitions_x" }, "x-id": { $ref: "#/components/schemas/A_definitions_x" } });
  });

  it("names a hoisted schema apart from the existing ones", () => {
    const given = doc({ A_definitions_x: { type: "boolean" }, A: { allOf: [{ $ref: "#/components/schemas/A/definitions/x" }], definitions: { x: { type: "integer" } } } });
    const schemas = (run(given).out.components as Doc).schemas as Doc;
    expect(schemas.A_definitions_x).toEqual({ type: "boolean" });
    expect(schemas.A_definitions_x_2).toEqual({ type: "integer" });
  });

  it("corpus bug (cpy.re/peertube): an example's externalValue is dropped, so nothing fetches it", () => {
    const media = { "text/xml": { schema: { type: "string" }, examples: { nightly: { summary: "s", externalValue: "https://example.com/feed.xml" } } } };
    const given = doc({}, { paths: { "/feed": { get: { responses: { 200: { description: "ok", content: media } } } } }, components: { examples: { E: { externalValue: "https://example.com/e" } } } });
    const { out, warnings } = run(given);
    expect(JSON.stringify(out)).not.toContain("externalValue");
    expect(JSON.stringify(out)).toContain('"nightly":{"summary":"s"}');
    expect(JSON.stringify(given)).toContain("externalValue");
    expect(warnings).toEqual([]);
  });

  const nulls: [string, { given: Doc; want: unknown }][] = [
    [
      "3.0: type null beside oneOf is read as nullable",
      { given: doc({ V: { type: "null", oneOf: [{ type: "string" }, { type: "number" }] } }), want: { nullable: true, oneOf: [{ type: "string" }, { type: "number" }] } },
    ],
    [
      "corpus bug (vercel.com), 3.1: type null beside oneOf becomes one more alternative",
      { given: doc({ V: { type: "null", oneOf: [{ type: "string" }] } }, {}, "3.1.0"), want: { oneOf: [{ type: "string" }, { type: "null" }] } },
    ],
    ["3.1: type [null] beside anyOf likewise", { given: doc({ V: { type: ["null"], anyOf: [{ type: "string" }] } }, {}, "3.1.0"), want: { anyOf: [{ type: "string" }, { type: "null" }] } }],
  ];
  it.each(nulls)("%s, with a located warning", (_, { given, want }) => {
    const { out, warnings } = run(given);
    expect(((out.components as Doc).schemas as Doc).V).toEqual(want);
    expect(warnings).toEqual([{ pointer: "/components/schemas/V/type", message: expect.stringContaining("matches no value") }]);
  });

  const cycles: [string, { given: Doc; cutAt: string[] }][] = [
    [
      "corpus bug (vercel.com): an array of itself among a union's alternatives",
      { given: doc({ Json: { oneOf: [{ type: "string" }, { type: "array", items: { $ref: "#/components/schemas/Json" } }] } }), cutAt: ["Json", "oneOf", "1", "items"] },
    ],
    [
      "two schemas that are arrays of each other",
      {
        given: doc({ A: { type: "array", items: { $ref: "#/components/schemas/B" } }, B: { anyOf: [{ type: "string" }, { $ref: "#/components/schemas/A" }] } }),
        cutAt: ["B", "anyOf", "1"],
      },
    ],
  ];
  it.each(cycles)("%s: cut at one reference, typed unknown, with a located warning", (_, { given, cutAt }) => {
    const { out, warnings } = run(given);
    const schemas = (out.components as Doc).schemas as Doc;
    expect(cutAt.reduce<unknown>((node, key) => (node as Doc)[key], schemas)).toEqual({ description: expect.stringContaining("recursive") });
    expect(warnings).toEqual([{ pointer: `/components/schemas/${cutAt.join("/")}`, message: expect.stringContaining("typed unknown here") }]);
  });

  it("leaves recursion through object members alone: TypeScript defers those", () => {
    const given = doc({
      Tree: { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Tree" } } } },
      Map: { oneOf: [{ type: "string" }, { type: "object", additionalProperties: { $ref: "#/components/schemas/Map" } }] },
    });
    expect(run(given).out).toBe(given);
  });
});
