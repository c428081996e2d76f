/**
 * Seed 000 (1inch Business API) through the committed client generated/1inch, against a
 * stand-in gateway (test/support/1inch-server.ts) that is its own OAuth 2.1 authorization
 * server (oidc-provider) on one origin.
 *
 * The document declares the issuer https://api.1inch.com on the OAuth2 scheme; the clients
 * here override it with the credential's `issuer` (the stand-in's origin), and a recording
 * `fetch` proves nothing is ever sent to api.1inch.com.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient, type AuthOptions, type Options, type TokenSet, type TokenStore } from "../../generated/1inch/index.js";
import { authorizeInBrowser } from "../support/browser.js";
import {
  API_KEY,
  APPLICATION_ID,
  MACHINE,
  PORTAL_ACCESS_TOKEN,
  REDIRECT_URI,
  TOKENS,
  WEB,
  startOneInch,
  type OneInchServer,
} from "../support/1inch-server.js";

const VENDOR = "https://api.1inch.com";
let server: OneInchServer;
const fetched: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  fetched.push(input instanceof Request ? input.url : String(input));
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startOneInch();
});
afterAll(async () => {
  await server?.close();
  // Nothing of this file ever reached the vendor's real origin.
  expect(fetched.filter((url) => url.startsWith(VENDOR))).toEqual([]);
});

type OAuthCredential = NonNullable<AuthOptions["OAuth2"]>;

/** A client of the stand-in; an OAuth2 credential gets the stand-in as its issuer. */
function client(auth: AuthOptions, options: Omit<Options, "auth" | "baseUrl"> = {}) {
  const oauth = auth.OAuth2 !== undefined ? { OAuth2: { issuer: server.origin, ...auth.OAuth2 } } : {};
  return createClient({ baseUrl: server.origin, fetch: recordingFetch, ...options, auth: { ...auth, ...oauth } });
}

async function observe<T>(run: () => Promise<T>) {
  const [api, tokens, details, as, urls, ws] = [
    server.apiRequests.length,
    server.as.tokenRequests.length,
    server.as.tokenRequestDetails.length,
    server.as.requests.length,
    fetched.length,
    server.handshakes.length,
  ];
  const result = await run();
  return {
    result,
    apiRequests: server.apiRequests.slice(api),
    tokenRequests: server.as.tokenRequests.slice(tokens),
    tokenRequestDetails: server.as.tokenRequestDetails.slice(details),
    /** Every request line that reached the origin (API, OAuth, handshakes excluded). */
    requests: server.as.requests.slice(as),
    fetched: fetched.slice(urls),
    handshakes: server.handshakes.slice(ws),
  };
}

/** A WebSocket opening handshake (RFC 6455 §4.1) with node:http; the connection is dropped after the answer. */
function openWebSocket(url: URL, headers: Readonly<Record<string, string>>) {
  const key = randomBytes(16).toString("base64");
  const expectedAccept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
  const target = new URL(url);
  target.protocol = target.protocol === "wss:" ? "https:" : "http:";
  return new Promise<{ status: number | undefined; accepted: boolean; requestId: string | undefined }>((resolve, reject) => {
    const req = http.request(target, {
      headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": key, ...headers },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode, accepted: res.headers["sec-websocket-accept"] === expectedAccept, requestId: res.headers["x-request-id"] as string });
    });
    req.on("response", (res) => {
      res.resume();
      resolve({ status: res.statusCode, accepted: false, requestId: res.headers["x-request-id"] as string });
    });
    req.on("error", reject);
    req.end();
  });
}

/** wss://api.1inch.com/web3/{chain}, on the stand-in, with the query parameters credentialsFor returned. */
function web3Url(chain: number, query: Readonly<Record<string, string>>): URL {
  const url = new URL(`/web3/${chain}`, server.origin.replace(/^http/, "ws"));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}

describe("API key: Authorization: Bearer header or apiKey query, as alternatives", () => {
  it("the header form: Authorization: Bearer <key>, no apiKey query, nothing else", async () => {
    const seen = await observe(() => client({ ApiKeyHeader: API_KEY }).getTokens({ path: { chain: 1 } }));
    expect(seen.result.ok ? seen.result.data : seen.result.error).toEqual({ tokens: TOKENS });
    expect(seen.fetched).toEqual([`${server.origin}/swap/v5.2/1/tokens`]);
    expect(seen.apiRequests).toHaveLength(1);
    const [call] = seen.apiRequests;
    expect(call).toMatchObject({ method: "GET", path: "/swap/v5.2/1/tokens", query: {}, status: 200, principal: `api-key:${API_KEY}` });
    expect(call!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(call!.headers.cookie).toBeUndefined();
    expect(seen.tokenRequests).toEqual([]);
  });

  it("the query form: ?apiKey=<key>, no Authorization header, nothing else", async () => {
    const seen = await observe(() => client({ ApiKeyQuery: API_KEY }).getTokens({ path: { chain: 1 } }));
    expect(seen.result.ok).toBe(true);
    expect(seen.fetched).toEqual([`${server.origin}/swap/v5.2/1/tokens?apiKey=${API_KEY}`]);
    const [call] = seen.apiRequests;
    expect(call).toMatchObject({ query: { apiKey: API_KEY }, status: 200, principal: `api-key:${API_KEY}` });
    expect(call!.headers.authorization).toBeUndefined();
    expect(call!.headers.cookie).toBeUndefined();
  });

  it("both configured: the first alternative the document lists (the header) is used, the key is not sent twice", async () => {
    const seen = await observe(() => client({ ApiKeyHeader: API_KEY, ApiKeyQuery: API_KEY }).getTokens({ path: { chain: 1 } }));
    expect(seen.result.ok).toBe(true);
    expect(seen.apiRequests[0]!.query).toEqual({});
    expect(seen.apiRequests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("a key the gateway does not know: the declared 401 with its typed body and the request id", async () => {
    const seen = await observe(() => client({ ApiKeyQuery: "not-a-key" }).getTokens({ path: { chain: 1 } }));
    const res = seen.result;
    if (res.ok || res.error.kind !== "http" || res.error.status !== 401) throw new Error(`expected the declared 401, got ${JSON.stringify(res)}`);
    const requestId = seen.apiRequests[0]!.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.requestId).toBe(requestId);
    expect(res.error.requestId).toBe(requestId);
    expect(res.error.body).toEqual({ statusCode: 401, error: "Unauthorized", description: expect.any(String), requestId });
    expect(res.error.message).not.toContain("not-a-key");
  });

  it("no credential at all: kind auth naming the three alternatives, nothing sent", async () => {
    const seen = await observe(() => client({}).getTokens({ path: { chain: 1 } }));
    expect(seen.result.ok ? undefined : seen.result.error).toMatchObject({ kind: "auth", reason: "missing_credentials" });
    const error = seen.result.ok ? undefined : seen.result.error;
    expect(error?.kind === "auth" ? [...(error.schemes ?? [])].sort() : undefined).toEqual(["ApiKeyHeader", "ApiKeyQuery", "OAuth2"]);
    expect(seen.fetched).toEqual([]);
  });
});

describe("X-Request-Id on every result and error", () => {
  it("on success: the id the gateway sent", async () => {
    const seen = await observe(() => client({ ApiKeyHeader: API_KEY }).getTokens({ path: { chain: 137 } }));
    if (!seen.result.ok) throw new Error(seen.result.error.message);
    expect(seen.result.requestId).toBe(seen.apiRequests[0]!.requestId);
    expect(seen.result.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("on the declared 400 (an unsupported chain): status, typed body and the id", async () => {
    const seen = await observe(() => client({ ApiKeyHeader: API_KEY }).getTokens({ path: { chain: 999999 } }));
    const res = seen.result;
    if (res.ok || res.error.kind !== "http" || res.error.status !== 400) throw new Error(`expected the declared 400, got ${JSON.stringify(res)}`);
    const requestId = seen.apiRequests[0]!.requestId!;
    expect(res.error.httpStatus).toBe(400);
    expect(res.error.body.description).toBe("Chain 999999 is not supported");
    expect(res.error.body.requestId).toBe(requestId);
    expect(res.error.requestId).toBe(requestId);
    expect(res.requestId).toBe(requestId);
  });
});

describe("OAuth 2.1 client credentials via RFC 8414 discovery", () => {
  it("metadata at /.well-known/oauth-authorization-server names the seed's endpoints and grant types", async () => {
    const res = await fetch(`${server.origin}/.well-known/oauth-authorization-server`);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const metadata = (await res.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: server.origin,
      token_endpoint: `${server.origin}/oauth/token`,
      authorization_endpoint: `${server.origin}/oauth/authorize`,
      registration_endpoint: `${server.origin}/oauth/register`,
      jwks_uri: expect.any(String),
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_post"],
    });
    expect([...(metadata["grant_types_supported"] as string[])].sort()).toEqual(["authorization_code", "client_credentials", "refresh_token"]);
  });

  it("discovers once, then POST /oauth/token with grant_type, client_id, client_secret in the form body; the token goes as Bearer", async () => {
    const issued: TokenSet[] = [];
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } }, { onTokens: (_s, set) => void issued.push(set) });
    const seen = await observe(() => api.getTokens({ path: { chain: 1 } }));
    expect(seen.result.ok).toBe(true);
    expect(seen.fetched).toEqual([
      `${server.origin}/.well-known/oauth-authorization-server`,
      `${server.origin}/oauth/token`,
      `${server.origin}/swap/v5.2/1/tokens`,
    ]);
    const [token] = seen.tokenRequestDetails;
    expect(seen.tokenRequestDetails).toHaveLength(1);
    expect(token!.contentType?.split(";")[0]).toBe("application/x-www-form-urlencoded");
    expect(token!.authorization).toBeUndefined();
    expect(token!.body).toEqual({ grant_type: "client_credentials", client_id: MACHINE.id, client_secret: MACHINE.secret });
    expect(seen.apiRequests[0]).toMatchObject({ status: 200, principal: MACHINE.id, query: {} });
    expect(seen.apiRequests[0]!.headers.authorization).toBe(`Bearer ${issued[0]!.accessToken}`);

    // Cached: neither discovery nor a token request again.
    const again = await observe(() => api.getTokens({ path: { chain: 56 } }));
    expect(again.fetched).toEqual([`${server.origin}/swap/v5.2/56/tokens`]);
  });

  it("without the issuer option, the issuer the document declares (https://api.1inch.com) is the one discovered", async () => {
    const attempted: string[] = [];
    const offline: typeof fetch = async (input) => {
      attempted.push(String(input));
      throw new TypeError("fetch failed (offline test)");
    };
    const api = createClient({ baseUrl: server.origin, fetch: offline, auth: { OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } } });
    const res = await api.getTokens({ path: { chain: 1 } });
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth" });
    expect(attempted).toEqual([`${VENDOR}/.well-known/oauth-authorization-server`]);

    // register() needs no credential at all: the declared issuer is enough to find /oauth/register.
    attempted.length = 0;
    const anonymous = createClient({ baseUrl: server.origin, fetch: offline });
    const reg = await anonymous.auth.OAuth2.register({ client_name: "x" }, { initialAccessToken: PORTAL_ACCESS_TOKEN });
    expect(reg).toMatchObject({ ok: false, error: { kind: "auth", reason: "discovery_failed" } });
    expect(attempted).toEqual([`${VENDOR}/.well-known/oauth-authorization-server`]);
  });

  // Regression: token endpoint answers' X-Request-Id was dropped, so a refused token request
  // could not be reported to 1inch by its id.
  it("a refused token request carries the token endpoint's X-Request-Id", async () => {
    const api = client({ OAuth2: { clientId: MACHINE.id, clientSecret: "not-the-secret" } });
    const res = await api.getTokens({ path: { chain: 1 } });
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 401 });
    const sent = server.requestIds.filter((r) => r.request === "POST /oauth/token").at(-1)!.requestId;
    expect(res.ok ? undefined : res.error.kind === "auth" ? res.error.requestId : undefined).toBe(sent);
  });
});

describe("OAuth 2.1 authorization code + PKCE (S256) + refresh, through the login and consent pages", () => {
  /**
   * A token store of the user's, and a clock moved past the access tokens' lifetime (600 s
   * at this server): the client keeps a fresh token without reading the store, so expiry is
   * what makes it read the store again and refresh.
   */
  function agingStore() {
    const map = new Map<string, TokenSet>();
    const store: TokenStore = { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), delete: async (k) => void map.delete(k) };
    const expireAll = () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 601_000);
    };
    return { store, expireAll };
  }
  afterEach(() => void vi.useRealTimers());

  async function signIn(api: ReturnType<typeof client>, login: string) {
    const request = await api.auth.OAuth2.authorizationUrl({ redirectUri: REDIRECT_URI });
    const callbackUrl = await authorizeInBrowser(request.url, { login, consent: "accept" });
    return { ...request, callbackUrl, redirectUri: REDIRECT_URI };
  }

  it("authorize at /oauth/authorize with an S256 challenge, exchange with the verifier, call as the user; expired → refreshed with rotation", async () => {
    const { store, expireAll } = agingStore();
    const sets: TokenSet[] = [];
    const api = client({ OAuth2: { clientId: WEB.id, clientSecret: WEB.secret } }, { tokenStore: store, onTokens: (_s, set) => void sets.push(set) });
    const request = await signIn(api, "carol");

    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.origin}/oauth/authorize`);
    const challenge = createHash("sha256").update(request.codeVerifier).digest("base64url");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: WEB.id,
      redirect_uri: REDIRECT_URI,
      state: request.state,
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);

    const exchange = await observe(() => api.auth.OAuth2.exchangeCode(request));
    if (!exchange.result.ok) throw new Error(exchange.result.error.message);
    expect(exchange.tokenRequestDetails.map((d) => [d.authorization, d.body, d.status])).toEqual([
      [
        undefined,
        {
          grant_type: "authorization_code",
          code: new URL(request.callbackUrl).searchParams.get("code"),
          redirect_uri: REDIRECT_URI,
          code_verifier: request.codeVerifier,
          client_id: WEB.id,
          client_secret: WEB.secret,
        },
        200,
      ],
    ]);
    const first = exchange.result.tokens;
    expect(first.refreshToken).toBeTypeOf("string");

    const call = await observe(() => api.getTokens({ path: { chain: 1 } }));
    expect(call.result.ok).toBe(true);
    expect(call.apiRequests).toMatchObject([{ status: 200, principal: WEB.id, sub: "carol" }]);
    expect(call.apiRequests[0]!.headers.authorization).toBe(`Bearer ${first.accessToken}`);

    expireAll();
    const refreshed = await observe(() => api.getTokens({ path: { chain: 1 } }));
    expect(refreshed.result.ok).toBe(true);
    expect(refreshed.tokenRequestDetails.map((d) => [d.authorization, d.body, d.status])).toEqual([
      [undefined, { grant_type: "refresh_token", refresh_token: first.refreshToken, client_id: WEB.id, client_secret: WEB.secret }, 200],
    ]);
    const second = sets.at(-1)!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(refreshed.apiRequests).toMatchObject([{ status: 200, sub: "carol" }]);
    expect(refreshed.apiRequests[0]!.headers.authorization).toBe(`Bearer ${second.accessToken}`);

    expireAll();
    const again = await observe(() => api.getTokens({ path: { chain: 1 } }));
    expect(again.result.ok).toBe(true);
    expect(again.tokenRequestDetails.map((d) => [d.body["refresh_token"], d.status])).toEqual([[second.refreshToken, 200]]);
  });

  it("the server checks the verifier: an exchange with another one is refused (invalid_grant)", async () => {
    const api = client({ OAuth2: { clientId: WEB.id, clientSecret: WEB.secret } });
    const request = await signIn(api, "dave");
    const wrong = await api.auth.OAuth2.exchangeCode({ ...request, codeVerifier: "x".repeat(43) });
    expect(wrong).toMatchObject({ ok: false, error: { kind: "auth", oauth: { error: "invalid_grant" } } });
  });
});

describe("dynamic client registration at /oauth/register", () => {
  it("a client credentials client (the seed's first example), then calls with it", async () => {
    const api = client({ OAuth2: { clientId: "not-registered-yet" } });
    const seen = await observe(() =>
      api.auth.OAuth2.register(
        { client_name: "My Server Client", redirect_uris: ["https://example.com"], grant_types: ["client_credentials"] },
        { initialAccessToken: PORTAL_ACCESS_TOKEN },
      ),
    );
    if (!seen.result.ok) throw new Error(seen.result.error.message);
    expect(seen.requests.filter((r) => r.startsWith("POST"))).toEqual(["POST /oauth/register"]);
    const registered = seen.result.client;
    expect(registered).toMatchObject({ client_name: "My Server Client", grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_post" });
    const credential: OAuthCredential = { clientId: registered["client_id"] as string, clientSecret: registered["client_secret"] as string };

    const use = await observe(() => client({ OAuth2: credential }).getTokens({ path: { chain: 1 } }));
    expect(use.result.ok).toBe(true);
    expect(use.tokenRequestDetails.map((d) => d.body)).toEqual([
      { grant_type: "client_credentials", client_id: credential.clientId, client_secret: credential.clientSecret },
    ]);
    expect(use.apiRequests).toMatchObject([{ status: 200, principal: credential.clientId }]);
  });

  it("an authorization code client needs application_id (the seed's second example), then signs a user in", async () => {
    const api = client({ OAuth2: { clientId: "not-registered-yet" } });
    const metadata = { client_name: "My Web App Client", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] };
    const missing = await api.auth.OAuth2.register(metadata, { initialAccessToken: PORTAL_ACCESS_TOKEN });
    expect(missing).toMatchObject({ ok: false, error: { kind: "auth", httpStatus: 400, oauth: { error: "invalid_client_metadata" } } });

    const result = await api.auth.OAuth2.register({ ...metadata, application_id: APPLICATION_ID }, { initialAccessToken: PORTAL_ACCESS_TOKEN });
    if (!result.ok) throw new Error(result.error.message);
    const web = client({ OAuth2: { clientId: result.client["client_id"] as string, clientSecret: result.client["client_secret"] as string } });
    const request = await web.auth.OAuth2.authorizationUrl({ redirectUri: REDIRECT_URI });
    const callbackUrl = await authorizeInBrowser(request.url, { login: "erin", consent: "accept" });
    const exchanged = await web.auth.OAuth2.exchangeCode({ ...request, callbackUrl, redirectUri: REDIRECT_URI });
    if (!exchanged.ok) throw new Error(exchanged.error.message);
    expect(exchanged.tokens.refreshToken).toBeTypeOf("string");
    const seen = await observe(() => web.getTokens({ path: { chain: 1 } }));
    expect(seen.apiRequests).toMatchObject([{ status: 200, principal: result.client["client_id"], sub: "erin" }]);
  });

  it("without the portal access token: refused (401 invalid_token), and the token never shows in the error", async () => {
    const api = client({ OAuth2: { clientId: "not-registered-yet" } });
    const none = await api.auth.OAuth2.register({ client_name: "x", redirect_uris: ["https://example.com"], grant_types: ["client_credentials"] });
    expect(none).toMatchObject({ ok: false, error: { kind: "auth", httpStatus: 401, oauth: { error: "invalid_token" } } });
    const wrong = await api.auth.OAuth2.register(
      { client_name: "x", redirect_uris: ["https://example.com"], grant_types: ["client_credentials"] },
      { initialAccessToken: "portal-token-guess" },
    );
    expect(wrong).toMatchObject({ ok: false, error: { httpStatus: 401, oauth: { error: "invalid_token" } } });
    expect(JSON.stringify(wrong)).not.toContain("portal-token-guess");
  });
});

describe("the same credentials for the WebSocket (wss://api.1inch.com/web3/{chain})", () => {
  /** Header names are case-insensitive; the runtime spells Authorization differently per scheme type. */
  const lowerCaseNames = (headers: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

  it("credentialsFor gives the header form and the apiKey query form of the key", async () => {
    const api = client({ ApiKeyHeader: API_KEY, ApiKeyQuery: API_KEY });
    const header = await api.auth.credentialsFor("ApiKeyHeader");
    if (!header.ok) throw new Error(header.error.message);
    expect({ ...header, headers: lowerCaseNames(header.headers) }).toEqual({ ok: true, headers: { authorization: `Bearer ${API_KEY}` }, query: {}, cookies: {} });
    expect(await api.auth.credentialsFor("ApiKeyQuery")).toEqual({ ok: true, headers: {}, query: { apiKey: API_KEY }, cookies: {} });
    expect(await client({}).auth.credentialsFor("ApiKeyQuery")).toMatchObject({ ok: false, error: { kind: "auth", reason: "missing_credentials" } });
  });

  it("a real handshake opens with either form, and with an OAuth access token; without credentials it is refused", async () => {
    const api = client({ ApiKeyHeader: API_KEY, ApiKeyQuery: API_KEY, OAuth2: { clientId: MACHINE.id, clientSecret: MACHINE.secret } });
    const header = await api.auth.credentialsFor("ApiKeyHeader");
    const query = await api.auth.credentialsFor("ApiKeyQuery");
    const oauth = await api.auth.credentialsFor("OAuth2");
    if (!header.ok || !query.ok || !oauth.ok) throw new Error("credentials expected");
    expect(lowerCaseNames(oauth.headers)).toEqual({ authorization: expect.stringMatching(/^Bearer \S+$/) });

    const seen = await observe(async () => [
      await openWebSocket(web3Url(1, header.query), header.headers),
      await openWebSocket(web3Url(1, query.query), query.headers),
      await openWebSocket(web3Url(1, oauth.query), oauth.headers),
      await openWebSocket(web3Url(1, {}), {}),
    ]);
    expect(seen.result.map((r) => [r.status, r.accepted])).toEqual([
      [101, true],
      [101, true],
      [101, true],
      [401, false],
    ]);
    expect(seen.handshakes.map((h) => [h.path, h.query, h.headers.authorization, h.principal])).toEqual([
      ["/web3/1", {}, `Bearer ${API_KEY}`, `api-key:${API_KEY}`],
      ["/web3/1", { apiKey: API_KEY }, undefined, `api-key:${API_KEY}`],
      ["/web3/1", {}, lowerCaseNames(oauth.headers)["authorization"], MACHINE.id],
      ["/web3/1", {}, undefined, undefined],
    ]);
    expect(seen.result.map((r) => r.requestId)).toEqual(seen.handshakes.map((h) => h.requestId));
  });
});
