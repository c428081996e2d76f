/**
 * The request pipeline against real HTTP servers on 127.0.0.1: what the server received
 * (and that nothing else was sent), how responses are classified, and how transport
 * failures come back. Every credential is a canary that must never show up in a message,
 * in `util.inspect` or in `JSON.stringify` of what the runtime returns.
 */
import { getEventListeners, setMaxListeners } from "node:events";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppliedCredentials, SchemeAuth } from "../../src/runtime/auth.js";
import { createRuntime } from "../../src/runtime/client.js";
import type { CallArgs, OperationSpec } from "../../src/runtime/operation.js";
import type { ClientOptions } from "../../src/runtime/options.js";
import { apiKeyAuth, basicAuth, bearerAuth } from "../../src/runtime/static-auth.js";
import { freePort } from "../support/http-server.js";
import { json, startServer, type Received, type TestServer } from "../support/server.js";
import { allParts } from "./helpers.js";

const CANARY = "canary-5ecr3t-9b2f";
const BASIC_TOKEN = Buffer.from(`user:${CANARY}`).toString("base64");

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startServer();
  other = await startServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
  server.handle(json(200, { hello: "world" }, { "x-request-id": "req-ok" }));
});

function op(overrides: Partial<OperationSpec> = {}): OperationSpec {
  return {
    name: "getThing",
    method: "GET",
    path: "/things",
    security: [],
    parameters: [],
    responses: { "200": "json" },
    ...overrides,
  };
}

type AnyResult = {
  ok: boolean;
  status?: unknown;
  httpStatus?: number;
  data?: unknown;
  requestId?: string;
  response?: Response;
  error?: { kind: string; message: string; [key: string]: unknown };
};

function runtime(options: ClientOptions<Record<string, unknown>> = {}, schemes: Record<string, SchemeAuth> = {}) {
  const rt = createRuntime({ defaultBaseUrl: server.url, parts: allParts }, options, schemes);
  return (operation: OperationSpec, args?: CallArgs) => rt.call<AnyResult>(operation, args);
}

/** The canary in none of its spellings, anywhere a user could print. */
function expectNoLeak(result: AnyResult): void {
  for (const text of [inspect(result, { depth: Infinity }), JSON.stringify(result) ?? "", result.error?.message ?? ""]) {
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(BASIC_TOKEN);
  }
}

/** What in a request could carry a credential. */
function credentialsIn(request: Received) {
  const { authorization, "x-api-key": apiKey, cookie } = request.headers;
  const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
  return { authorization, apiKey, cookie, query };
}

const schemes = {
  ApiKey: apiKeyAuth("ApiKey", { in: "header", name: "X-API-Key" }, CANARY),
  QueryKey: apiKeyAuth("QueryKey", { in: "query", name: "api_key" }, `${CANARY}&x=/?`),
  Session: apiKeyAuth("Session", { in: "cookie", name: "sid" }, CANARY),
  Basic: basicAuth("Basic", { username: "user", password: CANARY }),
  Bearer: bearerAuth("Bearer", CANARY),
  Unset: bearerAuth("Unset", undefined),
};

describe("a query or cookie credential without the placement part", () => {
  // Generated clients always import placement when their document can need it; a runtime
  // wired by hand without it must fail the call, never send it without its credential.
  it.each(["QueryKey", "Session"])("%s: no request goes out", async (name) => {
    const { placement: _placement, ...parts } = allParts;
    const rt = createRuntime({ defaultBaseUrl: server.url, parts }, {}, schemes);
    // A wiring mistake, thrown as the runtime throws argument errors (a TypeError), without the credential.
    const error = await rt.call<AnyResult>(op({ security: [{ [name]: [] }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/no placement part/);
    expect(String(error)).not.toContain(CANARY);
    expect(server.requests).toHaveLength(0);
  });
});

describe("credentials go where the scheme says, and nowhere else", () => {
  const cases: [string, Partial<ReturnType<typeof credentialsIn>>][] = [
    ["ApiKey", { apiKey: CANARY }],
    ["QueryKey", { query: `api_key=${CANARY}%26x%3D%2F%3F` }],
    ["Session", { cookie: `sid=${CANARY}` }],
    ["Basic", { authorization: `Basic ${BASIC_TOKEN}` }],
    ["Bearer", { authorization: `Bearer ${CANARY}` }],
  ];
  it.each(cases)("%s", async (name, want) => {
    const result = await runtime({}, schemes)(op({ security: [{ [name]: [] }] }));
    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(credentialsIn(server.requests[0]!)).toEqual({ authorization: undefined, apiKey: undefined, cookie: undefined, query: "", ...want });
    expectNoLeak(result);
  });

  it("a bearer provider is awaited for every request", async () => {
    let n = 0;
    const call = runtime({}, { Bearer: bearerAuth("Bearer", async () => `${CANARY}-${++n}`) });
    await call(op({ security: [{ Bearer: [] }] }));
    await call(op({ security: [{ Bearer: [] }] }));
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${CANARY}-1`, `Bearer ${CANARY}-2`]);
  });

  it("credential cookies join parameter cookies in one Cookie header; credential headers win over client headers", async () => {
    const call = runtime({ headers: { "X-API-Key": "from-options", "X-Client": "c" } }, schemes);
    const result = await call(
      op({
        security: [{ ApiKey: [], Session: [] }],
        parameters: [{ name: "theme", in: "cookie", style: "form", explode: true }],
      }),
      { cookies: { theme: "dark mode" } },
    );
    expect(result.ok).toBe(true);
    const [request] = server.requests;
    expect(request!.headers.cookie).toBe(`theme=dark%20mode; sid=${CANARY}`);
    expect(request!.headers["x-api-key"]).toBe(CANARY);
    expect(request!.headers["x-client"]).toBe("c");
  });
});

describe("security requirements (OpenAPI 3 §4.8.30)", () => {
  it("AND: every scheme of the alternative is sent", async () => {
    await runtime({}, schemes)(op({ security: [{ ApiKey: [], Bearer: [] }] }));
    expect(credentialsIn(server.requests[0]!)).toMatchObject({ apiKey: CANARY, authorization: `Bearer ${CANARY}` });
  });

  it("OR: the first alternative whose schemes are all configured, and only it", async () => {
    await runtime({}, schemes)(op({ security: [{ Unset: [] }, { Unset: [], ApiKey: [] }, { Bearer: [] }, { ApiKey: [] }] }));
    expect(credentialsIn(server.requests[0]!)).toEqual({ authorization: `Bearer ${CANARY}`, apiKey: undefined, cookie: undefined, query: "" });
  });

  it("{}: optional, so with nothing configured the request goes without credentials", async () => {
    const result = await runtime({}, {})(op({ security: [{ Bearer: [] }, {}] }));
    expect(result.ok).toBe(true);
    expect(credentialsIn(server.requests[0]!)).toEqual({ authorization: undefined, apiKey: undefined, cookie: undefined, query: "" });
  });

  it("[]: anonymous, even when schemes are configured", async () => {
    await runtime({}, schemes)(op({ security: [] }));
    expect(credentialsIn(server.requests[0]!)).toEqual({ authorization: undefined, apiKey: undefined, cookie: undefined, query: "" });
  });

  it("missing credentials: kind auth before any request, naming the alternatives", async () => {
    let fetched = 0;
    const call = runtime({ fetch: (async (...args: Parameters<typeof fetch>) => (fetched++, fetch(...args))) as typeof fetch }, schemes);
    const result = await call(op({ name: "listUsers", security: [{ OAuth2: ["read"] }, { Unset: [], Session: [] }] }));
    expect(result).toEqual({
      ok: false,
      error: {
        kind: "auth",
        reason: "missing_credentials",
        message: "listUsers needs credentials for one of: OAuth2, or Unset + Session; none is configured",
        schemes: ["OAuth2", "Unset", "Session"],
      },
    });
    expect(fetched).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe("requests", () => {
  it("keeps the base URL's path, serializes parameters, sets Accept and the body's Content-Type", async () => {
    const call = runtime({ baseUrl: `${server.url}/management-api/`, headers: { "User-Agent": "test" } });
    const result = await call(
      op({
        name: "postToken",
        method: "POST",
        path: "/oauth/{realm}/token",
        parameters: [
          { name: "realm", in: "path", style: "simple", explode: false },
          { name: "tags", in: "query", style: "form", explode: false },
          { name: "X-Trace", in: "header", style: "simple", explode: false },
        ],
        requestBody: { mediaType: "application/json", encoding: "json", required: true },
        responses: { "200": "json", "400": "json" },
      }),
      { path: { realm: "a/b" }, query: { tags: ["x", "y"] }, headers: { "X-Trace": "t1" }, body: { grant_type: "client_credentials" } },
    );
    expect(result.ok).toBe(true);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", url: "/management-api/oauth/a%2Fb/token?tags=x,y", body: '{"grant_type":"client_credentials"}' });
    expect(request!.headers).toMatchObject({
      accept: "application/json",
      "content-type": "application/json",
      "x-trace": "t1",
      "user-agent": "test",
    });
  });

  it("calls a custom fetch as a plain function (no `this`), so a bare window.fetch works", async () => {
    let self: unknown = "unset";
    const custom = function (this: unknown, ...args: Parameters<typeof fetch>) {
      self = this;
      return fetch(...args);
    };
    await runtime({ fetch: custom as typeof fetch })(op());
    expect(self).toBeUndefined();
  });

  it("a missing path parameter is an argument error, thrown before anything is sent", async () => {
    await expect(runtime()(op({ path: "/things/{id}" }), {})).rejects.toThrow('getThing: missing required path parameter "id"');
    expect(server.requests).toHaveLength(0);
  });
});

describe("URLs and headers as sent", () => {
  it("literal ? and # in a path template stay in the path; the base URL's query comes first", async () => {
    const call = runtime({ baseUrl: `${server.url}/api/?v=2#top` });
    const result = await call(
      op({ path: "/what?/{id}#x", parameters: [{ name: "id", in: "path", style: "simple", explode: false }, { name: "q", in: "query", style: "form", explode: true }] }),
      { path: { id: "a?b" }, query: { q: "1" } },
    );
    expect(result.ok).toBe(true);
    expect(server.requests[0]!.url).toBe("/api/what%3F/a%3Fb%23x?v=2&q=1");
  });

  it("a relative base URL resolves against the page, again when the page has moved (browsers)", async () => {
    const call = runtime({ baseUrl: "api/" });
    try {
      vi.stubGlobal("location", { href: `${server.url}/app/page` });
      await call(op());
      vi.stubGlobal("location", { href: `${server.url}/other/page` });
      await call(op());
    } finally {
      vi.unstubAllGlobals();
    }
    expect(server.requests.map((r) => r.url)).toEqual(["/app/api/things", "/other/api/things"]);
  });

  it("a path without a leading slash still starts the base URL's path", async () => {
    await runtime()(op({ path: "things" }));
    expect(server.requests[0]!.url).toBe("/things");
  });

  it("header names are case-insensitive: a parameter replaces a client header of the same name", async () => {
    const call = runtime({ headers: { "X-Trace": "client", Accept: "text/plain" } });
    await call(op({ parameters: [{ name: "x-trace", in: "header", style: "simple", explode: false }] }), { headers: { "x-trace": " param\t" } });
    expect(server.requests[0]!.headers).toMatchObject({ "x-trace": "param", accept: "text/plain" });
  });

  it("a header value fetch cannot send is an argument error that does not quote it; a credential one is kind auth", async () => {
    const call = runtime({ headers: { "X-Client": `${CANARY}\r\nX-Injected: 1` } });
    const thrown = await call(op()).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('getThing: header "X-Client" has a value that cannot be sent');
    await expect(runtime({ headers: { "Bad Name": "x" } })(op())).rejects.toThrow('getThing: header "Bad Name" has a value that cannot be sent');

    const odd: SchemeAuth = { name: "Odd", configured: true, apply: () => ({ headers: { "x-key": `${CANARY}\u2603` } }) };
    const result = await runtime({}, { Odd: odd })(op({ security: [{ Odd: [] }] }));
    expect(result.error).toEqual({ kind: "auth", reason: "invalid_credentials", message: 'getThing: a credential cannot be sent in the "x-key" header' });
    expect(server.requests).toHaveLength(0);
  });

  it("a credential's header is checked once per frozen answer, so a new token is checked again", async () => {
    // A token scheme answers with one frozen record per token: the check made for one token
    // must not let the next (here one with CR LF in it) through.
    const good = Object.freeze({ headers: Object.freeze({ authorization: "Bearer good" }) });
    const bad = Object.freeze({ headers: Object.freeze({ authorization: `Bearer ${CANARY}\r\nx-injected: 1` }) });
    let answer: AppliedCredentials = good;
    const call = runtime({}, { Token: { name: "Token", configured: true, apply: () => answer } });
    const secured = op({ security: [{ Token: [] }] });
    expect((await call(secured)).ok).toBe(true);
    answer = bad;
    const refused = await call(secured);
    expect(refused.error).toMatchObject({ kind: "auth", reason: "invalid_credentials" });
    expectNoLeak(refused);
    answer = good;
    expect((await call(secured)).ok).toBe(true);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(["Bearer good", "Bearer good"]);
    expect(server.requests.some((request) => "x-injected" in request.headers)).toBe(false);
  });
});

describe("what fetch is given", () => {
  function capturingFetch() {
    const inits: RequestInit[] = [];
    const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {});
      return fetch(input, init);
    }) as typeof fetch;
    return { inits, fake };
  }

  it("a GET without timeoutMs or a signal: headers only (fetch's defaults are GET, no body, follow)", async () => {
    const { inits, fake } = capturingFetch();
    await runtime({ fetch: fake })(op());
    expect(inits).toEqual([{ headers: { accept: "application/json" } }]);
  });

  it("a POST with credentials: method, body, and redirect manual", async () => {
    const { inits, fake } = capturingFetch();
    await runtime({ fetch: fake }, schemes)(
      op({ method: "POST", security: [{ ApiKey: [] }], requestBody: { mediaType: "application/json", encoding: "json", required: true } }),
      { body: { a: 1 } },
    );
    expect(inits).toEqual([
      { method: "POST", body: '{"a":1}', redirect: "manual", headers: { accept: "application/json", "content-type": "application/json", "x-api-key": CANARY } },
    ]);
  });

  it("a caller's signal reaches fetch through the call's own, which follows it", async () => {
    const { inits, fake } = capturingFetch();
    const controller = new AbortController();
    await runtime({ fetch: fake })(op(), { signal: controller.signal });
    expect(inits[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(inits[0]!.signal).not.toBe(controller.signal);
  });

  it("a signal shared by concurrent calls keeps none of their listeners once they are done", async () => {
    // fetch keeps a listener on the signal it is given until the request is collected.
    const controller = new AbortController();
    // Each running call listens on it (20 at once here), which Node flags above 10 by default.
    setMaxListeners(20, controller.signal);
    const results = await Promise.all(Array.from({ length: 20 }, () => runtime()(op(), { signal: controller.signal })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("responses are classified: exact code, then range, then default", () => {
  const declared = { "200": "json", "2XX": "json", "400": "json", "4XX": "json", default: "json", "204": "empty" } as const;

  it("exact 2xx: ok with the numeric status, data, requestId, and the response kept out of sight", async () => {
    const result = await runtime()(op({ responses: declared }));
    expect(result).toEqual({ ok: true, status: 200, httpStatus: 200, data: { hello: "world" }, requestId: "req-ok" });
    expect(result.response).toBeInstanceOf(Response);
    expect(Object.keys(result)).not.toContain("response");
  });

  it("2XX range", async () => {
    server.handle(json(201, { id: 1 }));
    expect(await runtime()(op({ responses: declared }))).toEqual({ ok: true, status: "2XX", httpStatus: 201, data: { id: 1 } });
  });

  it("204 empty", async () => {
    server.handle((_, res) => res.writeHead(204, { "x-request-id": "r204" }).end());
    expect(await runtime()(op({ method: "DELETE", responses: declared }))).toEqual({
      ok: true,
      status: 204,
      httpStatus: 204,
      data: undefined,
      requestId: "r204",
    });
  });

  it("exact error code: kind http with the typed body, message and requestId", async () => {
    server.handle(json(400, { errorCode: "INVALID_GRANT" }, { "x-request-id": "req-400" }));
    const result = await runtime()(op({ name: "postAccessTokenPOST", method: "POST", responses: declared }));
    expect(result).toEqual({
      ok: false,
      error: {
        kind: "http",
        status: 400,
        httpStatus: 400,
        body: { errorCode: "INVALID_GRANT" },
        message: "postAccessTokenPOST failed: HTTP 400 Bad Request",
        requestId: "req-400",
      },
      requestId: "req-400",
    });
    expect(result.response?.status).toBe(400);
  });

  it("a declared error without content: body is there, undefined, and no requestId when none was sent", async () => {
    server.handle((_, res) => res.writeHead(404).end());
    const { error } = await runtime()(op({ responses: { "200": "json", "404": "empty" } }));
    expect(Object.keys(error!)).toEqual(["kind", "status", "httpStatus", "body", "message"]);
    expect(error!.body).toBeUndefined();
  });

  it("4XX range and default", async () => {
    server.handle(json(404, { missing: true }));
    expect((await runtime()(op({ responses: declared }))).error).toMatchObject({ kind: "http", status: "4XX", httpStatus: 404 });
    server.handle(json(503, { down: true }));
    expect((await runtime()(op({ responses: declared }))).error).toMatchObject({ kind: "http", status: "default", httpStatus: 503 });
  });

  it("an undeclared status is unexpected, with the raw body", async () => {
    server.handle((_, res) => res.writeHead(418, { "content-type": "text/plain", "x-request-id": "tea" }).end("short and stout"));
    expect(await runtime()(op())).toEqual({
      ok: false,
      error: {
        kind: "unexpected",
        message: "getThing got HTTP 418 I'm a Teapot, which it does not declare",
        httpStatus: 418,
        contentType: "text/plain",
        rawBody: "short and stout",
        requestId: "tea",
      },
      requestId: "tea",
    });
  });

  it("JSON declared but text/html sent: unexpected with the raw body", async () => {
    server.handle((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<h1>proxy error</h1>"));
    expect((await runtime()(op())).error).toEqual({
      kind: "unexpected",
      message: "getThing got HTTP 200: expected a JSON body but got text/html",
      httpStatus: 200,
      contentType: "text/html",
      rawBody: "<h1>proxy error</h1>",
    });
  });

  it("truncated JSON: unexpected", async () => {
    server.handle((_, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"hello":'));
    expect((await runtime()(op())).error).toMatchObject({ kind: "unexpected", rawBody: '{"hello":', message: "getThing got HTTP 200: the JSON body could not be parsed" });
  });

  it("a connection closed in the middle of the body: network", async () => {
    server.handle((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100", "x-request-id": "cut" });
      res.write('{"hello":');
      setTimeout(() => res.destroy(), 20);
    });
    const result = await runtime()(op());
    expect(result.error).toMatchObject({ kind: "network", message: expect.stringMatching(/^getThing: the connection closed/) });
    expect(result.requestId).toBe("cut");
    expect(result.response?.status).toBe(200);
  });

  it("requestId from a configured header", async () => {
    server.handle(json(200, {}, { "x-correlation-id": "c-1", "x-request-id": "ignored" }));
    expect((await runtime({ requestIdHeader: "X-Correlation-Id" })(op())).requestId).toBe("c-1");
  });
});

describe("timeouts, aborts and network failures", () => {
  const slow = (ms: number) => (_: Received, res: import("node:http").ServerResponse) => {
    setTimeout(() => {
      if (!res.destroyed) res.writeHead(200, { "content-type": "application/json" }).end("{}");
    }, ms);
  };

  it("timeoutMs: kind timeout, reason timeout", async () => {
    server.handle(slow(2_000));
    const result = await runtime({ timeoutMs: 50 }, schemes)(op({ security: [{ QueryKey: [] }] }));
    expect(result).toEqual({ ok: false, error: { kind: "timeout", reason: "timeout", message: "getThing timed out after 50 ms" } });
    expectNoLeak(result);
  });

  it("a fractional or very long timeoutMs is taken as it is meant (a timer past 2^31 - 1 ms would fire at once)", async () => {
    server.handle(slow(2_000));
    const fractional = await runtime({ timeoutMs: 20.5 }, schemes)(op({ security: [{ QueryKey: [] }] }));
    expect(fractional.error).toMatchObject({ kind: "timeout", reason: "timeout", message: "getThing timed out after 20.5 ms" });
    server.handle(slow(100));
    expect(await runtime({ timeoutMs: 1e12 }, schemes)(op({ security: [{ QueryKey: [] }] }))).toMatchObject({ ok: true });
  });

  it("the timeout also covers a credential function that never answers", async () => {
    const stuck = apiKeyAuth("K", { in: "header", name: "X" }, () => new Promise<string>(() => undefined));
    const result = await runtime({ timeoutMs: 30 }, { K: stuck })(op({ security: [{ K: [] }] }));
    expect(result.error).toMatchObject({ kind: "timeout", reason: "timeout" });
    expect(server.requests).toHaveLength(0);
  });

  it("the caller's signal: kind timeout, reason aborted", async () => {
    server.handle(slow(2_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await runtime({ timeoutMs: 5_000 })(op(), { signal: controller.signal });
    expect(result.error).toEqual({ kind: "timeout", reason: "aborted", message: "getThing was aborted by the caller" });
  });

  it("the caller's signal without timeoutMs: kind timeout, reason aborted", async () => {
    server.handle(slow(2_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await runtime()(op(), { signal: controller.signal });
    expect(result.error).toEqual({ kind: "timeout", reason: "aborted", message: "getThing was aborted by the caller" });
  });

  it("the caller's signal without timeoutMs also covers a credential function that never answers", async () => {
    const stuck = apiKeyAuth("K", { in: "header", name: "X" }, () => new Promise<string>(() => undefined));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await runtime({}, { K: stuck })(op({ security: [{ K: [] }] }), { signal: controller.signal });
    expect(result.error).toMatchObject({ kind: "timeout", reason: "aborted" });
    expect(server.requests).toHaveLength(0);
  });

  it("an already aborted signal: nothing is sent", async () => {
    const result = await runtime()(op(), { signal: AbortSignal.abort() });
    expect(result.error).toMatchObject({ kind: "timeout", reason: "aborted" });
    expect(server.requests).toHaveLength(0);
  });

  it("connection refused: kind network, naming the origin but not the query", async () => {
    const port = await freePort();
    const result = await runtime({ baseUrl: `http://127.0.0.1:${port}` }, schemes)(op({ security: [{ QueryKey: [] }] }));
    expect(result.error).toMatchObject({ kind: "network", message: `getThing: could not reach http://127.0.0.1:${port} (ECONNREFUSED)` });
    expect(result.error!.message).not.toContain("?");
    expect((result.error as { cause?: unknown }).cause).toBeInstanceOf(Error);
    expectNoLeak(result);
  });
});

describe("401: one invalidation and one retry, never more", () => {
  function renewable() {
    const state = { issued: 0, invalidated: 0 };
    const scheme: SchemeAuth = {
      name: "OAuth2",
      configured: true,
      async apply(): Promise<AppliedCredentials> {
        const token = `${CANARY}-${++state.issued}`;
        return {
          headers: { Authorization: `Bearer ${token}` },
          invalidate: async () => {
            state.invalidated++;
          },
        };
      },
    };
    return { scheme, state };
  }

  it("401 twice: exactly one retry with a fresh token, then the declared 401 comes back", async () => {
    server.handle(json(401, { error: "invalid_token" }, { "x-request-id": "r401" }));
    const { scheme, state } = renewable();
    const result = await runtime({}, { OAuth2: scheme })(op({ security: [{ OAuth2: ["read"] }], responses: { "200": "json", "401": "json" } }));
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${CANARY}-1`, `Bearer ${CANARY}-2`]);
    expect(state).toEqual({ issued: 2, invalidated: 1 });
    expect(result.error).toMatchObject({ kind: "http", status: 401, body: { error: "invalid_token" }, requestId: "r401" });
    expectNoLeak(result);
  });

  it("401 then 200: the retry's success", async () => {
    let n = 0;
    server.handle((req, res) => (++n === 1 ? json(401, {}) : json(200, { ok: 1 }))(req, res));
    const { scheme } = renewable();
    const result = await runtime({}, { OAuth2: scheme })(op({ security: [{ OAuth2: [] }] }));
    expect(result).toMatchObject({ ok: true, data: { ok: 1 } });
    expect(server.requests).toHaveLength(2);
  });

  it("401 undeclared: unexpected after the one retry", async () => {
    server.handle(json(401, {}));
    const { scheme } = renewable();
    const result = await runtime({}, { OAuth2: scheme })(op({ security: [{ OAuth2: [] }] }));
    expect(result.error).toMatchObject({ kind: "unexpected", httpStatus: 401 });
    expect(server.requests).toHaveLength(2);
  });

  it("a WWW-Authenticate Bearer error (RFC 6750 §3.1) comes back as kind auth, the declared error as its cause", async () => {
    server.handle(
      json(403, { message: "nope" }, { "www-authenticate": 'Bearer realm="api", error="insufficient_scope", error_description="needs write"', "x-request-id": "r403" }),
    );
    const { scheme } = renewable();
    const result = await runtime({}, { OAuth2: scheme })(op({ security: [{ OAuth2: ["write"] }], responses: { "200": "json", "403": "json" } }));
    expect(result.error).toMatchObject({
      kind: "auth",
      reason: "unauthorized",
      httpStatus: 403,
      requestId: "r403",
      oauth: { error: "insufficient_scope", error_description: "needs write" },
      cause: { kind: "http", status: 403, body: { message: "nope" } },
    });
    expect(server.requests).toHaveLength(1);
    expectNoLeak(result);
  });

  it("a 401 whose challenge names no error stays the declared http error", async () => {
    server.handle(json(401, {}, { "www-authenticate": 'Bearer realm="api"' }));
    const { scheme } = renewable();
    const result = await runtime({}, { OAuth2: scheme })(op({ security: [{ OAuth2: [] }], responses: { "200": "json", "401": "json" } }));
    expect(result.error).toMatchObject({ kind: "http", status: 401 });
  });

  it("no invalidate (a static credential): no retry", async () => {
    server.handle(json(401, {}));
    await runtime({}, schemes)(op({ security: [{ Bearer: [] }] }));
    expect(server.requests).toHaveLength(1);
  });
});

describe("transport security", () => {
  function recordingFetch() {
    const calls: string[] = [];
    const fake = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    return { calls, fake };
  }

  it("plain http to a non-loopback host: insecure_transport, no fetch, no credential produced", async () => {
    const { calls, fake } = recordingFetch();
    let produced = 0;
    const key = apiKeyAuth("ApiKey", { in: "header", name: "X-API-Key" }, () => (produced++, CANARY));
    const result = await runtime({ baseUrl: "http://api.example.com/v1", fetch: fake }, { ApiKey: key })(op({ security: [{ ApiKey: [] }] }));
    expect(result.error).toEqual({
      kind: "auth",
      reason: "insecure_transport",
      message:
        "getThing: refusing to send credentials (ApiKey) over plain HTTP to api.example.com; use https, or dangerouslyAllowInsecureHttp on a network you trust",
      schemes: ["ApiKey"],
    });
    expect(calls).toEqual([]);
    expect(produced).toBe(0);
    expectNoLeak(result);
  });

  it("dangerouslyAllowInsecureHttp, https, and anonymous calls are let through", async () => {
    const { calls, fake } = recordingFetch();
    await runtime({ baseUrl: "http://api.example.com", fetch: fake, dangerouslyAllowInsecureHttp: true }, schemes)(op({ security: [{ ApiKey: [] }] }));
    await runtime({ baseUrl: "https://api.example.com", fetch: fake }, schemes)(op({ security: [{ ApiKey: [] }] }));
    await runtime({ baseUrl: "http://api.example.com", fetch: fake }, schemes)(op({ security: [] }));
    expect(calls).toEqual(["http://api.example.com/things", "https://api.example.com/things", "http://api.example.com/things"]);
  });
});

describe("redirects", () => {
  const redirect = (status: number, location: string) => (_: Received, res: import("node:http").ServerResponse) =>
    res.writeHead(status, { location }).end();

  it("same origin: followed with the credentials", async () => {
    server.handle((req, res) => (req.url === "/things" ? redirect(302, "/moved")(req, res) : json(200, { moved: true })(req, res)));
    const result = await runtime({}, schemes)(op({ security: [{ Bearer: [] }] }));
    expect(result).toMatchObject({ ok: true, data: { moved: true } });
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/things", `Bearer ${CANARY}`],
      ["/moved", `Bearer ${CANARY}`],
    ]);
  });

  it("303 after POST becomes a GET without a body; 307 keeps method and body", async () => {
    const post = op({ method: "POST", security: [{ ApiKey: [] }], requestBody: { mediaType: "application/json", encoding: "json", required: true } });
    server.handle((req, res) => (req.url === "/things" ? redirect(303, "/see-other")(req, res) : json(200, {})(req, res)));
    await runtime({}, schemes)(post, { body: { a: 1 } });
    expect(server.requests.map((r) => [r.method, r.url, r.body, r.headers["content-type"]])).toEqual([
      ["POST", "/things", '{"a":1}', "application/json"],
      ["GET", "/see-other", "", undefined],
    ]);

    server.requests.length = 0;
    server.handle((req, res) => (req.url === "/things" ? redirect(307, "/temporary")(req, res) : json(200, {})(req, res)));
    await runtime({}, schemes)(post, { body: { a: 1 } });
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/things", '{"a":1}'],
      ["POST", "/temporary", '{"a":1}'],
    ]);
  });

  it("another origin (another port): not followed, nothing reaches it, unexpected comes back", async () => {
    server.handle(redirect(302, `${other.url}/steal?x=1`));
    const result = await runtime({}, schemes)(op({ security: [{ Bearer: [] }] }));
    expect(other.requests).toHaveLength(0);
    expect(result.error).toMatchObject({
      kind: "unexpected",
      httpStatus: 302,
      message: `getThing was redirected (HTTP 302) to another origin, ${other.origin}; the redirect was not followed so that credentials stay with ${server.origin}`,
    });
    expectNoLeak(result);
  });

  it("a declared 3xx is returned, not followed", async () => {
    server.handle(redirect(302, "/elsewhere"));
    const result = await runtime({}, schemes)(op({ security: [{ Bearer: [] }], responses: { "200": "json", "302": "empty" } }));
    expect(result.error).toMatchObject({ kind: "http", status: 302 });
    expect(server.requests).toHaveLength(1);
  });

  it("a redirect loop stops after five hops", async () => {
    server.handle(redirect(307, "/things"));
    const result = await runtime({}, schemes)(op({ security: [{ Bearer: [] }] }));
    expect(result.error).toMatchObject({ kind: "unexpected", message: "getThing was redirected more than 5 times" });
    expect(server.requests).toHaveLength(6);
  });

  it("a browser's opaque redirect (status 0, nothing to read) is unexpected, not followed", async () => {
    const opaque = { type: "opaqueredirect", status: 0, statusText: "", headers: new Headers(), body: null } as unknown as Response;
    const result = await runtime({ fetch: async () => opaque }, schemes)(op({ security: [{ Bearer: [] }] }));
    expect(result.error).toEqual({
      kind: "unexpected",
      httpStatus: 0,
      message: "getThing was redirected, and this environment does not let the client check where to",
    });
  });

  it("without credentials, fetch follows redirects itself", async () => {
    server.handle(redirect(302, `${other.url}/public`));
    other.handle(json(200, { public: true }));
    const result = await runtime()(op());
    expect(result).toMatchObject({ ok: true, data: { public: true } });
    expect(other.requests).toHaveLength(1);
  });
});

it("the runtime itself shows no secret when inspected", () => {
  const rt = createRuntime({ defaultBaseUrl: server.url, parts: allParts }, { auth: {} }, schemes);
  expect(inspect(rt, { depth: Infinity, showHidden: true })).not.toContain(CANARY);
});
