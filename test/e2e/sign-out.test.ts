/**
 * Signing out. `revoke()` ends the user's grant at the authorization server (RFC 7009), where
 * `clear()` only forgets the tokens here.
 *
 * What the application writes to a scheme's tokens (`clear`, `exchangeCode`, `setTokens`) wins
 * over a refresh that was already on its way. Otherwise a user who signs out while a call is
 * refreshing their token is signed in again the moment the refresh lands, and one who signs in
 * as someone else gets the previous user's identity back.
 *
 * Against oidc-provider; a `fetch` holds the refresh request at the client until the test has
 * signed out or in, so that the order is the one under test every run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type RequestEvent, type TokenSet, type TokenStore } from "../snapshots/oauth2/index.js";
import { machineClient, startAuthorizationServer, webAppClient, type AuthorizationServer } from "../support/authorization-server.js";
import { mapTokenStore, type MapTokenStore } from "../support/map-token-store.js";
import { authorizeInBrowser } from "../support/browser.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";

const WEB = { id: "sign-out-web", secret: "sign-out-web-secret-0123456789abcdef" };
const PUBLIC_ID = "sign-out-public";
const MACHINE = { id: "sign-out-machine", secret: "sign-out-machine-secret-0123456789abcdef" };
const REDIRECT_URI = "https://client.example/callback";
const SCOPES = ["openid", "offline_access", "api:read"] as const;

let as: AuthorizationServer;
let rs: ResourceServer;
let baseUrl: string;

beforeAll(async () => {
  as = await startAuthorizationServer({
    clients: [
      webAppClient(WEB, REDIRECT_URI, SCOPES),
      {
        client_id: PUBLIC_ID,
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [REDIRECT_URI],
        scope: SCOPES.join(" "),
      },
      machineClient(MACHINE, "api:read"),
    ],
  });
  rs = await startResourceServer(as, { requiredScopes: { "/me": "api:read" } });
  baseUrl = new URL(rs.url).origin;
});

afterAll(async () => {
  await rs?.close();
  await as?.close();
});

/** A `fetch` that holds every token request of `grantType` until `release()`; the rest goes straight through. */
function holdingRefreshes(grantType = "refresh_token") {
  let release!: () => void;
  let arrived!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const refreshArrived = new Promise<void>((resolve) => (arrived = resolve));
  const holding: typeof fetch = async (input, init) => {
    if (new URLSearchParams(String(init?.body ?? "")).get("grant_type") === grantType) {
      arrived();
      await released;
    }
    return fetch(input, init);
  };
  return { fetch: holding, refreshArrived, release };
}

/**
 * A store whose next `get` can be held, as a store across a network answers late: the value is
 * read when the `get` is sent, and handed back when `release()` is called.
 */
function slowGetStore() {
  const store = mapTokenStore({ lock: false });
  let hold: { arrived: () => void; released: Promise<void> } | undefined;
  return {
    ...store,
    async get(key: string) {
      const value = store.map.get(key);
      const held = hold;
      hold = undefined;
      if (held) {
        held.arrived();
        await held.released;
      }
      return value;
    },
    /** Hold the next `get`: resolves `arrived` when it comes; `release` answers it. */
    holdNextGet() {
      let release!: () => void;
      let arrived!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const getArrived = new Promise<void>((resolve) => (arrived = resolve));
      hold = { arrived, released };
      return { getArrived, release };
    },
  };
}

function webClient(options: { tokenStore?: TokenStore; fetch?: typeof fetch; onRequest?: (event: RequestEvent) => void } = {}) {
  const { onRequest, ...rest } = options;
  return createClient({
    baseUrl,
    ...rest,
    ...(onRequest ? { hooks: { onRequest } } : {}),
    auth: { OAuth2: { issuer: as.issuer, clientId: WEB.id, clientSecret: WEB.secret, flow: "authorizationCode" } },
  });
}

type WebClient = ReturnType<typeof webClient>;

async function signIn(api: WebClient, login: string): Promise<TokenSet> {
  const request = await api.auth.OAuth2.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: SCOPES, extraParams: { prompt: "consent" } });
  const callbackUrl = await authorizeInBrowser(request.url, { login, consent: "accept" });
  const exchanged = await api.auth.OAuth2.exchangeCode({ ...request, callbackUrl, redirectUri: REDIRECT_URI });
  if (!exchanged.ok) throw new Error(exchanged.error.message);
  return exchanged.tokens;
}

/** alice signed in through `api`, her access token expired in `store`, so the next call refreshes. */
async function aliceExpired(api: WebClient, store: MapTokenStore) {
  const tokens = await signIn(api, "alice");
  const [key] = [...store.map.keys()];
  if (key === undefined) throw new Error("exchangeCode stored nothing");
  store.map.set(key, { ...tokens, expiresAt: Date.now() - 1 });
  return { key, tokens };
}

/**
 * alice signed in through a client on `store`, her access token expired, and a call through that
 * client refreshing it: the refresh request is held at the client until `release()`.
 */
async function aliceRefreshing(store: MapTokenStore) {
  const held = holdingRefreshes();
  const api = webClient({ tokenStore: store, fetch: held.fetch });
  const { key } = await aliceExpired(api, store);
  const callsBefore = rs.requests.length;
  const during = api.getMe();
  await held.refreshArrived;
  return { api, key, during, callsBefore, release: held.release };
}

const subject = (res: Awaited<ReturnType<WebClient["getMe"]>>) => (res.ok ? res.data.sub : `${res.error.kind}: ${res.error.message}`);

describe("revoke(): a sign-out that ends alice's grant at oidc-provider (RFC 7009)", () => {
  it("her refresh and access tokens are inactive afterwards, her set is gone here, and her next call sends nothing", async () => {
    const store = mapTokenStore({ lock: false });
    const events: RequestEvent[] = [];
    const api = webClient({ tokenStore: store, onRequest: (event) => events.push(event) });
    const tokens = await signIn(api, "alice");
    expect(subject(await api.getMe())).toBe("alice");
    events.length = 0;
    const callsBefore = rs.requests.length;

    expect(await api.auth.OAuth2.revoke()).toEqual({ ok: true });

    // The refresh token first (the grant), then the access token; the hooks see both, credentials redacted.
    expect(events.map((e) => `${e.scheme} ${e.method} ${new URL(e.url).pathname} ${e.headers["authorization"]}`)).toEqual([
      "OAuth2 POST /token/revocation [redacted]",
      "OAuth2 POST /token/revocation [redacted]",
    ]);
    expect(await as.introspect(tokens.accessToken)).toMatchObject({ active: false });
    expect(await as.introspect(tokens.refreshToken ?? "")).toMatchObject({ active: false });
    expect(store.map.size).toBe(0);
    expect(subject(await api.getMe())).toMatch(/^auth: .*no token set/);
    expect(rs.requests.length).toBe(callsBefore);
  });

  it("a copy of her set kept elsewhere can no longer refresh after revoke(), where after clear() it still can", async () => {
    const refreshWithCopy = async (copy: TokenSet) => {
      const elsewhere = webClient({ tokenStore: mapTokenStore({ lock: false }) });
      await elsewhere.auth.OAuth2.setTokens({ ...copy, expiresAt: Date.now() - 1 });
      return subject(await elsewhere.getMe());
    };

    const cleared = webClient({ tokenStore: mapTokenStore({ lock: false }) });
    const keptAfterClear = await signIn(cleared, "alice");
    await cleared.auth.OAuth2.clear();
    expect(await refreshWithCopy(keptAfterClear)).toBe("alice");

    const revoked = webClient({ tokenStore: mapTokenStore({ lock: false }) });
    const keptAfterRevoke = await signIn(revoked, "alice");
    expect((await revoked.auth.OAuth2.revoke()).ok).toBe(true);
    expect(await refreshWithCopy(keptAfterRevoke)).toMatch(/^auth: .*invalid_grant/);
  });

  it("a public client (a single-page app, no secret) revokes with its client_id alone (RFC 7009 §2.1, RFC 6749 §2.3)", async () => {
    const events: RequestEvent[] = [];
    const spa = createClient({
      baseUrl,
      tokenStore: mapTokenStore({ lock: false }),
      hooks: { onRequest: (event) => events.push(event) },
      auth: { OAuth2: { issuer: as.issuer, clientId: PUBLIC_ID, tokenEndpointAuthMethod: "none", flow: "authorizationCode" } },
    });
    const request = await spa.auth.OAuth2.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: SCOPES, extraParams: { prompt: "consent" } });
    const callbackUrl = await authorizeInBrowser(request.url, { login: "alice", consent: "accept" });
    const exchanged = await spa.auth.OAuth2.exchangeCode({ ...request, callbackUrl, redirectUri: REDIRECT_URI });
    if (!exchanged.ok) throw new Error(exchanged.error.message);
    events.length = 0;

    expect(await spa.auth.OAuth2.revoke()).toEqual({ ok: true });

    expect(events.map((e) => e.headers["authorization"])).toEqual([undefined, undefined]);
    expect(await as.introspect(exchanged.tokens.accessToken)).toMatchObject({ active: false });
    expect(await as.introspect(exchanged.tokens.refreshToken ?? "")).toMatchObject({ active: false });
  });

  it("where no revocation endpoint is known (the document's endpoints, no metadata): kind auth, and her set is forgotten all the same", async () => {
    const store = mapTokenStore({ lock: false });
    const tokens = await signIn(webClient({ tokenStore: store }), "alice");
    const withoutDiscovery = createClient({ baseUrl, tokenStore: store, auth: { OAuth2: { clientId: WEB.id, clientSecret: WEB.secret } } });

    const result = await withoutDiscovery.auth.OAuth2.revoke();

    expect(result).toMatchObject({ ok: false, error: { kind: "auth", reason: "revocation_failed", schemes: ["OAuth2"] } });
    expect(store.map.size).toBe(0);
    expect(await as.introspect(tokens.accessToken)).toMatchObject({ active: true });
  });
});

describe("one client: the application's write wins over its own refresh on the way", () => {
  it("clear() while a call refreshes alice's token: she stays signed out, and neither that call nor the next sends her token", async () => {
    const store = mapTokenStore({ lock: false });
    const { api, during, callsBefore, release } = await aliceRefreshing(store);

    await api.auth.OAuth2.clear();
    release();

    const res = await during;
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.kind).toBe("auth");
      expect(res.error.message).toMatch(/signed out|cleared/);
    }
    expect(store.map.size).toBe(0);
    const next = await api.getMe();
    expect(subject(next)).toMatch(/^auth: .*no token set/);
    expect(rs.requests.length).toBe(callsBefore);
  });

  it("bob signs in while a call refreshes alice's token: bob's set stays, and that call and the next are bob's", async () => {
    const store = mapTokenStore({ lock: false });
    const { api, key, during, release } = await aliceRefreshing(store);

    const bob = await signIn(api, "bob");
    release();

    expect(subject(await during)).toBe("bob");
    expect(store.map.get(key)?.accessToken).toBe(bob.accessToken);
    expect(subject(await api.getMe())).toBe("bob");
  });

  it("setTokens with bob's set while alice's refresh is on its way: bob's set stays", async () => {
    const bobsStore = mapTokenStore({ lock: false });
    const bob = await signIn(webClient({ tokenStore: bobsStore }), "bob");
    const store = mapTokenStore({ lock: false });
    const { api, key, during, release } = await aliceRefreshing(store);

    await api.auth.OAuth2.setTokens(bob);
    release();

    expect(subject(await during)).toBe("bob");
    expect(store.map.get(key)).toEqual(bob);
  });
});

describe("a store that answers late", () => {
  it("clear() while the refreshed set is being checked against the store: the refresh is still not stored", async () => {
    const store = slowGetStore();
    const { api, during, release } = await aliceRefreshing(store);
    // The refresh's answer is in; its read of the store (is the set still the one refreshed?)
    // is sent before the sign-out and answered after it, with the set as it was.
    const read = store.holdNextGet();
    release();
    await read.getArrived;
    await api.auth.OAuth2.clear();
    read.release();

    expect(subject(await during)).toMatch(/^auth: .*signed out/);
    expect(store.map.size).toBe(0);
    expect(subject(await api.getMe())).toMatch(/^auth: .*no token set/);
  });
});

describe("client credentials", () => {
  it("clear() while a token request is on its way: that call is served, the token is not stored, the next call asks again", async () => {
    const store = mapTokenStore({ lock: false });
    const held = holdingRefreshes("client_credentials");
    const api = createClient({
      baseUrl,
      tokenStore: store,
      fetch: held.fetch,
      auth: { OAuth2: { issuer: as.issuer, clientId: MACHINE.id, clientSecret: MACHINE.secret } },
    });
    const from = as.tokenRequests.length;

    const during = api.getMe();
    await held.refreshArrived;
    await api.auth.OAuth2.clear();
    held.release();

    expect((await during).ok).toBe(true);
    expect(store.map.size).toBe(0);
    expect((await api.getMe()).ok).toBe(true);
    expect(as.tokenRequests.slice(from).map((r) => `${r.grantType} ${r.status}`)).toEqual(["client_credentials 200", "client_credentials 200"]);
    expect(store.map.size).toBe(1);
  });
});

describe("two clients, one store: one signs out while the other refreshes", () => {
  it("with lock: the sign-out waits for the refresh that holds the lock, then empties the store", async () => {
    const store = mapTokenStore({ lock: true });
    const { during, release } = await aliceRefreshing(store);
    const signingOut = webClient({ tokenStore: store });
    let released = false;
    let clearedBeforeRelease = false;
    const cleared = signingOut.auth.OAuth2.clear().then(() => void (clearedBeforeRelease = !released));
    await new Promise((resolve) => setTimeout(resolve, 50));
    released = true;
    release();

    // The refresh came first, so its call is alice's; the sign-out came after it, so it sticks.
    expect(subject(await during)).toBe("alice");
    await cleared;
    expect(clearedBeforeRelease).toBe(false);
    expect(store.map.size).toBe(0);
    expect(subject(await signingOut.getMe())).toMatch(/^auth: .*no token set/);
  });

  it("without lock: the refresh that lands after the sign-out is not stored, and its call sends no token", async () => {
    const store = mapTokenStore({ lock: false });
    const { api: refreshing, during, callsBefore, release } = await aliceRefreshing(store);
    const signingOut = webClient({ tokenStore: store });

    await signingOut.auth.OAuth2.clear();
    release();

    expect(subject(await during)).toMatch(/^auth: .*(signed out|cleared)/);
    expect(store.map.size).toBe(0);
    expect(subject(await signingOut.getMe())).toMatch(/^auth: .*no token set/);
    expect(subject(await refreshing.getMe())).toMatch(/^auth: .*no token set/);
    expect(rs.requests.length).toBe(callsBefore);
  });
});
