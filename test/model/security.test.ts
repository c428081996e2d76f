import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.js";
import { loaded } from "./helpers.js";

const schemes = {
  ApiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
  Session: { type: "apiKey", in: "cookie", name: "session" },
  OAuth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://as.example/token", scopes: { read: "Read", write: "Write" } } } },
};

function securityOf(root: unknown, operation: unknown) {
  const op: Record<string, unknown> = { responses: { 200: { description: "ok" } } };
  if (operation !== undefined) op.security = operation;
  const doc: Record<string, unknown> = { components: { securitySchemes: schemes }, paths: { "/x": { get: op } } };
  if (root !== undefined) doc.security = root;
  const model = buildModel(loaded(doc));
  return { security: model.operations[0]!.security, warnings: model.warnings };
}

describe("security requirements (OpenAPI 3.1 §4.8.10, §4.8.30)", () => {
  const cases: [string, { root?: unknown; operation?: unknown; want: unknown }][] = [
    ["no security anywhere: anonymous", { want: [] }],
    ["root applies when the operation says nothing", { root: [{ ApiKey: [] }], want: [[{ scheme: "ApiKey", scopes: [] }]] }],
    ["operation overrides root", { root: [{ ApiKey: [] }], operation: [{ OAuth2: ["read"] }], want: [[{ scheme: "OAuth2", scopes: ["read"] }]] }],
    ["operation `security: []` removes root security", { root: [{ ApiKey: [] }], operation: [], want: [] }],
    ["alternatives (OR) stay separate", { operation: [{ ApiKey: [] }, { OAuth2: [] }], want: [[{ scheme: "ApiKey", scopes: [] }], [{ scheme: "OAuth2", scopes: [] }]] }],
    ["schemes of one alternative (AND) stay together", { operation: [{ ApiKey: [], Session: [] }], want: [[{ scheme: "ApiKey", scopes: [] }, { scheme: "Session", scopes: [] }]] }],
    ["`{}` is kept as an optional (empty) alternative", { operation: [{ OAuth2: ["write"] }, {}], want: [[{ scheme: "OAuth2", scopes: ["write"] }], []] }],
  ];
  it.each(cases)("%s", (_, { root, operation, want }) => {
    expect(securityOf(root, operation).security).toEqual(want);
  });

  it("keeps an alternative naming an undefined scheme (so it can never be met) and warns", () => {
    const { security, warnings } = securityOf(undefined, [{ ApiKey: [], Nope: [] }]);
    expect(security).toEqual([[{ scheme: "ApiKey", scopes: [] }, { scheme: "Nope", scopes: [] }]]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", pointer: "/paths/~1x/get/security/0" });
    expect(warnings[0]!.message).toContain('"Nope"');
  });
});

describe("security schemes (OpenAPI 3.1 §4.8.27)", () => {
  it("models apiKey placements, http schemes case-insensitively, and oauth2 flows with scopes", () => {
    const model = buildModel(
      loaded({
        components: {
          securitySchemes: {
            ...schemes,
            Basic: { type: "http", scheme: "Basic" },
            Bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
          },
        },
        paths: {},
      }),
    );
    expect(model.securitySchemes).toEqual([
      { name: "ApiKey", type: "apiKey", in: "header", parameterName: "X-API-Key" },
      { name: "Session", type: "apiKey", in: "cookie", parameterName: "session" },
      {
        name: "OAuth2",
        type: "oauth2",
        flows: { clientCredentials: { tokenUrl: "https://as.example/token", scopes: [{ name: "read", description: "Read" }, { name: "write", description: "Write" }] } },
        quirks: {},
      },
      { name: "Basic", type: "http", scheme: "basic" },
      { name: "Bearer", type: "http", scheme: "bearer", bearerFormat: "JWT" },
    ]);
  });

  it("warns about the implicit flow, which gets no token acquisition", () => {
    const model = buildModel(
      loaded({ components: { securitySchemes: { Imp: { type: "oauth2", flows: { implicit: { authorizationUrl: "https://as/authorize", scopes: {} } } } } }, paths: {} }),
    );
    expect(model.warnings.map((w) => w.pointer)).toEqual(["/components/securitySchemes/Imp/flows/implicit"]);
  });

  it("copies the scheme's declarations into the model, revocationUrl among them", () => {
    const declared = { tokenEndpointAuthMethod: "client_secret_post", issuer: "https://as.example", revocationUrl: "/oauth/revoke" };
    const model = buildModel(loaded({ components: { securitySchemes: { OAuth2: { ...schemes.OAuth2, "x-gen-auth-client": declared } } }, paths: {} }));
    expect(model.securitySchemes[0]).toMatchObject({ name: "OAuth2", quirks: declared });
  });

  it("rejects token-endpoint quirks on a scheme that has no token endpoint, with a located error", () => {
    expect(() =>
      buildModel(loaded({ components: { securitySchemes: { K: { type: "apiKey", in: "header", name: "k", "x-gen-auth-client": { sendGrantType: false } } } }, paths: {} })),
    ).toThrow(/inline\.yml: error: sendGrantType applies to oauth2 and openIdConnect schemes only \(at \/components\/securitySchemes\/K\/x-gen-auth-client\/sendGrantType\)/);
    expect(() =>
      buildModel(loaded({ components: { securitySchemes: { B: { type: "http", scheme: "basic", "x-gen-auth-client": { revocationUrl: "/revoke" } } } }, paths: {} })),
    ).toThrow(/revocationUrl applies to oauth2 and openIdConnect schemes only \(at \/components\/securitySchemes\/B\/x-gen-auth-client\/revocationUrl\)/);
  });
});

describe("tokenFrom: a bearer scheme whose tokens an operation issues", () => {
  const bearer = (operationId: string) => ({ type: "http", scheme: "bearer", "x-gen-auth-client": { tokenFrom: { operationId, body: { grant_type: "client_credentials" } } } });
  const paths = {
    "/oauth/token": { post: { operationId: "postToken", security: [{ Basic: [] }], responses: { 200: { description: "ok" } } } },
    "/sims": { get: { operationId: "listSims", security: [{ Bearer: [] }], responses: { 200: { description: "ok" } } } },
  };

  it("resolves the operation and fills the default pointers", () => {
    const model = buildModel(loaded({ components: { securitySchemes: { Basic: { type: "http", scheme: "basic" }, Bearer: bearer("postToken") } }, paths }));
    expect(model.securitySchemes.find((s) => s.name === "Bearer")).toMatchObject({
      tokenFrom: { operationId: "postToken", operation: "postToken", body: { grant_type: "client_credentials" }, accessToken: "/access_token", expiresIn: "/expires_in", tokenType: "/token_type" },
    });
  });

  it("names an operationId that does not exist", () => {
    expect(() => buildModel(loaded({ components: { securitySchemes: { Basic: { type: "http", scheme: "basic" }, Bearer: bearer("nope") } }, paths }))).toThrow(
      /no operation has operationId "nope" \(at \/components\/securitySchemes\/Bearer\/x-gen-auth-client\/tokenFrom\/operationId\)/,
    );
  });

  it("refuses a token operation that needs the tokens it issues", () => {
    expect(() => buildModel(loaded({ components: { securitySchemes: { Basic: { type: "http", scheme: "basic" }, Bearer: bearer("listSims") } }, paths }))).toThrow(
      /operation "listSims" issues Bearer tokens, so it cannot also require Bearer/,
    );
  });
});
