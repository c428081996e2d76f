/**
 * Issue 4 through a generated client: test/fixtures/oauth/oauth2.yml → test/snapshots/oauth2,
 * called against oidc-provider (test/support/authorization-server.ts) and a resource server
 * that accepts only tokens the authorization server's introspection calls active.
 *
 * The document's tokenUrl and authorizationUrl point at a dead loopback port
 * (127.0.0.1:1): every client here passes `issuer`, whose metadata overrides them, and a
 * recording `fetch` proves nothing was ever sent to the document's endpoints.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  type AuthOptions,
  type ClientOptions,
  type RequestEvent,
  type ResponseEvent,
  type TokenSet,
  type TokenStore,
} from "../snapshots/oauth2/index.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { authorizeInBrowser } from "../support/browser.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";

const BASIC = { id: "e2e-cc-basic", secret: "e2e-cc-basic-secret-0123456789abcdef" };
const POST = { id: "e2e-cc-post", secret: "e2e-cc-post-secret-0123456789abcdef" };
const WEB = { id: "e2e-web", secret: "e2e-web-secret-0123456789abcdef" };
const CANARY = "CANARY-e2e-4b1d93a7-not-the-secret";
const REDIRECT_URI = "https://client.example/callback";
/** The endpoints the document names: nothing listens there. */
const DEAD = "http://127.0.0.1:1";

let as: AuthorizationServer;
let rs: ResourceServer;
let baseUrl: string;
/** Every URL any client of this file fetched. */
const fetched: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  fetched.push(input instanceof Request ? input.url : String(input));
  return fetch(input, init);
};

beforeAll(async () => {
  const machine = { grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: "api:read api:write" };
  as = await startAuthorizationServer({
    clients: [
      { client_id: BASIC.id, client_secret: BASIC.secret, token_endpoint_auth_method: "client_secret_basic", ...machine },
      { client_id: POST.id, client_secret: POST.secret, token_endpoint_auth_method: "client_secret_post", ...machine },
      {
        client_id: WEB.id,
        client_secret: WEB.secret,
        grant_types: ["authorization_code", "refresh_token", "client_credentials"],
        response_types: ["code"],
        redirect_uris: [REDIRECT_URI],
        scope: "openid offline_access api:read api:write",
      },
    ],
  });
  rs = await startResourceServer(as, { anonymousPaths: ["/health"], requiredScopes: { "/me": "api:read", "/things": "api:write" } });
  baseUrl = new URL(rs.url).origin;
});

afterAll(async () => {
  await rs?.close();
  await as?.close();
});

/** A generated client against the test servers; `auth.OAuth2` gets `issuer` unless given. */
function client(credential: NonNullable<AuthOptions["OAuth2"]>, options: Omit<ClientOptions<AuthOptions>, "auth" | "baseUrl"> = {}) {
  return createClient({ baseUrl, fetch: recordingFetch, ...options, auth: { OAuth2: { issuer: as.issuer, ...credential } } });
}

const tokenRequestsSince = (n: number) => as.tokenRequests.slice(n);
const resourceRequestsSince = (n: number) => rs.requests.slice(n);

/** The data of a successful result; a failure throws with its error. */
function data<T extends { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: unknown }>(
  res: T,
): Extract<T, { ok: true }>["data"] {
  if (!res.ok) throw new Error(`expected success, got ${JSON.stringify(res.error)}`);
  return (res as Extract<T, { ok: true }>).data;
}

describe("client credentials through the generated client", () => {
  it("client_secret_basic by default; discovery via `issuer` replaces the document's endpoints", async () => {
    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret });
    const res = await api.getMe();
    expect(data(res)).toEqual({ client_id: BASIC.id, scope: "api:read" });
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "client_credentials", clientId: BASIC.id, status: 200, basicAuth: true }]);
    expect(resourceRequestsSince(resources)).toEqual([
      { method: "GET", path: "/me", status: 200, authenticated: true, clientId: BASIC.id, scope: "api:read" },
    ]);
    expect(fetched.filter((url) => url.startsWith(DEAD))).toEqual([]);
  });

  it("client_secret_post with the tokenEndpointAuthMethod option", async () => {
    const tokens = as.tokenRequests.length;
    const api = client({ clientId: POST.id, clientSecret: POST.secret, tokenEndpointAuthMethod: "client_secret_post" });
    expect(data(await api.getMe())).toEqual({ client_id: POST.id, scope: "api:read" });
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "client_credentials", clientId: POST.id, status: 200, basicAuth: false }]);
  });

  it("asks each operation's scopes (one token per scope set), and an anonymous operation sends no token", async () => {
    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret });
    expect(data(await api.health())).toEqual({ status: "ok", authenticated: false });
    expect(tokenRequestsSince(tokens)).toEqual([]);
    expect(data(await api.createThing({ body: { name: "a" } }))).toEqual({ client_id: BASIC.id, scope: "api:write" });
    expect(data(await api.getMe())).toEqual({ client_id: BASIC.id, scope: "api:read" });
    expect(data(await api.createThing({ body: { name: "b" } }))).toEqual({ client_id: BASIC.id, scope: "api:write" });
    expect(tokenRequestsSince(tokens)).toHaveLength(2);
    expect(resourceRequestsSince(resources).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /health 200",
      "POST /things 200",
      "GET /me 200",
      "POST /things 200",
    ]);
  });

  it("50 concurrent calls on a cold cache: exactly one token request at the authorization server", async () => {
    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret });
    const results = await Promise.all(Array.from({ length: 50 }, () => api.getMe()));
    expect(results.map((r) => r.ok)).toEqual(Array(50).fill(true));
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "client_credentials", clientId: BASIC.id, status: 200, basicAuth: true }]);
    expect(resourceRequestsSince(resources).map((r) => r.status)).toEqual(Array(50).fill(200));
  });

  it("revocation at the server: one 401, one re-acquisition, success; counted at both servers", async () => {
    const seen: string[] = [];
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret }, { onTokens: (_scheme, set) => void seen.push(set.accessToken) });
    expect((await api.getMe()).ok).toBe(true);
    expect(seen).toHaveLength(1);
    // getToken with getMe's scopes hands out the very token getMe sent, from the cache.
    const cached = as.tokenRequests.length;
    expect(await api.auth.OAuth2.getToken({ scopes: ["api:read"] })).toMatchObject({ ok: true, tokens: { accessToken: seen[0] } });
    expect(tokenRequestsSince(cached)).toEqual([]);
    await as.revoke(seen[0]!, BASIC);

    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const res = await api.getMe();
    expect(data(res)).toEqual({ client_id: BASIC.id, scope: "api:read" });
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "client_credentials", clientId: BASIC.id, status: 200, basicAuth: true }]);
    expect(resourceRequestsSince(resources).map((r) => r.status)).toEqual([401, 200]);
    expect(seen).toHaveLength(2);
    expect(seen[1]).not.toBe(seen[0]);

    // The new token is cached: the next call asks for nothing.
    expect((await api.getMe()).ok).toBe(true);
    expect(tokenRequestsSince(tokens)).toHaveLength(1);
  });

  it("50 concurrent calls after revocation: 50 first 401s, one re-acquisition, 50 successes", async () => {
    const seen: string[] = [];
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret }, { onTokens: (_scheme, set) => void seen.push(set.accessToken) });
    expect((await api.getMe()).ok).toBe(true);
    await as.revoke(seen[0]!, BASIC);

    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const results = await Promise.all(Array.from({ length: 50 }, () => api.getMe()));
    expect(results.map((r) => r.ok)).toEqual(Array(50).fill(true));
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "client_credentials", clientId: BASIC.id, status: 200, basicAuth: true }]);
    const statuses = resourceRequestsSince(resources).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(50);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(seen).toHaveLength(2);
  });

  it("a set given with setTokens that the API refuses: invalidated after the 401, client credentials take over", async () => {
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret });
    await api.auth.OAuth2.setTokens({ accessToken: "forged-token", tokenType: "Bearer" });
    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    expect(data(await api.getMe())).toEqual({ client_id: BASIC.id, scope: "api:read" });
    expect(resourceRequestsSince(resources).map((r) => r.status)).toEqual([401, 200]);
    expect(tokenRequestsSince(tokens)).toHaveLength(1);
  });

  it("a token the API keeps refusing: one retry, never more, then kind auth with the RFC 6750 error", async () => {
    // A store that always hands out the same unknown token, whatever is deleted or set.
    const stuck: TokenStore = {
      get: async () => ({ accessToken: "never-issued", tokenType: "Bearer" }),
      set: async () => undefined,
      delete: async () => undefined,
    };
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret }, { tokenStore: stuck });
    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const res = await api.getMe();
    // The second 401's challenge (Bearer error="invalid_token") makes it an auth failure; the declared 401 is its cause.
    expect(res.ok ? undefined : res.error).toMatchObject({
      kind: "auth",
      reason: "unauthorized",
      httpStatus: 401,
      oauth: { error: "invalid_token" },
      cause: { kind: "http", status: 401 },
    });
    expect(resourceRequestsSince(resources).map((r) => r.status)).toEqual([401, 401]);
    expect(tokenRequestsSince(tokens)).toEqual([]);
  });

  it("a wrong secret with 50 concurrent calls: one token request, no retry storm, nothing sent to the API", async () => {
    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const api = client({ clientId: BASIC.id, clientSecret: CANARY });
    const results = await Promise.all(Array.from({ length: 50 }, () => api.getMe()));
    for (const res of results) expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", oauth: { error: "invalid_client" } });
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "client_credentials", clientId: BASIC.id, status: 401, basicAuth: true }]);
    expect(resourceRequestsSince(resources)).toEqual([]);
  });

  it("neither the secret nor the tokens show in util.inspect or JSON of a working client", async () => {
    const seen: TokenSet[] = [];
    const api = client({ clientId: BASIC.id, clientSecret: BASIC.secret }, { onTokens: (_scheme, set) => void seen.push(set) });
    const res = await api.getMe();
    expect(res.ok).toBe(true);
    expect(seen).toHaveLength(1);
    for (const shown of [inspect(api, { depth: 10, showHidden: true }), JSON.stringify(api), inspect(res, { depth: 10 }), JSON.stringify(res)]) {
      expect(shown).not.toContain(BASIC.secret);
      expect(shown).not.toContain(seen[0]!.accessToken);
    }
  });

  it("hooks see discovery, the token request (named by its scheme) and the call; never the secret or the token", async () => {
    const seen: TokenSet[] = [];
    const told: { hook: string; event: RequestEvent | ResponseEvent }[] = [];
    const api = client(
      { clientId: BASIC.id, clientSecret: BASIC.secret },
      {
        onTokens: (_scheme, set) => void seen.push(set),
        hooks: {
          onRequest: (event) => void told.push({ hook: "request", event }),
          onResponse: (event) => void told.push({ hook: "response", event }),
        },
      },
    );
    expect((await api.getMe()).ok).toBe(true);
    const line = ({ hook, event }: (typeof told)[number]) => {
      const request = "request" in event ? event.request : event;
      const what = request.operation ?? `scheme ${request.scheme}`;
      return `${hook} ${what} ${request.method} ${new URL(request.url).pathname}${"status" in event ? ` ${event.status}` : ""}`;
    };
    const tokenPath = new URL((await fetch(`${as.issuer}/.well-known/openid-configuration`).then((r) => r.json()) as { token_endpoint: string }).token_endpoint).pathname;
    expect(told.map(line)).toEqual([
      "request scheme OAuth2 GET /.well-known/oauth-authorization-server", // RFC 8414 §3 first
      "response scheme OAuth2 GET /.well-known/oauth-authorization-server 200",
      `request scheme OAuth2 POST ${tokenPath}`,
      `response scheme OAuth2 POST ${tokenPath} 200`,
      "request getMe GET /me",
      "response getMe GET /me 200",
    ]);
    const tokenRequest = told[2]!.event as RequestEvent;
    expect(tokenRequest.headers.authorization).toBe("[redacted]");
    expect(tokenRequest.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded\b/);
    const shown = JSON.stringify(told);
    expect(shown).not.toContain(BASIC.secret);
    expect(shown).not.toContain(Buffer.from(`${BASIC.id}:${BASIC.secret}`).toString("base64"));
    expect(shown).not.toContain(seen[0]!.accessToken);
  });

  it("a wrong secret: kind auth / invalid_client, and the secret appears nowhere", async () => {
    const resources = rs.requests.length;
    const api = client({ clientId: BASIC.id, clientSecret: CANARY });
    const res = await api.getMe();
    if (res.ok) throw new Error("expected a failure");
    expect(res.error.kind).toBe("auth");
    if (res.error.kind !== "auth") return;
    expect(res.error.oauth?.error).toBe("invalid_client");
    expect(res.error).toMatchObject({ reason: "token_request_failed", httpStatus: 401 });
    expect(resourceRequestsSince(resources)).toEqual([]);

    const token = await api.auth.OAuth2.getToken();
    expect(token).toMatchObject({ ok: false, error: { kind: "auth", oauth: { error: "invalid_client" } } });
    const forms = [CANARY, encodeURIComponent(CANARY), Buffer.from(`${BASIC.id}:${CANARY}`).toString("base64")];
    for (const shown of [
      JSON.stringify(res.error),
      res.error.message,
      inspect(res, { depth: 10, showHidden: true }),
      inspect(api, { depth: 10, showHidden: true }),
      JSON.stringify(api),
      JSON.stringify(token),
      inspect(token, { depth: 10, showHidden: true }),
    ]) {
      for (const form of forms) expect(shown).not.toContain(form);
    }
  });
});

describe("authorization code + PKCE through api.auth.OAuth2", () => {
  const SCOPES = ["openid", "offline_access", "api:read"] as const;

  async function signIn(api: ReturnType<typeof client>) {
    const request = await api.auth.OAuth2.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: SCOPES, extraParams: { prompt: "consent" } });
    const callbackUrl = await authorizeInBrowser(request.url, { login: "alice", consent: "accept" });
    return { ...request, callbackUrl };
  }

  it("authorizationUrl → login and consent → exchangeCode; calls then carry the user's token", async () => {
    const api = client({ clientId: WEB.id, clientSecret: WEB.secret });
    const request = await signIn(api);
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${as.issuer}/auth`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("scope")).toBe(SCOPES.join(" "));

    const tokens = as.tokenRequests.length;
    const resources = rs.requests.length;
    const exchanged = await api.auth.OAuth2.exchangeCode({ ...request, redirectUri: REDIRECT_URI });
    if (!exchanged.ok) throw new Error(exchanged.error.message);
    expect(exchanged.tokens).toMatchObject({ tokenType: "Bearer", scope: SCOPES.join(" ") });

    // The user's set is used even though a secret would allow client credentials.
    expect(data(await api.getMe())).toEqual({ client_id: WEB.id, sub: "alice", scope: SCOPES.join(" ") });
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "authorization_code", clientId: WEB.id, status: 200, basicAuth: true }]);
    expect(resourceRequestsSince(resources)).toEqual([
      { method: "GET", path: "/me", status: 200, authenticated: true, clientId: WEB.id, sub: "alice", scope: SCOPES.join(" ") },
    ]);
    // The user did not grant api:write: the resource server's 403 insufficient_scope comes back as kind auth.
    const write = await api.createThing({ body: { name: "x" } });
    expect(write.ok ? undefined : write.error).toMatchObject({
      kind: "auth",
      reason: "unauthorized",
      httpStatus: 403,
      oauth: { error: "insufficient_scope" },
      cause: { kind: "http", status: 403 },
    });
    expect(await api.auth.OAuth2.getToken()).toMatchObject({ ok: true, tokens: { accessToken: exchanged.tokens.accessToken } });

    // clear() forgets the user's set: the client falls back to client credentials.
    await api.auth.OAuth2.clear();
    const machine = data(await api.getMe());
    expect(machine).toEqual({ client_id: WEB.id, scope: "api:read" });
    expect(fetched.filter((u) => u.startsWith(DEAD))).toEqual([]);
  });

  it("a wrong state is rejected before the code is sent; the right one still works", async () => {
    const api = client({ clientId: WEB.id, clientSecret: WEB.secret });
    const request = await signIn(api);
    const tokens = as.tokenRequests.length;
    const wrong = await api.auth.OAuth2.exchangeCode({ ...request, state: "forged-state", redirectUri: REDIRECT_URI });
    expect(wrong).toMatchObject({ ok: false, error: { kind: "auth", reason: "state_mismatch" } });
    expect(tokenRequestsSince(tokens)).toEqual([]);
    expect((await api.auth.OAuth2.exchangeCode({ ...request, redirectUri: REDIRECT_URI })).ok).toBe(true);
    expect(data(await api.getMe())).toMatchObject({ sub: "alice" });
  });

  it("onTokens and a custom tokenStore receive the sets, from exchangeCode and from refreshes", async () => {
    const stored: [string, TokenSet][] = [];
    const map = new Map<string, TokenSet>();
    const tokenStore: TokenStore = {
      get: async (key) => map.get(key),
      set: async (key, set) => {
        stored.push([key, set]);
        map.set(key, set);
      },
      delete: async (key) => void map.delete(key),
    };
    const notified: [string, TokenSet][] = [];
    const api = client(
      { clientId: WEB.id, clientSecret: WEB.secret, flow: "authorizationCode" },
      { tokenStore, onTokens: (scheme, set) => void notified.push([scheme, set]) },
    );
    const exchanged = await api.auth.OAuth2.exchangeCode({ ...(await signIn(api)), redirectUri: REDIRECT_URI });
    if (!exchanged.ok) throw new Error(exchanged.error.message);
    expect(notified).toEqual([["OAuth2", exchanged.tokens]]);
    expect(stored).toHaveLength(1);
    expect(stored[0]![1]).toEqual(exchanged.tokens);
    const [key] = stored[0]!;

    // Make the stored set expire: the next call refreshes it by itself (RFC 6749 §6), with rotation.
    map.set(key, { ...exchanged.tokens, expiresAt: Date.now() - 1 });
    const tokens = as.tokenRequests.length;
    expect(data(await api.getMe())).toMatchObject({ sub: "alice" });
    expect(tokenRequestsSince(tokens)).toEqual([{ grantType: "refresh_token", clientId: WEB.id, status: 200, basicAuth: true }]);
    expect(notified).toHaveLength(2);
    expect(stored).toHaveLength(2);
    const refreshed = notified[1]![1];
    expect(stored[1]).toEqual([key, refreshed]);
    expect(refreshed.accessToken).not.toBe(exchanged.tokens.accessToken);
    expect(refreshed.refreshToken).toBeTypeOf("string");
    expect(refreshed.refreshToken).not.toBe(exchanged.tokens.refreshToken);
  });
});

describe("regressions", () => {
  it("a rejected token that cannot be renewed surfaces the API's 401, not 'missing credentials'", async () => {
    const api = client({ clientId: WEB.id });
    await api.auth.OAuth2.setTokens({ accessToken: "never-issued", tokenType: "Bearer" });
    const before = rs.requests.length;
    const res = await api.getMe();
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "unauthorized", httpStatus: 401, oauth: { error: "invalid_token" } });
    expect(rs.requests.length - before).toBe(1);
  });
});
