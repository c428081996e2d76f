import { describe, expect, it } from "vitest";
import { loadDocument } from "../../src/load/index.js";
import { diagnosticsOf, fixture, lineOf } from "./helpers.js";

const schemaOf = (path: string) => `/paths/${path.replace(/\//g, "~1")}/get/responses/200/content/application~1json/schema`;

describe("local $refs (OpenAPI 3.0 §4.7.23 Reference Object, RFC 6901)", () => {
  it("reports every broken one, located at the object holding the $ref, sorted by line", async () => {
    const file = fixture("broken-local-refs.yaml");
    const diagnostics = await diagnosticsOf(loadDocument(file));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file,
        pointer: schemaOf("/users"),
        line: lineOf(file, "schema:", 1),
        column: 15,
        message: '$ref "#/components/schemas/Missing" does not resolve',
      },
      {
        severity: "error",
        file,
        pointer: "/paths/~1teams/get/parameters/0",
        line: lineOf(file, '- $ref: "#/components/parameters/Nope"'),
        column: 11,
        message: '$ref "#/components/parameters/Nope" does not resolve',
      },
    ]);
  });
});

describe("external $refs", () => {
  it("bundles a file $ref: the referenced schema is in the result, internal $refs kept", async () => {
    const file = fixture("external", "main.yaml");
    const loaded = await loadDocument(file);
    const schemas = (loaded.document.components as any).schemas;
    expect(schemas.User).toEqual({
      type: "object",
      required: ["id"],
      properties: { id: { type: "string" }, pet: { type: "object", properties: { name: { type: "string" } } } },
    });
    expect((loaded.document.paths as any)["/users"].get.responses["200"].content["application/json"].schema).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/User" },
    });
    expect(JSON.stringify(loaded.document)).not.toContain("schemas.yaml");
    expect(loaded.sources).toEqual([file, fixture("external", "schemas.yaml")]);
  });

  it("turns a $ref to the input's own file name into a local one", async () => {
    const file = fixture("external", "self-ref.yaml");
    const { document, sources } = await loadDocument(file);
    expect((document.paths as any)["/users"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/User",
    });
    expect(sources).toEqual([file]);
  });

  it.each([
    [
      "a missing file",
      "/users",
      '$ref "./external/does-not-exist.yaml#/User" does not resolve: cannot read test/fixtures/load/external/does-not-exist.yaml (no such file)',
    ],
    ["a pointer the file does not have", "/teams", '$ref "./external/schemas.yaml#/NoSuchSchema" does not resolve'],
  ])("locates a broken file $ref: %s", async (_name, path, message) => {
    const file = fixture("broken-file-ref.yaml");
    const diagnostics = await diagnosticsOf(loadDocument(file));
    const occurrence = path === "/users" ? 1 : 2;
    expect(diagnostics).toContainEqual({
      severity: "error",
      file,
      pointer: schemaOf(path),
      line: lineOf(file, "schema:", occurrence),
      column: 15,
      message,
    });
    expect(diagnostics).toHaveLength(2);
  });

  it("reports a broken $ref inside an external file in that file", async () => {
    const inner = fixture("external", "broken-inner.yaml");
    const diagnostics = await diagnosticsOf(loadDocument(fixture("external", "main-broken-inner.yaml")));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: inner,
        pointer: "/User/properties/team",
        line: lineOf(inner, "team:"),
        column: 5,
        message: '$ref "#/Team" does not resolve',
      },
    ]);
  });

  it("refuses a remote $ref without fetching it", async () => {
    const file = fixture("remote-ref.yaml");
    const diagnostics = await diagnosticsOf(loadDocument(file));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file,
        pointer: schemaOf("/users"),
        line: lineOf(file, "schema:"),
        column: 15,
        message: "remote $ref not allowed: https://example.com/schemas/user.yaml#/User (pass --allow-remote-refs to fetch it)",
      },
    ]);
  });
});
