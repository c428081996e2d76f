/**
 * Fault injection (issue 8): a server that resets connections, stalls, answers HTML error
 * pages, truncated JSON, wrong content types or empty bodies, and a token endpoint that
 * fails. Every case ends in a typed result: no unhandled rejection (vitest fails the run on
 * one), no retry storm, the caller's signal honoured, and no credential in anything printed.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRuntime } from "../../src/runtime/client.js";
import { createOAuth2Auth } from "../../src/runtime/oauth/index.js";
import type { CallArgs, OperationSpec } from "../../src/runtime/operation.js";
import type { ClientOptions } from "../../src/runtime/options.js";
import { parseRetryAfter, retryDelay, retryPolicy } from "../../src/runtime/retry.js";
import { bearerAuth } from "../../src/runtime/static-auth.js";
import { MemoryTokenStore } from "../../src/runtime/token-store.js";
import { json, startServer, type TestServer } from "../support/server.js";
import { allParts } from "./helpers.js";

const CANARY = "canary-fault-7e1c";
let server: TestServer;
let tokens: TestServer;

beforeAll(async () => {
  server = await startServer();
  tokens = await startServer();
});
afterAll(async () => {
  await server.close();
  await tokens.close();
});
beforeEach(() => {
  server.requests.length = 0;
  tokens.requests.length = 0;
});

const op = (overrides: Partial<OperationSpec> = {}): OperationSpec => ({
  name: "getThing",
  method: "GET",
  path: "/things",
  security: [{ Bearer: [] }],
  parameters: [],
  responses: { "200": "json", "404": "json" },
  ...overrides,
});

type AnyResult = { ok: boolean; data?: unknown; error?: { kind: string; message: string; [key: string]: unknown } };

/** Quick retries, so that the tests prove the behaviour without waiting for real backoff. */
const fastRetry = { baseDelayMs: 1, maxDelayMs: 50 };

function call(operation: OperationSpec, options: ClientOptions<Record<string, unknown>> = {}, args?: CallArgs) {
  const rt = createRuntime({ defaultBaseUrl: server.url, parts: allParts }, { retry: fastRetry, ...options }, { Bearer: bearerAuth("Bearer", CANARY) });
  return rt.call<AnyResult>(operation, args);
}

function expectNoLeak(result: unknown): void {
  for (const text of [inspect(result, { depth: Infinity, showHidden: true }), JSON.stringify(result) ?? ""]) expect(text).not.toContain(CANARY);
}

const reset = () => server.handle((_req, res) => res.socket?.destroy());

describe("connection resets", () => {
  it("a GET is retried (2 retries by default), then comes back as kind network", async () => {
    reset();
    const result = await call(op());
    expect(result.error).toMatchObject({ kind: "network" });
    expect(server.requests).toHaveLength(3);
    expectNoLeak(result);
  });

  it("a POST is not retried unless asked: it may have been carried out", async () => {
    reset();
    expect((await call(op({ method: "POST" }))).error).toMatchObject({ kind: "network" });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    await call(op({ method: "POST" }), { retry: { ...fastRetry, retryNonIdempotent: true } });
    expect(server.requests).toHaveLength(3);
  });

  it("a reset then a success is a success", async () => {
    let n = 0;
    server.handle((req, res) => (++n === 1 ? res.socket?.destroy() : json(200, { ok: true })(req, res)));
    expect(await call(op())).toMatchObject({ ok: true, data: { ok: true } });
    expect(server.requests).toHaveLength(2);
  });

  it("retry: false sends exactly one request", async () => {
    reset();
    await call(op(), { retry: false });
    expect(server.requests).toHaveLength(1);
  });
});

describe("transient statuses: 408, 429, 502, 503, 504", () => {
  it.each([408, 429, 502, 503, 504])("%i with an HTML page is retried, then the next answer counts", async (status) => {
    let n = 0;
    server.handle((req, res) => {
      if (++n === 1) {
        res.writeHead(status, { "content-type": "text/html", "retry-after": "0" });
        res.end("<html><body>Service Unavailable</body></html>");
      } else json(200, { ok: true })(req, res);
    });
    expect(await call(op())).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("a persistent 503 HTML page ends as kind unexpected with the page as rawBody, after the bounded retries", async () => {
    server.handle((_req, res) => {
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html>down</html>");
    });
    const result = await call(op());
    expect(result.error).toMatchObject({ kind: "unexpected", httpStatus: 503, rawBody: "<html>down</html>" });
    expect(server.requests).toHaveLength(3);
  });

  it("a Retry-After longer than the policy allows is not waited for: the 429 comes back at once", async () => {
    server.handle(json(429, {}, { "retry-after": "3600" }));
    const result = await call(op());
    expect(result.error).toMatchObject({ kind: "unexpected", httpStatus: 429 });
    expect(server.requests).toHaveLength(1);
  });

  it("404 and 500 are not transient: one request", async () => {
    server.handle(json(500, {}));
    await call(op());
    expect(server.requests).toHaveLength(1);
  });

  it("the caller's signal aborts a backoff wait: kind timeout, no further request", async () => {
    // Retry-After fixes the wait at 5 s: full jitter alone would sometimes wait under 100 ms.
    server.handle(json(503, {}, { "retry-after": "5" }));
    const controller = new AbortController();
    const pending = call(op(), { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: "timeout", reason: "aborted" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("bodies that are not what the document says", () => {
  const cases: [string, (res: import("node:http").ServerResponse) => void, Record<string, unknown>][] = [
    ["truncated JSON", (res) => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"a": [1, 2'); }, { kind: "unexpected", httpStatus: 200, rawBody: '{"a": [1, 2' }],
    ["a wrong content type", (res) => { res.writeHead(200, { "content-type": "text/plain" }); res.end("ok"); }, { kind: "unexpected", httpStatus: 200, contentType: "text/plain", rawBody: "ok" }],
    ["an empty body on a JSON response", (res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(); }, { kind: "unexpected", httpStatus: 200 }],
    ["an HTML error page on a declared JSON 404", (res) => { res.writeHead(404, { "content-type": "text/html" }); res.end("<h1>Not Found</h1>"); }, { kind: "unexpected", httpStatus: 404, rawBody: "<h1>Not Found</h1>" }],
  ];
  it.each(cases)("%s → kind unexpected, raw text kept, one request", async (_, answer, want) => {
    server.handle((_req, res) => answer(res));
    const result = await call(op());
    expect(result.error).toMatchObject(want);
    expect(server.requests).toHaveLength(1);
    expectNoLeak(result);
  });

  it("a stalled server and timeoutMs → kind timeout, not retried", async () => {
    server.handle(() => undefined);
    const result = await call(op(), { timeoutMs: 100 });
    expect(result.error).toMatchObject({ kind: "timeout", reason: "timeout" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("a failing token endpoint causes no retry storm", () => {
  function oauthRuntime() {
    const store = new MemoryTokenStore();
    const scheme = createOAuth2Auth(
      "OAuth2",
      { type: "oauth2", flows: { clientCredentials: { tokenUrl: `${tokens.url}/token`, scopes: [] } } },
      { clientId: "c", clientSecret: CANARY },
      { baseUrl: server.url, fetch: (input, init) => fetch(input, init), tokenStore: store, allowInsecureHttp: false },
    );
    const rt = createRuntime({ defaultBaseUrl: server.url, parts: allParts }, { retry: fastRetry }, { OAuth2: scheme });
    return (operation: OperationSpec) => rt.call<AnyResult>(operation);
  }
  const protectedOp = op({ security: [{ OAuth2: [] }] });

  it("a token endpoint answering 500: 20 concurrent calls → one token request, all kind auth, no API call", async () => {
    tokens.handle(json(500, { error: "server_error" }));
    server.handle(json(200, {}));
    const call = oauthRuntime();
    const results = await Promise.all(Array.from({ length: 20 }, () => call(protectedOp)));
    expect(tokens.requests).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
    for (const result of results) expect(result.error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 500 });
    expectNoLeak(results);
  });

  it("a token endpoint answering an HTML page or an empty body → kind auth invalid_token_response", async () => {
    for (const answer of [
      (res: import("node:http").ServerResponse) => { res.writeHead(200, { "content-type": "text/html" }); res.end("<html>login</html>"); },
      (res: import("node:http").ServerResponse) => { res.writeHead(200, { "content-type": "application/json" }); res.end(); },
    ]) {
      tokens.handle((_req, res) => answer(res));
      const result = await oauthRuntime()(protectedOp);
      expect(result.error).toMatchObject({ kind: "auth" });
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a token without expires_in is used, and a token_type that is not bearer is refused", async () => {
    tokens.handle(json(200, { access_token: "t1", token_type: "Bearer" }));
    server.handle(json(200, { ok: 1 }));
    expect(await oauthRuntime()(protectedOp)).toMatchObject({ ok: true });
    tokens.handle(json(200, { access_token: "t2", token_type: "mac", expires_in: 60 }));
    expect((await oauthRuntime()(protectedOp)).error).toMatchObject({ kind: "auth", reason: "invalid_token_response" });
  });
});

describe("retry policy (RFC 9110 §10.2.3 Retry-After, §9.2.2 idempotency)", () => {
  const now = Date.parse("2026-11-24T10:00:00Z");
  it.each([
    ["delta-seconds", "120", 120_000],
    ["an HTTP-date", "Tue, 24 Nov 2026 10:00:30 GMT", 30_000],
    ["a date in the past", "Tue, 24 Nov 2026 09:00:00 GMT", 0],
    ["garbage", "soon", undefined],
  ])("parses %s", (_, value, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000 }, "GET");
    expect([0, 1, 2, 3, 4].map((retry) => retryDelay(policy, retry, null, now, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelay(policy, 3, null, now, () => 0)).toBe(0);
  });

  it("retries idempotent methods only, unless asked", () => {
    expect(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH"].map((m) => retryPolicy(undefined, m).maxRetries)).toEqual([2, 2, 2, 2, 2, 0, 0]);
    expect(retryPolicy({ retryNonIdempotent: true, maxRetries: 5 }, "POST").maxRetries).toBe(5);
    expect(retryPolicy(false, "GET").maxRetries).toBe(0);
  });
});
