import { describe, expect, it } from "vitest";
import { loadDocument } from "../../src/load/index.js";
import { diagnosticsOf, fixture, lineOf } from "./helpers.js";

describe("Swagger 2.0 input is converted to OpenAPI 3.0", () => {
  const file = fixture("swagger2.yaml");

  it("records the source version and produces 3.0", async () => {
    const loaded = await loadDocument(file);
    expect(loaded.sourceVersion).toBe("2.0");
    expect(loaded.document.openapi).toMatch(/^3\.0\.\d+$/);
    expect(Object.keys(loaded.document)[0]).toBe("openapi");
    expect(loaded.document).not.toHaveProperty("swagger");
  });

  it("turns host + basePath + schemes into servers", async () => {
    const { document } = await loadDocument(file);
    expect(document.servers).toEqual([{ url: "https://api.example.com/v1" }]);
    for (const gone of ["host", "basePath", "schemes", "consumes", "produces"]) expect(document).not.toHaveProperty(gone);
  });

  it("turns securityDefinitions into components.securitySchemes", async () => {
    const { document } = await loadDocument(file);
    expect(document).not.toHaveProperty("securityDefinitions");
    expect((document.components as any).securitySchemes).toEqual({
      // 2.0 `flow: application` is the client credentials grant.
      OAuth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: { read: "Read access" } } } },
      ApiKey: { type: "apiKey", name: "X-API-Key", in: "header" },
      Basic: { type: "http", scheme: "basic" },
    });
    expect(document.security).toEqual([{ OAuth2: ["read"] }]);
  });

  it("moves definitions and response schemas, rewriting $refs", async () => {
    const { document } = await loadDocument(file);
    expect((document.components as any).schemas.User).toEqual({ type: "object", properties: { id: { type: "string" } } });
    expect((document.paths as any)["/users/{id}"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/User",
    });
  });

  it.each([
    ["/components/securitySchemes/OAuth2", "  OAuth2:"],
    ["/components/securitySchemes/OAuth2/flows/clientCredentials/tokenUrl", "    tokenUrl:"],
    ["/components/schemas/User", "  User:"],
    ["/servers/0", "host:"],
    ["/paths/~1users~1{id}/get/responses/200/content/application~1json/schema", "          schema:"],
    ["/paths/~1users~1{id}/get", "    get:"],
  ])("locate(%j) finds the 2.0 source line", async (pointer, needle) => {
    const { locate } = await loadDocument(file);
    expect(locate(pointer)?.line).toBe(lineOf(file, needle));
  });

  // Bundling inlines an external value at its first use and points later uses at that place;
  // the conversion moves such places (response `schema` → `content/{type}/schema`, body
  // parameter → `requestBody`), so those $refs must follow.
  it("keeps $refs between bundled external values valid across the conversion", async () => {
    const { document } = await loadDocument(fixture("swagger2-external", "main.yaml"));
    const paths = document.paths as any;
    expect(paths["/a"].get.responses["200"].content["application/json"].schema).toEqual({
      type: "object",
      properties: { id: { type: "string" } },
    });
    expect(paths["/b"].post.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/paths/~1a/get/responses/200/content/application~1json/schema",
    });
    const bodies = [paths["/b"].post.requestBody.content["application/json"].schema, paths["/c"].put.requestBody.content["application/json"].schema];
    expect(bodies).toContainEqual({ type: "object" });
    expect(bodies.filter((b) => "$ref" in b)).toHaveLength(1);
  });

  it("validates the 2.0 source, so errors point into it", async () => {
    const invalid = fixture("swagger2-invalid.yaml");
    const diagnostics = await diagnosticsOf(loadDocument(invalid));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        file: invalid,
        pointer: "/paths/~1users/get/parameters/0",
        line: lineOf(invalid, "- name: limit"),
        column: 11,
        message: "must have required property 'type' (needed by `in: query`)",
      },
      {
        severity: "error",
        file: invalid,
        pointer: "/securityDefinitions/OAuth2",
        line: lineOf(invalid, "  OAuth2:"),
        column: 3,
        message: "must have required property 'tokenUrl' (needed by `flow: application`)",
      },
    ]);
  });
});
