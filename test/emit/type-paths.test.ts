/**
 * types.ts is left unchecked by users' builds, so `generate()` proves its indexed accesses
 * resolve in schema.ts (src/emit/type-paths.ts). Each shape of `$ref` and optional member
 * schema.ts writes is proved, and an access that names nothing, or reads an optional member
 * without `NonNullable`, is refused with the operation and the access named.
 */
import { describe, expect, it } from "vitest";
import { clientView } from "../../src/emit/client-view.js";
import type { MemberAccess, OperationTypePaths } from "../../src/emit/operation-types.js";
import { schemaStatements } from "../../src/emit/schema-types.js";
import { proveTypePaths } from "../../src/emit/type-paths.js";
import { buildModel } from "../../src/model/index.js";
import { loaded } from "../model/helpers.js";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ok = { description: "ok", ...json({ type: "string" }) };

/** One operation of each shape schema.ts writes, and what its types index. */
const document = {
  paths: {
    "/by-id/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "withOperationId", // written into the `operations` interface, referenced from its path
        parameters: [{ name: "q", in: "query", schema: { type: "string" } }, { $ref: "#/components/parameters/Trace" }],
        responses: { "200": ok, "4XX": { $ref: "#/components/responses/Problem" }, default: { description: "d", content: { "application/vnd.x+json; v=1": { schema: {} } } } },
      },
    },
    "/inline": {
      post: {
        requestBody: { $ref: "#/components/requestBodies/Optional" },
        responses: { "201": ok },
      },
    },
    "/shared": { $ref: "#/components/pathItems/Shared" },
  },
  components: {
    parameters: { Trace: { name: "X-Trace", in: "header", required: true, schema: { type: "string" } } },
    responses: { Problem: { $ref: "#/components/responses/Deeper" }, Deeper: { description: "p", ...json({ type: "object" }) } },
    requestBodies: { Optional: { required: false, ...json({ type: "object" }) } },
    pathItems: { Shared: { put: { operationId: "shared", requestBody: { required: true, ...json({ type: "integer" }) }, responses: { "204": { description: "none" } } } } },
  },
};

function setup() {
  const input = loaded(document);
  const model = buildModel(input);
  const paths = clientView(model, { generatorVersion: "0.0.0", specName: "t.yml", sha256: "0".repeat(64) }).operations.map((o) => o.typePaths);
  return { statements: schemaStatements(model.schemaDocument ?? input.document), paths };
}

const byName = (paths: OperationTypePaths[], name: string): OperationTypePaths => paths.find((p) => p.operation === name)!;

describe("proveTypePaths", () => {
  it("proves every access of every shape: operations interface, inline, $ref'd path item, response, header parameter, optional body", () => {
    const { statements, paths } = setup();
    expect(paths.map((p) => p.operation).sort()).toEqual(["postInline", "shared", "withOperationId"]);
    // What is proved is what is written: optional groups and bodies go through NonNullable.
    expect(byName(paths, "withOperationId").accesses).toEqual<MemberAccess[]>([
      { keys: ["parameters", "path"], nonNullable: 0 },
      { keys: ["parameters", "query"], nonNullable: 2 },
      { keys: ["parameters", "header"], nonNullable: 0 },
      { keys: ["responses", 200, "content", "application/json"], nonNullable: 0 },
      { keys: ["responses", "4XX", "content", "application/json"], nonNullable: 0 },
      { keys: ["responses", "default", "content", "application/vnd.x+json; v=1"], nonNullable: 0 },
    ]);
    expect(byName(paths, "postInline").accesses[0]).toEqual({ keys: ["requestBody", "content", "application/json"], nonNullable: 1 });
    expect(() => proveTypePaths(statements, paths)).not.toThrow();
  });

  it.each<[string, (p: OperationTypePaths) => OperationTypePaths, RegExp]>([
    [
      "a media type schema.ts does not declare",
      (p) => ({ ...p, accesses: [{ keys: ["responses", 200, "content", "application/xml"], nonNullable: 0 }] }),
      /withOperationId index what schema\.ts does not declare \(withOperationIdOperation\["responses"\]\[200\]\["content"\]\["application\/xml"\] is not declared/,
    ],
    [
      "a status it does not declare",
      (p) => ({ ...p, accesses: [{ keys: ["responses", 404, "content", "application/json"], nonNullable: 0 }] }),
      /\["responses"\]\[404\] is not declared/,
    ],
    [
      "a path it does not declare",
      (p) => ({ ...p, root: ["/by-id/{identifier}", "get"] }),
      /paths\["\/by-id\/\{identifier\}"\] is not declared/,
    ],
    [
      "a method the path item does not have (declared `never`)",
      (p) => ({ ...p, root: ["/by-id/{id}", "delete"] }),
      /paths\["\/by-id\/\{id\}"\]\["delete"\] is optional\)/,
    ],
  ])("refuses %s", (_, edit, message) => {
    const { statements, paths } = setup();
    const edited = paths.map((p) => (p.operation === "withOperationId" ? edit(p) : p));
    expect(() => proveTypePaths(statements, edited)).toThrow(message);
  });

  it("refuses an optional body read without NonNullable, and proves it with", () => {
    const { statements, paths } = setup();
    const body = (nonNullable: number) => paths.map((p) => (p.operation === "postInline" ? { ...p, accesses: [{ keys: ["requestBody", "content", "application/json"], nonNullable }] } : p));
    expect(() => proveTypePaths(statements, body(0))).toThrow(/postInlineOperation\["requestBody"\] is optional and read without NonNullable<…>/);
    expect(() => proveTypePaths(statements, body(1))).not.toThrow();
  });
});
