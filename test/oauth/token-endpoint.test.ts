/**
 * Token endpoint behaviour that oidc-provider cannot show because it follows the standards:
 * declared vendor quirks, malformed responses, redirects, time-outs, plain http. The
 * "vendor" here is a loopback server shaped like the seed APIs (1NCE, the {"data": ...} API).
 */
import type http from "node:http";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenEndpointQuirks } from "../../src/runtime/auth.js";
import type { OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { MemoryTokenStore } from "../../src/runtime/token-store.js";
import { listenOnLoopback, type LoopbackServer } from "../support/http-server.js";
import { clock, expectApplied, expectAuthError, makeAuth } from "./helpers.js";

interface Seen {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
}

const SECRET = "vendor-secret-CANARY-41d2";
let vendor: LoopbackServer;
let elsewhere: LoopbackServer;
const seen: Seen[] = [];
const seenElsewhere: string[] = [];

const routes: Record<string, (res: http.ServerResponse) => void> = {
  "/data-token": (res) => json(res, 200, { data: { access_token: "wrapped-token", token_type: "bearer" } }),
  "/lowercase-bearer": (res) => json(res, 200, { access_token: "1nce-token", token_type: "bearer", expires_in: 3600, userId: "u1" }),
  "/html": (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<html>login</html>");
  },
  "/no-access-token": (res) => json(res, 200, { token_type: "Bearer" }),
  "/mac": (res) => json(res, 200, { access_token: "t", token_type: "mac" }),
  "/vendor-error": (res) => json(res, 400, { error: { code: 17, code_reason: "BAD", message: "nope" } }),
  "/echo-error": (res) => json(res, 401, { error: "invalid_client", error_description: `secret ${SECRET} is wrong` }),
  "/redirect": (res) => {
    res.writeHead(307, { location: `${elsewhere.origin}/token` });
    res.end();
  },
  "/hang": () => undefined,
  "/password": (res) => json(res, 200, { access_token: "password-token", token_type: "Bearer", expires_in: 60 }),
};

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  vendor = await listenOnLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      seen.push({
        path,
        contentType: req.headers["content-type"],
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString(),
      });
      (routes[path] ?? ((r) => json(r, 404, {})))(res);
    });
  });
  elsewhere = await listenOnLoopback((req, res) => {
    seenElsewhere.push(req.url ?? "");
    json(res, 200, { access_token: "stolen", token_type: "Bearer" });
  });
});

afterAll(async () => {
  await elsewhere?.close();
  await vendor?.close();
});

const cc = (tokenUrl: string, quirks?: TokenEndpointQuirks): OAuth2SchemeSpec => ({
  type: "oauth2",
  flows: { clientCredentials: { tokenUrl, scopes: [] } },
  ...(quirks ? { quirks } : {}),
});
const last = () => seen[seen.length - 1]!;

describe("declared quirks", () => {
  it("JSON body, no grant_type, credentials in the body, token under data, default lifetime", async () => {
    const time = clock(1_000_000);
    const store = new MemoryTokenStore();
    const spec = cc(`${vendor.origin}/data-token`, {
      tokenRequestEncoding: "json",
      sendGrantType: false,
      tokenResponsePath: ["data"],
      tokenEndpointAuthMethod: "client_secret_post",
      defaultExpiresIn: 100,
    });
    const auth = makeAuth(spec, { clientId: "id-1", clientSecret: SECRET }, { baseUrl: vendor.origin, now: time.now, tokenStore: store });
    expect(expectApplied(await auth.apply([])).headers).toEqual({ authorization: "Bearer wrapped-token" });
    expect(last()).toMatchObject({ contentType: "application/json", authorization: undefined });
    expect(JSON.parse(last().body)).toEqual({ client_id: "id-1", client_secret: SECRET });
    // 100 s assumed, used for 90 s (10% margin).
    expect(await store.get("OAuth2 client=id-1 scope=")).toMatchObject({ tokenType: "bearer", expiresAt: 1_000_000 + 90_000 });
  });

  it("credential.defaultExpiresIn wins over the scheme's", async () => {
    const time = clock(0);
    const store = new MemoryTokenStore();
    const spec = cc(`${vendor.origin}/data-token`, { tokenResponsePath: ["data"], defaultExpiresIn: 100 });
    const auth = makeAuth(spec, { clientId: "id", clientSecret: SECRET, defaultExpiresIn: 1000 }, { baseUrl: vendor.origin, now: time.now, tokenStore: store });
    await auth.apply([]);
    expect((await store.get("OAuth2 client=id scope="))?.expiresAt).toBe(970_000);
  });

  it("1NCE: Basic auth with a JSON {grant_type} body; token_type \"bearer\" compares case-insensitively", async () => {
    const spec = cc(`${vendor.origin}/lowercase-bearer`, { tokenRequestEncoding: "json" });
    const auth = makeAuth(spec, { clientId: "user@example.com", clientSecret: SECRET }, { baseUrl: vendor.origin });
    expect(expectApplied(await auth.apply([])).headers).toEqual({ authorization: "Bearer 1nce-token" });
    expect(JSON.parse(last().body)).toEqual({ grant_type: "client_credentials" });
    expect(last().authorization).toBe(`Basic ${btoa(`user%40example.com:${encodeURIComponent(SECRET)}`)}`);
  });

  it("form encoding by default (RFC 6749 §4.4.2), with scope when there is one", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/lowercase-bearer`), { clientId: "c", clientSecret: SECRET, scopes: ["b", "a"] }, { baseUrl: vendor.origin });
    await auth.apply(["c"]);
    expect(last().contentType).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(Object.fromEntries(new URLSearchParams(last().body))).toEqual({ grant_type: "client_credentials", scope: "a b c" });
  });
});

describe("responses that are not usable token responses", () => {
  it.each([
    ["/html", "invalid_token_response", /not JSON/],
    ["/no-access-token", "invalid_token_response", /without an access_token/],
    ["/mac", "invalid_token_response", /only Bearer/],
  ])("%s → %s", async (path, reason, message) => {
    const auth = makeAuth(cc(`${vendor.origin}${path}`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin });
    const error = expectAuthError(await auth.apply([]));
    expect(error).toMatchObject({ reason, httpStatus: 200 });
    expect(error.message).toMatch(message);
  });

  it("a vendor error object (not RFC 6749 §5.2) gives token_request_failed with the status and no oauth fields", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/vendor-error`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin });
    const error = expectAuthError(await auth.apply([]));
    expect(error).toMatchObject({ reason: "token_request_failed", httpStatus: 400 });
    expect(error.oauth).toBeUndefined();
  });

  it("scrubs a secret that the server echoes in error_description", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/echo-error`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin });
    const result = await auth.apply([]);
    expect(expectAuthError(result).oauth).toEqual({ error: "invalid_client", error_description: "secret [redacted] is wrong" });
    expect(inspect(result, { depth: Infinity })).not.toContain(SECRET);
  });
});

describe("transport", () => {
  it("does not follow a redirect from the token endpoint: credentials never reach the other host", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/redirect`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin });
    const error = expectAuthError(await auth.apply([]));
    expect(error).toMatchObject({ reason: "token_request_failed", httpStatus: 307 });
    expect(error.message).toMatch(/redirect/);
    expect(seenElsewhere).toEqual([]);
  });

  it("times out with timeoutMs, as an AuthError whose cause is a timeout", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/hang`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin, timeoutMs: 150 });
    const error = expectAuthError(await auth.apply([]));
    expect(error).toMatchObject({ reason: "token_request_failed", cause: { kind: "timeout", reason: "timeout" } });
    expect(error.message).toContain("timed out after 150 ms");
  });

  it("gives up when the caller's signal aborts", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/hang`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin, timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = auth.apply([], controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(expectAuthError(await pending)).toMatchObject({ cause: { kind: "timeout", reason: "aborted" } });
  });

  it("reports an unreachable endpoint as a network cause, without the secret", async () => {
    const closed = await listenOnLoopback(() => undefined);
    await closed.close();
    const auth = makeAuth(cc(`${closed.origin}/token`), { clientId: "c", clientSecret: SECRET }, { baseUrl: vendor.origin });
    const result = await auth.apply([]);
    expect(expectAuthError(result)).toMatchObject({ reason: "token_request_failed", cause: { kind: "network" } });
    expect(inspect(result, { depth: Infinity })).not.toContain(SECRET);
  });

  it("refuses plain http to a non-loopback host unless dangerouslyAllowInsecureHttp", async () => {
    let called = 0;
    const stub: typeof fetch = async () => {
      called += 1;
      return new Response(JSON.stringify({ access_token: "t", token_type: "Bearer" }), { headers: { "content-type": "application/json" } });
    };
    const spec = cc("http://as.example/token");
    const refused = makeAuth(spec, { clientId: "c", clientSecret: SECRET }, { baseUrl: "https://api.example", fetch: stub });
    expect(expectAuthError(await refused.apply([]))).toMatchObject({ reason: "insecure_transport" });
    expect(called).toBe(0);
    const allowed = makeAuth(spec, { clientId: "c", clientSecret: SECRET }, { baseUrl: "https://api.example", fetch: stub, allowInsecureHttp: true });
    expectApplied(await allowed.apply([]));
    expect(called).toBe(1);
  });
});

describe("other flows", () => {
  it("password grant (deprecated) sends username and password when they are given", async () => {
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { password: { tokenUrl: `${vendor.origin}/password`, scopes: [] } } };
    const auth = makeAuth(spec, { clientId: "c", clientSecret: SECRET, username: "alice", password: "pw CANARY" }, { baseUrl: vendor.origin });
    expect(expectApplied(await auth.apply(["read"])).headers).toEqual({ authorization: "Bearer password-token" });
    expect(Object.fromEntries(new URLSearchParams(last().body))).toEqual({
      grant_type: "password",
      username: "alice",
      password: "pw CANARY",
      scope: "read",
    });
  });

  it("password grant: users sharing a store each get their own token (the username is in the store key)", async () => {
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { password: { tokenUrl: `${vendor.origin}/password`, scopes: [] } } };
    const store = new MemoryTokenStore();
    const asUser = (username: string) => makeAuth(spec, { clientId: "c", clientSecret: SECRET, username, password: "pw" }, { baseUrl: vendor.origin, tokenStore: store });
    const before = seen.length;
    expectApplied(await asUser("alice").apply([]));
    expectApplied(await asUser("bob").apply([]));
    expect(seen.slice(before).map((r) => new URLSearchParams(r.body).get("username"))).toEqual(["alice", "bob"]);
    expect(await store.get("OAuth2 client=c username=bob scope=")).toMatchObject({ accessToken: "password-token" });
  });

  it("implicit-only schemes never acquire: missing_credentials until setTokens", async () => {
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { implicit: { authorizationUrl: `${vendor.origin}/auth`, scopes: [] } } };
    const auth = makeAuth(spec, { clientId: "c" }, { baseUrl: vendor.origin });
    const before = seen.length;
    const error = expectAuthError(await auth.apply([]));
    expect(error).toMatchObject({ reason: "missing_credentials", schemes: ["OAuth2"] });
    expect(error.message).toMatch(/implicit/);
    await auth.setTokens({ accessToken: "static", tokenType: "Bearer" });
    expect(expectApplied(await auth.apply([])).headers).toEqual({ authorization: "Bearer static" });
    expect(seen.length).toBe(before);
  });

  it("an unconfigured scheme says so and sends nothing", async () => {
    const auth = makeAuth(cc(`${vendor.origin}/data-token`), undefined, { baseUrl: vendor.origin });
    expect(auth.configured).toBe(false);
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "missing_credentials" });
  });
});
