/**
 * Authorization code + PKCE (RFC 6749 §4.1, RFC 7636) and refresh (§6) against
 * oidc-provider, driving its login and consent pages with plain HTTP requests.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calculatePKCECodeChallenge, type OAuth2SchemeAuth, type OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { MemoryTokenStore } from "../../src/runtime/token-store.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { authorizeInBrowser } from "../support/browser.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import { bearer, clock, expectApplied, expectAuthError, makeAuth } from "./helpers.js";

const REDIRECT_URI = "https://client.example/callback";
const WEB = { id: "web-app", secret: "web-app-secret-0123456789abcdef" };
const HYBRID = { id: "hybrid-app", secret: "hybrid-app-secret-0123456789abcdef" };
const SCOPES = ["openid", "offline_access", "api:read"];
/** oidc-provider issues refresh tokens for offline_access only with prompt=consent (OIDC Core §11). */
const CONSENT = { prompt: "consent" };

let as: AuthorizationServer;
let rs: ResourceServer;
let spec: OAuth2SchemeSpec;
/** The authorization code flow alone: nothing to fall back to once the user's set is gone. */
let codeSpec: OAuth2SchemeSpec;

beforeAll(async () => {
  const code = {
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: [REDIRECT_URI],
  };
  as = await startAuthorizationServer({
    clients: [
      { client_id: WEB.id, client_secret: WEB.secret, ...code },
      { client_id: "spa", token_endpoint_auth_method: "none", ...code },
      {
        client_id: HYBRID.id,
        client_secret: HYBRID.secret,
        ...code,
        grant_types: ["authorization_code", "refresh_token", "client_credentials"],
      },
    ],
  });
  rs = await startResourceServer(as);
  spec = {
    type: "oauth2",
    flows: {
      authorizationCode: {
        authorizationUrl: `${as.issuer}/auth`,
        tokenUrl: `${as.issuer}/token`,
        scopes: SCOPES,
      },
      clientCredentials: { tokenUrl: `${as.issuer}/token`, scopes: [] },
    },
  };
  codeSpec = { type: "oauth2", flows: { authorizationCode: spec.flows.authorizationCode! } };
});

afterAll(async () => {
  await rs?.close();
  await as?.close();
});

/** Sign "alice" in through a fresh authorization request; returns the callback and the request's secrets. */
async function signIn(auth: OAuth2SchemeAuth, consent: "accept" | "abort" = "accept") {
  const request = await auth.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: SCOPES, extraParams: CONSENT });
  const callbackUrl = await authorizeInBrowser(request.url, { login: "alice", consent });
  return { ...request, callbackUrl };
}

describe("authorizationUrl", () => {
  it("builds an RFC 6749 §4.1.1 request with an S256 challenge of the returned verifier and a fresh state", async () => {
    const auth = makeAuth(spec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url });
    const a = await auth.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: ["api:read"] });
    const b = await auth.authorizationUrl({ redirectUri: REDIRECT_URI });
    const url = new URL(a.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${as.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: WEB.id,
      redirect_uri: REDIRECT_URI,
      scope: "api:read",
      state: a.state,
      code_challenge: await calculatePKCECodeChallenge(a.codeVerifier),
      code_challenge_method: "S256",
    });
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.state).not.toBe(a.state);
    expect(b.codeVerifier).not.toBe(a.codeVerifier);
  });

  it("keeps a given state, adds extraParams, and never lets them replace the protocol's own", async () => {
    const auth = makeAuth(spec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url });
    const r = await auth.authorizationUrl({
      redirectUri: REDIRECT_URI,
      state: "my-state",
      extraParams: { login_hint: "alice", code_challenge_method: "plain", client_id: "evil", state: "x" },
    });
    const params = new URL(r.url).searchParams;
    expect(r.state).toBe("my-state");
    expect(params.get("state")).toBe("my-state");
    expect(params.get("login_hint")).toBe("alice");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("client_id")).toBe(WEB.id);
  });

  it("resolves a relative authorizationUrl against the base URL (OpenAPI 3.1)", async () => {
    const relative: OAuth2SchemeSpec = {
      type: "oauth2",
      flows: { authorizationCode: { authorizationUrl: "/auth", tokenUrl: "/token", scopes: [] } },
    };
    const auth = makeAuth(relative, { clientId: WEB.id }, { baseUrl: `${as.issuer}/api/v1` });
    expect((await auth.authorizationUrl({ redirectUri: REDIRECT_URI })).url.startsWith(`${as.issuer}/auth?`)).toBe(true);
  });

  it("refuses a plain-http authorization endpoint on a non-loopback host", async () => {
    const insecure: OAuth2SchemeSpec = {
      type: "oauth2",
      flows: { authorizationCode: { authorizationUrl: "http://as.example/auth", tokenUrl: "http://as.example/token", scopes: [] } },
    };
    const auth = makeAuth(insecure, { clientId: WEB.id }, { baseUrl: rs.url });
    await expect(auth.authorizationUrl({ redirectUri: REDIRECT_URI })).rejects.toMatchObject({
      cause: { kind: "auth", reason: "insecure_transport" },
    });
  });
});

describe("exchangeCode", () => {
  it("runs login and consent, exchanges the code with client_secret_basic, and the token is accepted", async () => {
    const before = as.tokenRequests.length;
    const seen: string[] = [];
    const auth = makeAuth(
      spec,
      { clientId: WEB.id, clientSecret: WEB.secret },
      { baseUrl: rs.url, onTokens: (_scheme, tokens) => void seen.push(tokens.accessToken) },
    );
    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    const callback = new URL(callbackUrl);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("iss")).toBe(as.issuer);

    const result = await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.tokens).toMatchObject({ tokenType: "Bearer", scope: "openid offline_access api:read" });
    expect(result.tokens.refreshToken).toBeTypeOf("string");
    expect(result.tokens.idToken).toBeTypeOf("string");
    expect(seen).toEqual([result.tokens.accessToken]);

    const applied = expectApplied(await auth.apply([]));
    expect(bearer(applied)).toBe(result.tokens.accessToken);
    const res = await rs.get(applied.headers);
    expect(await res.json()).toMatchObject({ sub: "alice", client_id: WEB.id });
    expect(as.tokenRequests.slice(before)).toEqual([
      { grantType: "authorization_code", clientId: WEB.id, status: 200, basicAuth: true },
    ]);
  });

  it("rejects a callback whose state is not the request's, sending nothing; the code still works after", async () => {
    const auth = makeAuth(spec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url });
    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    const before = as.tokenRequests.length;
    const wrong = await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state: "forged", codeVerifier });
    expect(wrong).toMatchObject({ ok: false, error: { kind: "auth", reason: "state_mismatch" } });
    expect(as.tokenRequests.length).toBe(before);
    // The code was never sent, so the genuine exchange still succeeds.
    expect((await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier })).ok).toBe(true);
  });

  it("turns an error= callback (the user aborts at consent) into authorization_denied with its OAuth fields", async () => {
    const auth = makeAuth(spec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url });
    const { callbackUrl, state, codeVerifier } = await signIn(auth, "abort");
    expect(new URL(callbackUrl).searchParams.get("error")).toBe("access_denied");
    const result = await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: "auth",
        reason: "authorization_denied",
        oauth: { error: "access_denied", error_description: "End-User aborted interaction" },
      },
    });
  });

  it("a public client (method none) exchanges with PKCE alone; a wrong verifier is refused without leaking", async () => {
    const auth = makeAuth(spec, { clientId: "spa" }, { baseUrl: rs.url });
    const first = await signIn(auth);
    const bad = await auth.exchangeCode({ ...first, redirectUri: REDIRECT_URI, codeVerifier: "x".repeat(43) });
    expect(bad).toMatchObject({ ok: false, error: { reason: "token_request_failed", oauth: { error: "invalid_grant" } } });
    const code = new URL(first.callbackUrl).searchParams.get("code")!;
    for (const shown of [JSON.stringify(bad), inspect(bad, { depth: Infinity })]) {
      expect(shown).not.toContain(code);
      expect(shown).not.toContain("x".repeat(43));
    }

    const second = await signIn(auth);
    const good = await auth.exchangeCode({ ...second, redirectUri: REDIRECT_URI });
    expect(good.ok).toBe(true);
    expect(as.tokenRequests.at(-1)).toEqual({ grantType: "authorization_code", clientId: "spa", status: 200, basicAuth: false });
    expect((await rs.get(expectApplied(await auth.apply([])).headers)).status).toBe(200);
  });
});

describe("refresh", () => {
  it("refreshes an expired token by itself, takes the rotated refresh token, and the old one is dead at the server", async () => {
    const time = clock();
    const store = new MemoryTokenStore();
    const seen: string[] = [];
    const auth = makeAuth(
      codeSpec,
      { clientId: WEB.id, clientSecret: WEB.secret },
      { baseUrl: rs.url, now: time.now, tokenStore: store, onTokens: (_s, t) => void seen.push(t.accessToken) },
    );
    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    const exchanged = await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier });
    if (!exchanged.ok) throw new Error(exchanged.error.message);
    const oldRefresh = exchanged.tokens.refreshToken!;

    time.advance(3_600_000);
    const before = as.tokenRequests.length;
    const refreshed = expectApplied(await auth.apply([]));
    expect(bearer(refreshed)).not.toBe(exchanged.tokens.accessToken);
    expect(as.tokenRequests.slice(before)).toEqual([{ grantType: "refresh_token", clientId: WEB.id, status: 200, basicAuth: true }]);
    expect((await rs.get(refreshed.headers)).status).toBe(200);

    const current = await auth.getToken();
    if (!current.ok) throw new Error(current.error.message);
    expect(current.tokens.refreshToken).toBeTypeOf("string");
    expect(current.tokens.refreshToken).not.toBe(oldRefresh);
    expect(current.tokens.idToken).toBe(exchanged.tokens.idToken);
    expect(seen).toEqual([exchanged.tokens.accessToken, bearer(refreshed)]);

    // The rotated-out refresh token no longer works at the server...
    const reuse = await fetch(`${as.issuer}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${WEB.id}:${WEB.secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: oldRefresh }),
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: "invalid_grant" });

    // ...and oidc-provider treats that reuse as theft, revoking the whole grant: the next
    // refresh fails with invalid_grant, which clears the set and surfaces kind "auth".
    time.advance(3_600_000);
    const failed = expectAuthError(await auth.apply([]));
    expect(failed).toMatchObject({ kind: "auth", reason: "token_request_failed", oauth: { error: "invalid_grant" } });
    expect(await store.get("OAuth2 user")).toBeUndefined();
    expect(await auth.getToken()).toMatchObject({ ok: false, error: { reason: "missing_credentials" } });
  });

  it("concurrent calls with an expired token share one refresh", async () => {
    const time = clock();
    const auth = makeAuth(spec, { clientId: "spa" }, { baseUrl: rs.url, now: time.now });
    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    expect((await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier })).ok).toBe(true);
    time.advance(3_600_000);
    const before = as.tokenRequests.length;
    const results = await Promise.all(Array.from({ length: 20 }, () => auth.apply([])));
    expect(new Set(results.map((r) => bearer(expectApplied(r)))).size).toBe(1);
    expect(as.tokenRequests.slice(before).map((r) => r.grantType)).toEqual(["refresh_token"]);
  });

  it("invalidate() after a 401 keeps the refresh token and refreshes once", async () => {
    const auth = makeAuth(codeSpec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url });
    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    expect((await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier })).ok).toBe(true);
    const first = expectApplied(await auth.apply([]));
    // The API refused the token (whatever its reason): the pipeline calls invalidate().
    await first.invalidate?.();
    const before = as.tokenRequests.length;
    const second = expectApplied(await auth.apply([]));
    expect(bearer(second)).not.toBe(bearer(first));
    expect((await rs.get(second.headers)).status).toBe(200);
    expect(as.tokenRequests.slice(before).map((r) => r.grantType)).toEqual(["refresh_token"]);
  });

  it("after server-side revocation of the access token, one refresh attempt fails invalid_grant and the set is cleared", async () => {
    const store = new MemoryTokenStore();
    const auth = makeAuth(codeSpec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url, tokenStore: store });
    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    expect((await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier })).ok).toBe(true);
    const first = expectApplied(await auth.apply([]));
    // oidc-provider revokes every token of the grant, the refresh token included.
    await as.revoke(bearer(first), WEB);
    expect((await rs.get(first.headers)).status).toBe(401);
    await first.invalidate?.();
    const before = as.tokenRequests.length;
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "token_request_failed", oauth: { error: "invalid_grant" } });
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "missing_credentials" });
    expect(as.tokenRequests.slice(before).map((r) => r.grantType)).toEqual(["refresh_token"]);
    expect(await store.get("OAuth2 user")).toBeUndefined();
  });
});

describe("several flows on one scheme", () => {
  it("uses the user's set while it lasts, client credentials otherwise, and flow pins one", async () => {
    const store = new MemoryTokenStore();
    const credential = { clientId: HYBRID.id, clientSecret: HYBRID.secret };
    const auth = makeAuth(spec, credential, { baseUrl: rs.url, tokenStore: store });

    const machine = expectApplied(await auth.apply([]));
    expect(await (await rs.get(machine.headers)).json()).not.toHaveProperty("sub");

    const { callbackUrl, state, codeVerifier } = await signIn(auth);
    expect((await auth.exchangeCode({ callbackUrl, redirectUri: REDIRECT_URI, state, codeVerifier })).ok).toBe(true);
    const user = expectApplied(await auth.apply([]));
    expect(await (await rs.get(user.headers)).json()).toMatchObject({ sub: "alice" });

    const pinned = makeAuth(spec, { ...credential, flow: "clientCredentials" }, { baseUrl: rs.url, tokenStore: store });
    expect(await (await rs.get(expectApplied(await pinned.apply([])).headers)).json()).not.toHaveProperty("sub");

    await auth.clear();
    const userOnly = makeAuth(spec, { ...credential, flow: "authorizationCode" }, { baseUrl: rs.url, tokenStore: store });
    expect(expectAuthError(await userOnly.apply([]))).toMatchObject({ reason: "missing_credentials" });
  });

  it("setTokens() stores a set that apply() uses; clear() forgets it", async () => {
    const auth = makeAuth(spec, { clientId: "spa" }, { baseUrl: rs.url });
    await auth.setTokens({ accessToken: "given-token", tokenType: "bearer" });
    expect(expectApplied(await auth.apply(["api:read"])).headers).toEqual({ authorization: "Bearer given-token" });
    expect(await auth.getToken()).toMatchObject({ ok: true, tokens: { accessToken: "given-token" } });
    await auth.clear();
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "missing_credentials" });
  });
});
