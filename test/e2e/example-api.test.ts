/**
 * Seed 004 (api.example.com) through the committed client generated/example-api, against a
 * stand-in (test/support/example-api-server.ts) that serves the seed's token endpoint
 * (oidc-provider at `/oauth2/token`, client_secret_post only) and its API on one origin.
 *
 * The document's tokenUrl is relative (`/oauth2/token`), so the clients here reach the
 * stand-in's token endpoint through `baseUrl` alone: no issuer, no discovery, as the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type AuthOptions, type Options, type TokenSet } from "../../generated/example-api/index.js";
import { authorizeInBrowser } from "../support/browser.js";
import {
  API_KEY,
  API_KEY_NOT_FOR_DATA,
  DATA,
  MACHINE,
  USERS,
  WEB_APP,
  WEB_APP_REDIRECT_URI,
  startExampleApi,
  type ExampleApiServer,
} from "../support/example-api-server.js";

let server: ExampleApiServer;
/** Every URL the clients of this file fetched. */
const fetched: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  fetched.push(input instanceof Request ? input.url : String(input));
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startExampleApi();
});
afterAll(async () => {
  await server?.close();
});

function client(auth: AuthOptions, options: Omit<Options, "auth" | "baseUrl"> = {}, on: ExampleApiServer = server) {
  return createClient({ baseUrl: on.origin, fetch: recordingFetch, ...options, auth });
}

/** What happened at the stand-in during `run`. */
async function observe<T>(run: () => Promise<T>, on: ExampleApiServer = server) {
  const [tokens, details, api, urls] = [on.as.tokenRequests.length, on.as.tokenRequestDetails.length, on.apiRequests.length, fetched.length];
  const result = await run();
  return {
    result,
    tokenRequests: on.as.tokenRequests.slice(tokens),
    tokenRequestDetails: on.as.tokenRequestDetails.slice(details),
    apiRequests: on.apiRequests.slice(api),
    fetched: fetched.slice(urls),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("client credentials, as the seed's token request shows", () => {
  it("POST /oauth2/token with grant_type, client_id and client_secret in a form body, no Basic header; then GET /v1/users with the bearer token", async () => {
    const issued: TokenSet[] = [];
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } }, { onTokens: (_s, set) => void issued.push(set) });
    const seen = await observe(() => api.listUsers());

    expect(seen.result.ok ? seen.result.data : seen.result.error).toEqual({ users: USERS });
    expect(seen.fetched).toEqual([`${server.origin}/oauth2/token`, `${server.origin}/v1/users`]);
    expect(seen.tokenRequestDetails).toHaveLength(1);
    const token = seen.tokenRequestDetails[0]!;
    expect(token.contentType?.split(";")[0]).toBe("application/x-www-form-urlencoded");
    expect(token.authorization).toBeUndefined();
    expect(token.body).toEqual({ grant_type: "client_credentials", client_id: MACHINE.id, client_secret: MACHINE.secret });
    expect(token.status).toBe(200);

    expect(issued).toHaveLength(1);
    const [call] = seen.apiRequests;
    expect(call).toMatchObject({ method: "GET", path: "/v1/users", status: 200, principal: MACHINE.id, query: {} });
    expect(call!.headers.authorization).toBe(`Bearer ${issued[0]!.accessToken}`);
    expect(call!.headers["x-api-key"]).toBeUndefined();
  });

  it("the token is cached: a second call sends no token request", async () => {
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } });
    expect((await api.listUsers()).ok).toBe(true);
    const seen = await observe(() => api.listUsers());
    expect(seen.result.ok).toBe(true);
    expect(seen.tokenRequests).toEqual([]);
    expect(seen.apiRequests.map((r) => r.status)).toEqual([200]);
  });

  it("the stand-in refuses client credentials in a Basic header: overriding the declared method fails with invalid_client", async () => {
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret, tokenEndpointAuthMethod: "client_secret_basic" } });
    const seen = await observe(() => api.listUsers());
    expect(seen.result.ok ? undefined : seen.result.error).toMatchObject({ kind: "auth", reason: "token_request_failed", oauth: { error: "invalid_client" } });
    // Refused before the body is read: the stand-in records neither grant nor client.
    expect(seen.tokenRequests).toEqual([{ grantType: undefined, clientId: undefined, status: 401, basicAuth: true }]);
    expect(seen.apiRequests).toEqual([]);
  });

  it("a wrong secret: kind auth / invalid_client, and nothing reaches the API", async () => {
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: "not-the-secret" } });
    const seen = await observe(() => api.listUsers());
    expect(seen.result.ok ? undefined : seen.result.error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 401, oauth: { error: "invalid_client" } });
    expect(seen.apiRequests).toEqual([]);
  });
});

describe("the legacy X-API-Key, only where the document declares it", () => {
  it("GET /v1/data sends X-API-Key and no Authorization; GET /v1/users sends the bearer token and no X-API-Key", async () => {
    const api = client({ ApiKey: API_KEY, OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } });
    const data = await observe(() => api.getData());
    expect(data.result.ok ? data.result.data : data.result.error).toEqual(DATA);
    // The API key operation needs no token: none is asked for.
    expect(data.tokenRequests).toEqual([]);
    expect(data.apiRequests).toHaveLength(1);
    expect(data.apiRequests[0]).toMatchObject({ path: "/v1/data", status: 200, principal: `api-key:${API_KEY}`, query: {} });
    expect(data.apiRequests[0]!.headers["x-api-key"]).toBe(API_KEY);
    expect(data.apiRequests[0]!.headers.authorization).toBeUndefined();
    expect(data.apiRequests[0]!.headers.cookie).toBeUndefined();

    const users = await observe(() => api.listUsers());
    expect(users.result.ok).toBe(true);
    expect(users.apiRequests).toHaveLength(1);
    expect(users.apiRequests[0]!.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(users.apiRequests[0]!.headers["x-api-key"]).toBeUndefined();
  });

  it("a key the legacy service refuses comes back as the declared 403; an unknown key as the declared 401", async () => {
    const forbidden = await client({ ApiKey: API_KEY_NOT_FOR_DATA }).getData();
    expect(forbidden.ok ? undefined : forbidden.error).toMatchObject({ kind: "http", status: 403, httpStatus: 403 });
    const unknown = await client({ ApiKey: "no-such-key" }).getData();
    expect(unknown.ok ? undefined : unknown.error).toMatchObject({ kind: "http", status: 401, httpStatus: 401 });
  });

  it("a function credential is called for each call", async () => {
    let calls = 0;
    const api = client({ ApiKey: async () => (calls++, API_KEY) });
    expect((await api.getData()).ok).toBe(true);
    expect((await api.getData()).ok).toBe(true);
    expect(calls).toBe(2);
  });
});

describe("a missing credential fails with kind auth before anything is sent", () => {
  it("only an API key configured: listUsers (OAuth2) sends nothing, names OAuth2", async () => {
    const seen = await observe(() => client({ ApiKey: API_KEY }).listUsers());
    expect(seen.result.ok ? undefined : seen.result.error).toMatchObject({ kind: "auth", reason: "missing_credentials", schemes: ["OAuth2"] });
    expect(seen.fetched).toEqual([]);
    expect(seen.apiRequests).toEqual([]);
    expect(seen.tokenRequests).toEqual([]);
  });

  it("only OAuth2 configured: getData (ApiKey) sends nothing, names ApiKey", async () => {
    const seen = await observe(() => client({ OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } }).getData());
    expect(seen.result.ok ? undefined : seen.result.error).toMatchObject({ kind: "auth", reason: "missing_credentials", schemes: ["ApiKey"] });
    expect(seen.fetched).toEqual([]);
    expect(seen.apiRequests).toEqual([]);
    expect(seen.tokenRequests).toEqual([]);
  });

  it("a web app client without a signed-in user (no secret for client credentials) sends nothing", async () => {
    const seen = await observe(() => client({ OAuth2: { clientId: WEB_APP.id } }).listUsers());
    expect(seen.result.ok ? undefined : seen.result.error).toMatchObject({ kind: "auth", reason: "missing_credentials" });
    expect(seen.fetched).toEqual([]);
  });
});

describe("authorization code for web apps", () => {
  async function signIn(api: ReturnType<typeof client>) {
    const request = await api.auth.OAuth2.authorizationUrl({ redirectUri: WEB_APP_REDIRECT_URI });
    const callbackUrl = await authorizeInBrowser(request.url, { login: "alice", consent: "accept" });
    return { ...request, callbackUrl, redirectUri: WEB_APP_REDIRECT_URI };
  }

  it("authorizationUrl at /oauth2/authorize (PKCE S256) → login and consent → exchangeCode with client_secret_post → the user's token on GET /v1/users", async () => {
    const api = client({ OAuth2: { clientId: WEB_APP.id, clientSecret: WEB_APP.secret, flow: "authorizationCode" } });
    const request = await signIn(api);
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.origin}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: WEB_APP.id,
      redirect_uri: WEB_APP_REDIRECT_URI,
      code_challenge_method: "S256",
      state: request.state,
    });
    expect(new URL(request.callbackUrl).searchParams.get("code")).toBeTypeOf("string");

    const exchange = await observe(() => api.auth.OAuth2.exchangeCode(request));
    if (!exchange.result.ok) throw new Error(exchange.result.error.message);
    expect(exchange.result.tokens.refreshToken).toBeTypeOf("string");
    expect(exchange.tokenRequestDetails).toHaveLength(1);
    const sent = exchange.tokenRequestDetails[0]!;
    expect(sent.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      grant_type: "authorization_code",
      code: new URL(request.callbackUrl).searchParams.get("code"),
      redirect_uri: WEB_APP_REDIRECT_URI,
      code_verifier: request.codeVerifier,
      client_id: WEB_APP.id,
      client_secret: WEB_APP.secret,
    });
    expect(sent.status).toBe(200);

    const call = await observe(() => api.listUsers());
    expect(call.result.ok).toBe(true);
    expect(call.tokenRequests).toEqual([]);
    expect(call.apiRequests).toMatchObject([{ path: "/v1/users", status: 200, principal: WEB_APP.id, sub: "alice" }]);
    expect(call.apiRequests[0]!.headers.authorization).toBe(`Bearer ${exchange.result.tokens.accessToken}`);
  });
});

describe("expiry, with real short-lived tokens (3 s access tokens)", () => {
  let short: ExampleApiServer;
  /** Past the lifetime at both ends: the client keeps a 3 s token for 2.7 s, the server for at most 3 s. */
  const EXPIRE = 3_100;

  beforeAll(async () => {
    short = await startExampleApi({ accessTokenTtl: 3 });
  });
  afterAll(async () => {
    await short?.close();
  });

  it("authorization code: an expired access token is refreshed by itself, and the rotated refresh token is the one used next", async () => {
    const sets: TokenSet[] = [];
    const api = client({ OAuth2: { clientId: WEB_APP.id, clientSecret: WEB_APP.secret } }, { onTokens: (_s, set) => void sets.push(set) }, short);
    const request = await api.auth.OAuth2.authorizationUrl({ redirectUri: WEB_APP_REDIRECT_URI });
    const callbackUrl = await authorizeInBrowser(request.url, { login: "bob", consent: "accept" });
    const exchanged = await api.auth.OAuth2.exchangeCode({ ...request, callbackUrl, redirectUri: WEB_APP_REDIRECT_URI });
    if (!exchanged.ok) throw new Error(exchanged.error.message);
    const first = exchanged.tokens;
    expect((await api.listUsers()).ok).toBe(true);

    await sleep(EXPIRE);
    // The access token really expired at the server.
    const stale = await fetch(`${short.origin}/v1/users`, { headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(stale.status).toBe(401);

    const refreshed = await observe(() => api.listUsers(), short);
    expect(refreshed.result.ok).toBe(true);
    expect(refreshed.tokenRequestDetails.map((d) => d.body)).toEqual([
      { grant_type: "refresh_token", refresh_token: first.refreshToken, client_id: WEB_APP.id, client_secret: WEB_APP.secret },
    ]);
    expect(refreshed.tokenRequestDetails[0]!.authorization).toBeUndefined();
    expect(refreshed.tokenRequestDetails[0]!.status).toBe(200);
    // One API call, with the new token: the expired one was never sent.
    expect(refreshed.apiRequests.map((r) => [r.status, r.sub])).toEqual([[200, "bob"]]);
    const second = sets.at(-1)!;
    expect(sets).toHaveLength(2);
    expect(refreshed.apiRequests[0]!.headers.authorization).toBe(`Bearer ${second.accessToken}`);
    expect(second.refreshToken).toBeTypeOf("string");
    expect(second.refreshToken).not.toBe(first.refreshToken);

    await sleep(EXPIRE);
    const again = await observe(() => api.listUsers(), short);
    expect(again.result.ok).toBe(true);
    // Rotation honoured: the second refresh sends the refresh token of the first refresh.
    expect(again.tokenRequestDetails.map((d) => [d.body["refresh_token"], d.status])).toEqual([[second.refreshToken, 200]]);
    expect(sets).toHaveLength(3);

    // And the first refresh token is dead at the server (rotated away).
    const reuse = await fetch(`${short.origin}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: first.refreshToken!, client_id: WEB_APP.id, client_secret: WEB_APP.secret }),
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("client credentials: an expired token is re-acquired (no refresh token for this grant)", async () => {
    const sets: TokenSet[] = [];
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } }, { onTokens: (_s, set) => void sets.push(set) }, short);
    expect((await api.listUsers()).ok).toBe(true);
    expect(sets).toHaveLength(1);
    expect(sets[0]!.refreshToken).toBeUndefined();
    await sleep(EXPIRE);
    const seen = await observe(() => api.listUsers(), short);
    expect(seen.result.ok).toBe(true);
    expect(seen.tokenRequests).toEqual([{ grantType: "client_credentials", clientId: MACHINE.id, status: 200, basicAuth: false }]);
    expect(seen.apiRequests.map((r) => r.status)).toEqual([200]);
    expect(seen.apiRequests[0]!.headers.authorization).toBe(`Bearer ${sets[1]!.accessToken}`);
    expect(sets[1]!.accessToken).not.toBe(sets[0]!.accessToken);
  });
});
