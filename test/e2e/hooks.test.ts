/**
 * `hooks` (PRODUCT.md's createClient options): observers told about every HTTP request a
 * generated client sends and how it ended, for logs, metrics and traces. They are told the
 * operation, method, URL and headers, never a credential: the values of Authorization,
 * Proxy-Authorization, Cookie and every apiKey scheme's header or query parameter are
 * "[redacted]", and bodies are not handed over at all (a token request's body and response are
 * secrets). A hook cannot change a call: what it throws or rejects with is dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../generated/1nce-management/index.js";
import * as apiKeyQuery from "../snapshots/security-api-key-query/index.js";
import * as apiKeyCookie from "../snapshots/security-api-key-cookie/index.js";
import type { ClientHooks, RequestEvent } from "../../generated/1nce-management/index.js";
import { startOneNceServer, USERS, type OneNceServer } from "../support/1nce-server.js";
import { startEchoServer } from "../support/echo-server.js";
import { startServer, type TestServer } from "../support/server.js";
import { freePort } from "../support/http-server.js";

const PASSWORD = USERS["api-user"]!;

let oneNce: OneNceServer;
let echo: TestServer;
beforeAll(async () => {
  oneNce = await startOneNceServer();
  echo = await startEchoServer();
});
afterAll(async () => {
  await oneNce.close();
  await echo.close();
});

type Event = { hook: "onRequest" | "onResponse" | "onNetworkError"; event: unknown };

/** Hooks that record every event they are given, in order. */
function recording(): { hooks: ClientHooks; events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    hooks: {
      onRequest: (event) => void events.push({ hook: "onRequest", event }),
      onResponse: (event) => void events.push({ hook: "onResponse", event }),
      onNetworkError: (event) => void events.push({ hook: "onNetworkError", event }),
    },
  };
}

const requestOf = (e: Event): RequestEvent =>
  (e.hook === "onRequest" ? e.event : (e.event as { request: RequestEvent }).request) as RequestEvent;

describe("hooks see every request and its outcome, credentials redacted", () => {
  it("1NCE: the token request (Basic) and the API call (bearer), each with its operation, status and time", async () => {
    const { hooks, events } = recording();
    const api = createClient({
      baseUrl: `${oneNce.url}/management-api`,
      auth: { BasicAuthentication: { username: "api-user", password: PASSWORD } },
      hooks,
    });
    const res = await api.getSimsUsingGET({ query: { pageSize: 2 } });
    expect(res.ok).toBe(true);

    // The token is acquired before the call that needs it is sent.
    expect(events.map((e) => `${e.hook} ${requestOf(e).operation} ${requestOf(e).method}`)).toEqual([
      "onRequest postAccessTokenPOST POST",
      "onResponse postAccessTokenPOST POST",
      "onRequest getSimsUsingGET GET",
      "onResponse getSimsUsingGET GET",
    ]);
    const [tokenRequest, tokenResponse, apiRequest, apiResponse] = events as [Event, Event, Event, Event];
    expect(tokenRequest.event).toEqual({
      operation: "postAccessTokenPOST",
      method: "POST",
      url: `${oneNce.url}/management-api/oauth/token`,
      headers: { accept: "application/json", authorization: "[redacted]", "content-type": "application/json" },
    });
    expect(tokenResponse.event).toMatchObject({ status: 200, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(apiRequest.event).toEqual({
      operation: "getSimsUsingGET",
      method: "GET",
      url: `${oneNce.url}/management-api/v1/sims?pageSize=2`,
      headers: { accept: "application/json", authorization: "[redacted]" },
    });
    const response = apiResponse.event as { status: number; durationMs: number; requestId?: string };
    expect(response.status).toBe(200);
    expect(response.requestId).toBe(res.requestId);
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(response.durationMs).toBeLessThan(10_000);

    const told = JSON.stringify(events);
    expect(told).not.toContain(PASSWORD);
    expect(told).not.toContain(Buffer.from(`api-user:${PASSWORD}`).toString("base64"));
    for (const token of oneNce.issued) expect(told).not.toContain(token);
  });

  it("an apiKey in the query is redacted in the URL, other parameters are kept", async () => {
    const { hooks, events } = recording();
    const api = apiKeyQuery.createClient({ baseUrl: echo.url, auth: { ApiKey: "k-secret-123" }, hooks });
    expect((await api.echo()).ok).toBe(true);
    const request = events[0]!.event as RequestEvent;
    expect(request.url).toBe(`${echo.url}/echo?api_key=%5Bredacted%5D`);
    expect(JSON.stringify(events)).not.toContain("k-secret-123");
  });

  it("an apiKey in a cookie: the Cookie header is redacted", async () => {
    const { hooks, events } = recording();
    const api = apiKeyCookie.createClient({ baseUrl: echo.url, auth: { Session: "s-secret-456" }, hooks });
    expect((await api.echo()).ok).toBe(true);
    expect((events[0]!.event as RequestEvent).headers.cookie).toBe("[redacted]");
    expect(JSON.stringify(events)).not.toContain("s-secret-456");
  });
});

describe("every attempt is seen", () => {
  let flaky: TestServer;
  let answers: number[] = [];
  beforeAll(async () => {
    flaky = await startServer((_req, res) => {
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "content-type": "application/json", "retry-after": "0" });
      res.end(JSON.stringify({ headers: {}, query: {}, cookies: {} }));
    });
  });
  afterAll(() => flaky.close());

  it("a retried call: one onRequest and one onResponse per attempt, with each status", async () => {
    answers = [503, 503];
    const { hooks, events } = recording();
    const api = apiKeyQuery.createClient({ baseUrl: flaky.url, auth: { ApiKey: "k" }, hooks });
    expect((await api.echo()).ok).toBe(true);
    expect(events.map((e) => (e.hook === "onResponse" ? `${e.hook} ${(e.event as { status: number }).status}` : e.hook))).toEqual([
      "onRequest",
      "onResponse 503",
      "onRequest",
      "onResponse 503",
      "onRequest",
      "onResponse 200",
    ]);
  });

  it("a same-origin redirect the client follows: each hop is its own request, with the credential redacted in each", async () => {
    const hopping = await startServer((req, res) => {
      if (req.url?.startsWith("/echo")) {
        res.writeHead(307, { location: `/moved${req.url.slice("/echo".length)}` });
        res.end();
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ headers: {}, query: {}, cookies: {} }));
      }
    });
    try {
      const { hooks, events } = recording();
      const api = apiKeyQuery.createClient({ baseUrl: hopping.url, auth: { ApiKey: "k-hop-1" }, hooks });
      expect((await api.echo()).ok).toBe(true);
      expect(events.map((e) => `${e.hook} ${new URL(requestOf(e).url).pathname}${requestOf(e).url.includes("api_key=%5Bredacted%5D") ? " redacted" : ""}`)).toEqual([
        "onRequest /echo redacted",
        "onResponse /echo redacted",
        "onRequest /moved redacted",
        "onResponse /moved redacted",
      ]);
      expect(JSON.stringify(events)).not.toContain("k-hop-1");
    } finally {
      await hopping.close();
    }
  });

  it("a request that gets no response: onNetworkError, and the call's own result is unchanged", async () => {
    const { hooks, events } = recording();
    const api = apiKeyQuery.createClient({ baseUrl: `http://127.0.0.1:${await freePort()}`, auth: { ApiKey: "k-net-789" }, hooks, retry: false });
    const res = await api.echo();
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.kind).toBe("network");
    expect(events.map((e) => e.hook)).toEqual(["onRequest", "onNetworkError"]);
    expect(events[1]!.event).toMatchObject({ aborted: false, request: { operation: "echo", method: "GET" } });
    expect(JSON.stringify(events)).not.toContain("k-net-789");
  });

  it("a call the caller aborts: onNetworkError says aborted", async () => {
    const stalled = await startServer(() => undefined);
    try {
      const { hooks, events } = recording();
      const api = apiKeyQuery.createClient({ baseUrl: stalled.url, auth: { ApiKey: "k" }, hooks });
      const controller = new AbortController();
      const pending = api.echo({ signal: controller.signal });
      await new Promise((r) => setTimeout(r, 50));
      controller.abort();
      const res = await pending;
      expect(res.ok || res.error.kind).toBe("timeout");
      expect(events.map((e) => e.hook)).toEqual(["onRequest", "onNetworkError"]);
      expect(events[1]!.event).toMatchObject({ aborted: true });
    } finally {
      await stalled.close();
    }
  });
});

describe("a hook cannot change a call", () => {
  it("a hook that throws, or rejects, leaves the result as it was and no rejection unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const api = apiKeyQuery.createClient({
        baseUrl: echo.url,
        auth: { ApiKey: "k" },
        hooks: {
          onRequest: () => {
            throw new Error("hook bug");
          },
          onResponse: async () => {
            throw new Error("async hook bug");
          },
        },
      });
      const res = await api.echo();
      expect(res.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("the headers a hook is given are a copy: changing them changes nothing sent", async () => {
    const api = apiKeyQuery.createClient({
      baseUrl: echo.url,
      auth: { ApiKey: "k" },
      headers: { "x-trace": "t-1" },
      hooks: {
        onRequest: (request) => {
          (request.headers as Record<string, string>)["x-trace"] = "changed";
        },
      },
    });
    const res = await api.echo();
    expect(res.ok && res.data.headers["x-trace"]).toBe("t-1");
  });
});
