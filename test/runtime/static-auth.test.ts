/**
 * The static schemes on their own: what each puts where, when it counts as configured,
 * and which values it refuses. What a server receives is tested in client.test.ts.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { AppliedCredentials } from "../../src/runtime/auth.js";
import {
  apiKeyAuth,
  basicAuth,
  bearerAuth,
  encodeBasicCredentials,
  httpAuth,
} from "../../src/runtime/static-auth.js";
import { createClientRuntime } from "../../src/runtime/index.js";

const CANARY = "canary-s3cr3t-7f1e";

describe("apiKey (OpenAPI 3 §4.8.27)", () => {
  it("puts the key in the header, query parameter or cookie the scheme names", async () => {
    expect(await apiKeyAuth("K", { in: "header", name: "X-API-Key" }, "k1").apply([])).toEqual({ headers: { "X-API-Key": "k1" } });
    expect(await apiKeyAuth("K", { in: "query", name: "api_key" }, "k&=1").apply([])).toEqual({ query: { api_key: "k&=1" } });
    expect(await apiKeyAuth("K", { in: "cookie", name: "sid" }, "s1").apply([])).toEqual({ cookies: { sid: "s1" } });
  });

  it("calls a sync or async function for every request", async () => {
    let n = 0;
    const sync = apiKeyAuth("K", { in: "header", name: "X-Key" }, () => `s${++n}`);
    const async = apiKeyAuth("K", { in: "header", name: "X-Key" }, async () => `a${++n}`);
    expect(await sync.apply([])).toEqual({ headers: { "X-Key": "s1" } });
    expect(await sync.apply([])).toEqual({ headers: { "X-Key": "s2" } });
    expect(await async.apply([])).toEqual({ headers: { "X-Key": "a3" } });
  });

  it("is configured only when the option is present and non-empty", () => {
    expect(apiKeyAuth("K", { in: "header", name: "X" }, undefined).configured).toBe(false);
    expect(apiKeyAuth("K", { in: "header", name: "X" }, "").configured).toBe(false);
    expect(apiKeyAuth("K", { in: "header", name: "X" }, "k").configured).toBe(true);
    expect(apiKeyAuth("K", { in: "header", name: "X" }, () => "k").configured).toBe(true);
  });

  it("refuses values a header or cookie cannot carry, without quoting them", async () => {
    const header = await apiKeyAuth("K", { in: "header", name: "X" }, `${CANARY}\r\nX-Evil: 1`).apply([]);
    expect(header).toMatchObject({ kind: "auth", reason: "invalid_credentials", schemes: ["K"] });
    const cookie = await apiKeyAuth("K", { in: "cookie", name: "sid" }, `${CANARY}; admin=1`).apply([]);
    expect(cookie).toMatchObject({ kind: "auth", reason: "invalid_credentials" });
    expect(inspect([header, cookie], { depth: 5 })).not.toContain(CANARY);
  });

  it("a function that throws or returns nothing is a missing credential; its error is kept out of sight", async () => {
    const thrown = await apiKeyAuth("K", { in: "header", name: "X" }, () => {
      throw new Error(`vault said ${CANARY}`);
    }).apply([]);
    expect(thrown).toMatchObject({ kind: "auth", reason: "missing_credentials", message: "K: the credential function threw" });
    expect((thrown as { cause?: Error }).cause?.message).toContain(CANARY);
    expect(inspect(thrown, { depth: 5 })).not.toContain(CANARY);
    expect(JSON.stringify(thrown)).not.toContain(CANARY);
    expect(await apiKeyAuth("K", { in: "header", name: "X" }, async () => "").apply([])).toMatchObject({ reason: "missing_credentials" });
  });
});

describe("a value is answered once, a function on every call", () => {
  it("a value's answer is checked and frozen when the scheme is made, and every call gets it at once", () => {
    for (const scheme of [
      apiKeyAuth("K", { in: "header", name: "X-Key" }, "k1"),
      bearerAuth("T", "t1"),
      basicAuth("B", { username: "u", password: "p" }),
    ]) {
      const first = scheme.apply([]);
      expect(first).not.toBeInstanceOf(Promise);
      expect(scheme.apply([])).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      expect(Object.isFrozen((first as AppliedCredentials).headers)).toBe(true);
    }
    expect(bearerAuth("T", () => "t1").apply([])).toBeInstanceOf(Promise);
  });

  it("a refused value gives each call an error of its own", () => {
    const scheme = bearerAuth("T", `${CANARY}\r\nX-Evil: 1`);
    const first = scheme.apply([]);
    expect(first).toMatchObject({ kind: "auth", reason: "invalid_credentials", schemes: ["T"] });
    expect(scheme.apply([])).not.toBe(first);
    expect(inspect(first)).not.toContain(CANARY);
    expect(basicAuth("B", { username: "a:b", password: "p" }).apply([])).toMatchObject({ reason: "invalid_credentials" });
  });
});

describe("http basic (RFC 7617)", () => {
  it("§2: base64 of UTF-8 user-id ':' password", () => {
    expect(encodeBasicCredentials("Aladdin", "open sesame")).toBe("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    // §2.1 example: charset UTF-8, "test" / "123£".
    expect(encodeBasicCredentials("test", "123\u00A3")).toBe("dGVzdDoxMjPCow==");
    expect(encodeBasicCredentials("üser", "p:w")).toBe(Buffer.from("üser:p:w", "utf8").toString("base64"));
    expect(encodeBasicCredentials("a".repeat(100_000), "b")).toBe(Buffer.from(`${"a".repeat(100_000)}:b`).toString("base64"));
  });

  it("§2: a user-id containing a colon is invalid, and so are control characters", async () => {
    expect(encodeBasicCredentials("a:b", "c")).toBeUndefined();
    expect(encodeBasicCredentials("a", "c\n")).toBeUndefined();
    const error = await basicAuth("Basic", { username: "a:b", password: CANARY }).apply([]);
    expect(error).toMatchObject({ kind: "auth", reason: "invalid_credentials", schemes: ["Basic"] });
    expect(inspect(error)).not.toContain(CANARY);
  });

  it("sends Authorization: Basic, and is configured only with both parts", async () => {
    expect(await basicAuth("B", { username: "u", password: "p" }).apply([])).toEqual({ headers: { Authorization: "Basic dTpw" } });
    expect(basicAuth("B", undefined).configured).toBe(false);
    expect(basicAuth("B", { username: "u", password: "" }).configured).toBe(true);
  });
});

describe("http bearer (RFC 6750 §2.1) and other http schemes", () => {
  it("bearer: a string or an async provider called per request", async () => {
    expect(await bearerAuth("T", "t1").apply([])).toEqual({ headers: { Authorization: "Bearer t1" } });
    let n = 0;
    const provider = bearerAuth("T", async () => `t${++n}`);
    expect(await provider.apply([])).toEqual({ headers: { Authorization: "Bearer t1" } });
    expect(await provider.apply([])).toEqual({ headers: { Authorization: "Bearer t2" } });
    expect(bearerAuth("T", undefined).configured).toBe(false);
  });

  it("other schemes: Authorization: <Scheme> <credential>, scheme as the document writes it", async () => {
    expect(await httpAuth("H", "HOBA", "abc.def").apply([])).toEqual({ headers: { Authorization: "HOBA abc.def" } });
  });

  it("createClientRuntime picks the implementation by type, case-insensitively for http schemes", async () => {
    const runtime = createClientRuntime(
      {
        servers: [{ url: "https://api.example" }],
        securitySchemes: {
          B: { type: "http", scheme: "BASIC" },
          T: { type: "http", scheme: "bearer" },
          H: { type: "http", scheme: "Custom" },
          K: { type: "apiKey", in: "query", name: "key" },
        },
        operations: {},
      },
      { auth: { B: { username: "u", password: "p" }, T: "t", H: "v", K: "k" } },
      { auth: { apiKey: apiKeyAuth, basic: basicAuth, bearer: bearerAuth, http: httpAuth } },
    );
    const sent = async (scheme: string) => {
      const result = await runtime.credentialsFor(scheme);
      return result.ok ? { headers: result.headers, query: result.query } : result.error.message;
    };
    expect(await sent("B")).toEqual({ headers: { authorization: "Basic dTpw" }, query: {} });
    expect(await sent("T")).toEqual({ headers: { authorization: "Bearer t" }, query: {} });
    expect(await sent("H")).toEqual({ headers: { authorization: "Custom v" }, query: {} });
    expect(await sent("K")).toEqual({ headers: {}, query: { key: "k" } });
  });

  it("a scheme whose implementation the client did not hand over is never configured", async () => {
    const runtime = createClientRuntime(
      { servers: [{ url: "https://api.example" }], securitySchemes: { B: { type: "http", scheme: "basic" } }, operations: {} },
      { auth: { B: { username: "u", password: "p" } } },
      {},
    );
    expect(await runtime.credentialsFor("B")).toMatchObject({ ok: false, error: { reason: "missing_credentials" } });
  });
});

it("no scheme shows its credential when inspected or serialised", () => {
  const schemes = [
    apiKeyAuth("K", { in: "query", name: "k" }, CANARY),
    basicAuth("B", { username: "u", password: CANARY }),
    bearerAuth("T", CANARY),
    httpAuth("H", "X", CANARY),
  ];
  expect(inspect(schemes, { depth: 10, showHidden: true })).not.toContain(CANARY);
  expect(JSON.stringify(schemes)).not.toContain(CANARY);
});
