import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.js";
import { loaded } from "./helpers.js";

function operation(pathItem: Record<string, unknown>, components: Record<string, unknown> = {}) {
  return buildModel(loaded({ components, paths: { "/items/{id}": pathItem } })).operations[0]!;
}

describe("parameters (OpenAPI 3.1 §4.8.12): defaults resolved once", () => {
  const cases: [string, { given: Record<string, unknown>; want: Record<string, unknown> }][] = [
    ["query: style form, explode true", { given: { name: "q", in: "query" }, want: { style: "form", explode: true, required: false } }],
    ["path: style simple, explode false, always required", { given: { name: "id", in: "path" }, want: { style: "simple", explode: false, required: true } }],
    ["header: style simple", { given: { name: "X-Trace", in: "header", required: true }, want: { style: "simple", explode: false, required: true } }],
    ["cookie: style form", { given: { name: "c", in: "cookie" }, want: { style: "form", explode: true } }],
    ["explicit style and explode win", { given: { name: "f", in: "query", style: "deepObject", explode: true }, want: { style: "deepObject", explode: true } }],
    ["form with explode false", { given: { name: "ids", in: "query", explode: false }, want: { style: "form", explode: false } }],
    ["content instead of schema: carried as JSON", { given: { name: "filter", in: "query", content: { "application/json": {} } }, want: { json: true } }],
  ];
  it.each(cases)("%s", (_, { given, want }) => {
    const op = operation({ get: { parameters: [given], responses: { 200: { description: "ok" } } } });
    expect(op.parameters[0]).toMatchObject(want);
  });

  it("ignores Accept, Content-Type and Authorization header parameters (§4.8.12.1)", () => {
    const op = operation({
      get: {
        parameters: ["Accept", "content-type", "Authorization", "X-Keep"].map((name) => ({ name, in: "header" })),
        responses: { 200: { description: "ok" } },
      },
    });
    expect(op.parameters.map((p) => p.name)).toEqual(["X-Keep"]);
  });

  it("merges path-item parameters, the operation's overriding same name and location (§4.8.9.1)", () => {
    const op = operation(
      {
        parameters: [{ $ref: "#/components/parameters/Id" }, { name: "v", in: "query", description: "path level" }],
        get: { parameters: [{ name: "v", in: "query", description: "operation level", required: true }], responses: { 200: { description: "ok" } } },
      },
      { parameters: { Id: { name: "id", in: "path", required: true } } },
    );
    expect(op.parameters).toMatchObject([{ name: "id", in: "path" }, { name: "v", description: "operation level", required: true }]);
  });
});

describe("responses (OpenAPI 3.1 §4.8.16)", () => {
  it("orders exact codes, then ranges, then default, and marks 2xx as success", () => {
    const op = operation({
      get: {
        responses: {
          default: { description: "other", content: { "application/problem+json": {} } },
          "4XX": { description: "client error", content: { "application/json": {} } },
          "404": { description: "missing" },
          "200": { description: "ok", content: { "text/plain": {}, "application/json": {} } },
          "204": { description: "empty" },
        },
      },
    });
    expect(op.responses).toEqual([
      { status: "200", success: true, description: "ok", mediaType: "application/json", bodyKind: "json" },
      { status: "204", success: true, description: "empty", bodyKind: "empty" },
      { status: "404", success: false, description: "missing", bodyKind: "empty" },
      { status: "4XX", success: false, description: "client error", mediaType: "application/json", bodyKind: "json" },
      { status: "default", success: false, description: "other", mediaType: "application/problem+json", bodyKind: "json" },
    ]);
  });

  it("follows $ref to components.responses", () => {
    const op = operation(
      { get: { responses: { 400: { $ref: "#/components/responses/Bad" } } } },
      { responses: { Bad: { description: "bad", content: { "text/html": {} } } } },
    );
    expect(op.responses).toEqual([{ status: "400", success: false, description: "bad", mediaType: "text/html", bodyKind: "text" }]);
  });
});

describe("request bodies (OpenAPI 3.1 §4.8.13)", () => {
  const cases: [string, { content: Record<string, unknown>; required?: boolean; want: Record<string, unknown> }][] = [
    ["JSON preferred over form", { content: { "application/x-www-form-urlencoded": {}, "application/json": {} }, want: { mediaType: "application/json", encoding: "json", required: false } }],
    ["form when only form", { content: { "application/x-www-form-urlencoded": {} }, required: true, want: { encoding: "form", required: true } }],
    ["multipart", { content: { "multipart/form-data": {} }, want: { encoding: "multipart" } }],
    ["vendor +json is JSON", { content: { "application/vnd.api+json": {} }, want: { encoding: "json" } }],
    ["octet-stream is binary", { content: { "application/octet-stream": {} }, want: { encoding: "binary" } }],
  ];
  it.each(cases)("%s", (_, { content, required, want }) => {
    const op = operation({ post: { requestBody: { content, ...(required === undefined ? {} : { required }) }, responses: { 200: { description: "ok" } } } });
    expect(op.requestBody).toMatchObject(want);
  });
});
