/**
 * One generated client per security construct (test/fixtures/security → test/snapshots),
 * called against an echo server: the right credential lands in the right place, and
 * nothing else is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeyHeader from "../snapshots/security-api-key-header/index.js";
import * as apiKeyQuery from "../snapshots/security-api-key-query/index.js";
import * as apiKeyCookie from "../snapshots/security-api-key-cookie/index.js";
import * as httpBasic from "../snapshots/security-http-basic/index.js";
import * as httpBearer from "../snapshots/security-http-bearer/index.js";
import * as andOr from "../snapshots/security-and-or/index.js";
import * as overrides from "../snapshots/security-override-anonymous/index.js";
import { startEchoServer } from "../support/echo-server.js";
import type { TestServer } from "../support/server.js";

let echo: TestServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

/** Credential-bearing things a request could carry. */
function credentialsSeen(data: { headers: Record<string, string>; query: Record<string, string>; cookies: Record<string, string> }) {
  const { authorization, "x-api-key": apiKey } = data.headers;
  return { authorization, apiKey, query: data.query, cookies: data.cookies };
}

async function ok<T extends { ok: boolean }>(promise: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const res = await promise;
  if (!res.ok) throw new Error(`expected success, got ${JSON.stringify((res as unknown as { error: unknown }).error)}`);
  return res as Extract<T, { ok: true }>;
}

describe("apiKey", () => {
  it("in a header: sent as that header only", async () => {
    const res = await ok(apiKeyHeader.createClient({ baseUrl: echo.url, auth: { ApiKey: "k-123" } }).echo());
    expect(credentialsSeen(res.data)).toEqual({ authorization: undefined, apiKey: "k-123", query: {}, cookies: {} });
  });
  it("in the query: sent as that parameter only, and an async provider is awaited", async () => {
    const res = await ok(apiKeyQuery.createClient({ baseUrl: echo.url, auth: { ApiKey: async () => "k&=/?" } }).echo());
    expect(credentialsSeen(res.data)).toEqual({ authorization: undefined, apiKey: undefined, query: { api_key: "k&=/?" }, cookies: {} });
  });
  it("in a cookie: sent as that cookie only", async () => {
    const res = await ok(apiKeyCookie.createClient({ baseUrl: echo.url, auth: { Session: () => "s-1" } }).echo());
    expect(credentialsSeen(res.data)).toEqual({ authorization: undefined, apiKey: undefined, query: {}, cookies: { session_id: "s-1" } });
  });
});

describe("http", () => {
  it("basic: Authorization: Basic base64(user:password) (RFC 7617 §2)", async () => {
    const res = await ok(httpBasic.createClient({ baseUrl: echo.url, auth: { Basic: { username: "üser", password: "p:w" } } }).echo());
    const expected = Buffer.from("üser:p:w", "utf8").toString("base64");
    expect(credentialsSeen(res.data)).toEqual({ authorization: `Basic ${expected}`, apiKey: undefined, query: {}, cookies: {} });
  });
  it("bearer: a string, or an async provider called per request (RFC 6750 §2.1)", async () => {
    const fixed = await ok(httpBearer.createClient({ baseUrl: echo.url, auth: { Bearer: "t-1" } }).echo());
    expect(credentialsSeen(fixed.data)).toEqual({ authorization: "Bearer t-1", apiKey: undefined, query: {}, cookies: {} });
    let n = 0;
    const api = httpBearer.createClient({ baseUrl: echo.url, auth: { Bearer: async () => `t-${++n}` } });
    expect((await ok(api.echo())).data.headers.authorization).toBe("Bearer t-1");
    expect((await ok(api.echo())).data.headers.authorization).toBe("Bearer t-2");
  });
});

describe("requirements: AND, OR, optional", () => {
  it("AND: both schemes of the alternative are sent", async () => {
    const api = andOr.createClient({ baseUrl: echo.url, auth: { ApiKey: "k", Session: "s" } });
    const res = await ok(api.needsKeyAndSession());
    expect(credentialsSeen(res.data)).toEqual({ authorization: undefined, apiKey: "k", query: {}, cookies: { session_id: "s" } });
  });
  it("AND: half the credentials is no credentials — kind auth, nothing sent", async () => {
    const before = echo.requests.length;
    const res = await andOr.createClient({ baseUrl: echo.url, auth: { ApiKey: "k" } }).needsKeyAndSession();
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "missing_credentials" });
    expect(echo.requests.length).toBe(before);
  });
  it("OR: the first satisfiable alternative is used, and only it", async () => {
    const both = await ok(andOr.createClient({ baseUrl: echo.url, auth: { ApiKey: "k", Bearer: "b" } }).keyOrBearer());
    expect(credentialsSeen(both.data)).toEqual({ authorization: undefined, apiKey: "k", query: {}, cookies: {} });
    const bearerOnly = await ok(andOr.createClient({ baseUrl: echo.url, auth: { Bearer: "b" } }).keyOrBearer());
    expect(credentialsSeen(bearerOnly.data)).toEqual({ authorization: "Bearer b", apiKey: undefined, query: {}, cookies: {} });
  });
  it("OR: with neither configured, the error names every scheme", async () => {
    const res = await andOr.createClient({ baseUrl: echo.url }).keyOrBearer();
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "missing_credentials", schemes: ["ApiKey", "Bearer"] });
  });
  it("optional `{}`: credentials when configured, anonymous otherwise", async () => {
    const withToken = await ok(andOr.createClient({ baseUrl: echo.url, auth: { Bearer: "b" } }).optionalBearer());
    expect(withToken.data.headers.authorization).toBe("Bearer b");
    const anonymous = await ok(andOr.createClient({ baseUrl: echo.url }).optionalBearer());
    expect(credentialsSeen(anonymous.data)).toEqual({ authorization: undefined, apiKey: undefined, query: {}, cookies: {} });
  });
});

describe("root security, operation overrides, anonymous", () => {
  const api = () => overrides.createClient({ baseUrl: echo.url, auth: { ApiKey: "k", Bearer: "b" } });
  it("an operation without `security` inherits the root's", async () => {
    const res = await ok(api().inheritsRoot());
    expect(credentialsSeen(res.data)).toEqual({ authorization: undefined, apiKey: "k", query: {}, cookies: {} });
  });
  it("an operation's `security` replaces the root's (no API key sent)", async () => {
    const res = await ok(api().overridesWithBearer());
    expect(credentialsSeen(res.data)).toEqual({ authorization: "Bearer b", apiKey: undefined, query: {}, cookies: {} });
  });
  it("`security: []` sends no credentials at all, even when configured", async () => {
    const res = await ok(api().anonymous());
    expect(credentialsSeen(res.data)).toEqual({ authorization: undefined, apiKey: undefined, query: {}, cookies: {} });
  });
  it("the typed constant states each operation's requirements", () => {
    expect(overrides.operations.inheritsRoot.security).toEqual([{ ApiKey: [] }]);
    expect(overrides.operations.overridesWithBearer.security).toEqual([{ Bearer: [] }]);
    expect(overrides.operations.anonymous.security).toEqual([]);
    expect(andOr.operations.needsKeyAndSession.security).toEqual([{ ApiKey: [], Session: [] }]);
  });
});

describe("credentialsFor: what the client would send, for use beyond HTTP calls", () => {
  it("gives each placement, header names in lower case (regression: static schemes said Authorization)", async () => {
    expect(await httpBearer.createClient({ auth: { Bearer: "t-1" } }).auth.credentialsFor("Bearer")).toEqual({
      ok: true,
      headers: { authorization: "Bearer t-1" },
      query: {},
      cookies: {},
    });
    expect(await apiKeyQuery.createClient({ auth: { ApiKey: "k" } }).auth.credentialsFor("ApiKey")).toEqual({ ok: true, headers: {}, query: { api_key: "k" }, cookies: {} });
    expect(await apiKeyCookie.createClient({ auth: { Session: "s" } }).auth.credentialsFor("Session")).toEqual({ ok: true, headers: {}, query: {}, cookies: { session_id: "s" } });
  });
  it("an unconfigured scheme is kind auth, missing_credentials", async () => {
    expect(await httpBearer.createClient().auth.credentialsFor("Bearer")).toMatchObject({ ok: false, error: { kind: "auth", reason: "missing_credentials", schemes: ["Bearer"] } });
  });
});

