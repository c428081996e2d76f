import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../src/load/index.js";
import { fixture, lineOf } from "./helpers.js";

const NCE = "specs/1nce-authorization.yml";

describe("loadDocument: the 1NCE Authorization document, as published", () => {
  it("loads as OpenAPI 3.0.1", async () => {
    const loaded = await loadDocument(NCE);
    expect(loaded.file).toBe(NCE);
    expect(loaded.sourceVersion).toBe("3.0.1");
    expect(loaded.document.openapi).toBe("3.0.1");
    expect(loaded.document.info.title).toBe("Authorization");
    expect(loaded.sources).toEqual([NCE]);
  });

  it("hashes the input bytes", async () => {
    const loaded = await loadDocument(NCE);
    expect(loaded.sha256).toBe(createHash("sha256").update(readFileSync(NCE)).digest("hex"));
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps internal $refs (schema names matter to the model)", async () => {
    const { document } = await loadDocument(NCE);
    const ok = (document.paths as any)["/oauth/token"].post.responses["200"].content["application/json"].schema;
    expect(ok).toEqual({ $ref: "#/components/schemas/Bearer_Token_200" });
  });

  it.each([
    ["/paths/~1oauth~1token/post", { line: lineOf(NCE, "    post:"), column: 5 }],
    ["/paths/~1oauth~1token", { line: lineOf(NCE, "  /oauth/token:"), column: 3 }],
    ["/components/securitySchemes/BasicAuthentication", { line: lineOf(NCE, "    BasicAuthentication:"), column: 5 }],
    ["/paths/~1oauth~1token/post/security/0", { line: lineOf(NCE, "      - BasicAuthentication: []"), column: 9 }],
    // Response codes are quoted keys ('200'); numbers and strings both map.
    ["/paths/~1oauth~1token/post/responses/200", { line: lineOf(NCE, "        '200':"), column: 9 }],
    ["", { line: 1, column: 1 }],
    ["/paths/~1nope", undefined],
    ["/servers/7", undefined],
  ])("locate(%j)", async (pointer, want) => {
    const { locate } = await loadDocument(NCE);
    expect(locate(pointer)).toEqual(want);
  });

  // Its contact e-mail was scraped through an e-mail obfuscator: `[email protected]` is a YAML
  // flow sequence, not even a string. Documentation-only fields must not stop generation.
  it("downgrades the broken contact e-mail to a warning and drops it", async () => {
    const loaded = await loadDocument(NCE);
    expect(loaded.warnings).toEqual([
      {
        severity: "warning",
        file: NCE,
        pointer: "/info/contact/email",
        line: lineOf(NCE, "    email:"),
        column: 5,
        message: "must be string; ignored, as documentation-only fields are not used",
      },
    ]);
    expect(loaded.document.info).toMatchObject({ contact: { name: "1NCE GmbH", url: "https://1nce.com" } });
    expect((loaded.document.info as any).contact).not.toHaveProperty("email");
  });
});

describe("loadDocument: other valid inputs", () => {
  it("reads a JSON document, with positions", async () => {
    const file = fixture("valid.json");
    const loaded = await loadDocument(file);
    expect(loaded.sourceVersion).toBe("3.1.0");
    expect(loaded.document.info.title).toBe("JSON document");
    expect(loaded.locate("/paths/~1users/get")).toEqual({ line: lineOf(file, '"get"'), column: 7 });
  });

  it("accepts a 3.1 document with components and no paths (OpenAPI 3.1 §4.8.1)", async () => {
    const loaded = await loadDocument(fixture("components-only-3.1.yaml"));
    expect(loaded.sourceVersion).toBe("3.1.0");
    expect(loaded.document).not.toHaveProperty("paths");
    expect(loaded.document.components).toEqual({ schemas: { User: { type: "object" } } });
  });

  it("returns the same bytes-derived result twice (deterministic)", async () => {
    const [a, b] = await Promise.all([loadDocument(NCE), loadDocument(NCE)]);
    expect(JSON.stringify(a.document)).toBe(JSON.stringify(b.document));
    expect(a.sha256).toBe(b.sha256);
  });
});
