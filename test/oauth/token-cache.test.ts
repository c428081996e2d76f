/**
 * The cached-token fast path of an OAuth 2 scheme: a fresh token a call was answered with
 * is answered again without reading the token store and without a Promise; it is read
 * again once the token expires, after a 401 invalidates it, after setTokens, exchangeCode
 * or clear, and a lookup that began before such a change does not put back the old token.
 * The token endpoint is answered in memory, so every request to it is counted exactly.
 */
import { describe, expect, it } from "vitest";
import type { OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { MemoryTokenStore, type TokenSet, type TokenStore } from "../../src/runtime/token-store.js";
import { bearer, clock, expectApplied, makeAuth } from "./helpers.js";

const TOKEN_URL = "https://auth.example/token";
const spec: OAuth2SchemeSpec = {
  type: "oauth2",
  flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: ["read", "write"] }, authorizationCode: { tokenUrl: TOKEN_URL, authorizationUrl: "https://auth.example/authorize", scopes: [] } },
};
const credential = { clientId: "client", clientSecret: "secret" };

/** A token endpoint in memory: token-1, token-2, ... each valid for `expiresIn` seconds. */
function tokenEndpoint(expiresIn = 3600) {
  const state = { issued: 0 };
  const fetchTokens: typeof fetch = async (input) => {
    if (String(input) !== TOKEN_URL) throw new Error(`unexpected request to ${String(input)}`);
    state.issued++;
    const body = { access_token: `token-${state.issued}`, token_type: "Bearer", expires_in: expiresIn };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { state, fetch: fetchTokens };
}

/** A store that counts what is asked of it. */
class CountingStore implements TokenStore {
  readonly inner = new MemoryTokenStore();
  gets = 0;
  sets = 0;
  async get(key: string) {
    this.gets++;
    return this.inner.get(key);
  }
  async set(key: string, tokens: TokenSet) {
    this.sets++;
    await this.inner.set(key, tokens);
  }
  async delete(key: string) {
    await this.inner.delete(key);
  }
}

function setUp(options: { expiresIn?: number } = {}) {
  const endpoint = tokenEndpoint(options.expiresIn);
  const store = new CountingStore();
  const time = clock(1_000_000);
  const auth = makeAuth(spec, credential, { baseUrl: "https://api.example", fetch: endpoint.fetch, tokenStore: store, now: time.now });
  return { auth, store, time, issued: () => endpoint.state.issued };
}

describe("a fresh token is answered from the scheme itself", () => {
  it("after the first acquisition: no store read, no Promise, the same token", async () => {
    const { auth, store, issued } = setUp();
    expect(bearer(expectApplied(await auth.apply(["read"])))).toBe("token-1");
    const reads = store.gets;
    for (let i = 0; i < 100; i++) {
      const answer = auth.apply(["read"]);
      expect(answer).not.toBeInstanceOf(Promise);
      expect(bearer(expectApplied(answer as Awaited<typeof answer>))).toBe("token-1");
    }
    expect(store.gets).toBe(reads);
    expect(issued()).toBe(1);
  });

  it("each scope list has its own token (RFC 6749 §3.3), each answered at once after its first call", async () => {
    const { auth, issued } = setUp();
    expect(bearer(expectApplied(await auth.apply(["read"])))).toBe("token-1");
    expect(bearer(expectApplied(await auth.apply(["write"])))).toBe("token-2");
    expect(bearer(expectApplied(auth.apply(["read"]) as never))).toBe("token-1");
    expect(bearer(expectApplied(auth.apply(["write"]) as never))).toBe("token-2");
    expect(issued()).toBe(2);
  });

  it("concurrent first calls share one acquisition, and all later calls are answered at once", async () => {
    const { auth, issued } = setUp();
    const first = await Promise.all(Array.from({ length: 50 }, () => auth.apply(["read"])));
    expect(new Set(first.map((a) => bearer(expectApplied(a))))).toEqual(new Set(["token-1"]));
    expect(auth.apply(["read"])).not.toBeInstanceOf(Promise);
    expect(issued()).toBe(1);
  });

  it("an expired token is not answered: the store is read and a new token acquired", async () => {
    const { auth, store, time, issued } = setUp({ expiresIn: 100 });
    await auth.apply(["read"]);
    time.advance(89_000); // still inside the 90% of its lifetime the scheme uses
    expect(auth.apply(["read"])).not.toBeInstanceOf(Promise);
    time.advance(2_000);
    const reads = store.gets;
    const answer = auth.apply(["read"]);
    expect(answer).toBeInstanceOf(Promise);
    expect(bearer(expectApplied(await answer))).toBe("token-2");
    expect(store.gets).toBeGreaterThan(reads);
    expect(issued()).toBe(2);
  });
});

describe("what drops the kept answer", () => {
  it("a 401's invalidate: the next call acquires a new token", async () => {
    const { auth, issued } = setUp();
    const applied = expectApplied(await auth.apply(["read"]));
    await applied.invalidate!();
    const answer = auth.apply(["read"]);
    expect(answer).toBeInstanceOf(Promise);
    expect(bearer(expectApplied(await answer))).toBe("token-2");
    expect(issued()).toBe(2);
  });

  it("setTokens: the user's token set wins from the next call on", async () => {
    const { auth } = setUp();
    await auth.apply(["read"]);
    await auth.setTokens({ accessToken: "user-token", tokenType: "Bearer" });
    expect(bearer(expectApplied(await auth.apply(["read"])))).toBe("user-token");
    expect(bearer(expectApplied(auth.apply(["read"]) as never))).toBe("user-token");
  });

  it("clear: the next call acquires a new token", async () => {
    const { auth, issued } = setUp();
    await auth.apply(["read"]);
    await auth.clear();
    expect(bearer(expectApplied(await auth.apply(["read"])))).toBe("token-2");
    expect(issued()).toBe(2);
  });

  it("a lookup that began before setTokens does not put its older answer back", async () => {
    const { auth } = setUp();
    const pending = auth.apply(["read"]); // reads the store, then acquires token-1
    await auth.setTokens({ accessToken: "user-token", tokenType: "Bearer" });
    expect(bearer(expectApplied(await pending))).toBe("token-1");
    expect(bearer(expectApplied(await auth.apply(["read"])))).toBe("user-token");
  });
});

describe("a token store shared with other clients", () => {
  it("a token another client writes is read when this client's token expires or is refused", async () => {
    const shared = new MemoryTokenStore();
    const time = clock(1_000_000);
    const endpoint = tokenEndpoint(100);
    const make = () => makeAuth(spec, credential, { baseUrl: "https://api.example", fetch: endpoint.fetch, tokenStore: shared, now: time.now });
    const a = make();
    const b = make();
    expect(bearer(expectApplied(await a.apply(["read"])))).toBe("token-1");
    expect(bearer(expectApplied(await b.apply(["read"])))).toBe("token-1"); // from the store
    expect(endpoint.state.issued).toBe(1);

    // b is refused and renews: a keeps its own fresh token until it is refused too.
    await expectApplied(await b.apply(["read"])).invalidate!();
    expect(bearer(expectApplied(await b.apply(["read"])))).toBe("token-2");
    expect(bearer(expectApplied(await a.apply(["read"])))).toBe("token-1");
    await expectApplied(await a.apply(["read"])).invalidate!(); // token-1 is no longer the stored one: nothing deleted
    expect(bearer(expectApplied(await a.apply(["read"])))).toBe("token-2");

    // On expiry, the store's newer token (written by b) is read instead of acquiring one.
    time.advance(91_000);
    expect(bearer(expectApplied(await b.apply(["read"])))).toBe("token-3");
    expect(bearer(expectApplied(await a.apply(["read"])))).toBe("token-3");
    expect(endpoint.state.issued).toBe(3);
  });
});

describe("a refresh token spent by another client sharing a store without lock", () => {
  const USER_KEY = "OAuth2 user";
  const spent: TokenSet = { accessToken: "access-1", tokenType: "Bearer", refreshToken: "refresh-1", expiresAt: 999_000 };

  /**
   * A token endpoint that has rotated refresh-1 already: while it answers invalid_grant, the
   * client that spent it stores `theirs` (or nothing), as a second process would.
   */
  function setUp(theirs: TokenSet | undefined) {
    const store = new MemoryTokenStore();
    const time = clock(1_000_000);
    const grants: string[] = [];
    const fetchTokens: typeof fetch = async (_input, init) => {
      const form = new URLSearchParams(String(init?.body));
      grants.push(`${form.get("grant_type")} ${form.get("refresh_token")}`);
      if (theirs !== undefined) await store.set(USER_KEY, theirs);
      return new Response(JSON.stringify({ error: "invalid_grant" }), { status: 400, headers: { "content-type": "application/json" } });
    };
    const auth = makeAuth(spec, { clientId: "client" }, { baseUrl: "https://api.example", fetch: fetchTokens, tokenStore: store, now: time.now });
    return { auth, store, grants };
  }

  it("uses the set the other client stored, and leaves it in place", async () => {
    const theirs: TokenSet = { accessToken: "access-2", tokenType: "Bearer", refreshToken: "refresh-2", expiresAt: 5_000_000 };
    const { auth, store, grants } = setUp(theirs);
    await store.set(USER_KEY, spent);
    expect(bearer(expectApplied(await auth.apply([])))).toBe("access-2");
    expect(grants).toEqual(["refresh_token refresh-1"]);
    expect(await store.get(USER_KEY)).toEqual(theirs);
  });

  it("with nobody else's set there, the grant is gone: the set is cleared and the error says so", async () => {
    const { auth, store } = setUp(undefined);
    await store.set(USER_KEY, spent);
    const failed = await auth.apply([]);
    expect(failed).toMatchObject({ kind: "auth", reason: "token_request_failed", oauth: { error: "invalid_grant" }, message: expect.stringMatching(/; the token set was cleared$/) });
    expect(await store.get(USER_KEY)).toBeUndefined();
  });

  it("a replacement that has expired too is kept for the next call to refresh, and the error does not claim a clearing", async () => {
    const theirs: TokenSet = { accessToken: "access-2", tokenType: "Bearer", refreshToken: "refresh-2", expiresAt: 999_500 };
    const { auth, store } = setUp(theirs);
    await store.set(USER_KEY, spent);
    const failed = await auth.apply([]);
    expect(failed).toMatchObject({ kind: "auth", oauth: { error: "invalid_grant" }, message: expect.stringMatching(/; the token set was replaced meanwhile$/) });
    expect(await store.get(USER_KEY)).toEqual(theirs);
  });
});

describe("client credentials whose token set has a refresh token, cleared while it is refreshed", () => {
  it("the call is served by a new client-credentials token, which is not stored (as after any clear)", async () => {
    const store = new MemoryTokenStore();
    const time = clock(1_000_000);
    const key = "OAuth2 client=client scope=";
    await store.set(key, { accessToken: "access-1", tokenType: "Bearer", refreshToken: "refresh-1", expiresAt: 999_000 });
    const grants: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let refreshing!: () => void;
    const refreshArrived = new Promise<void>((resolve) => (refreshing = resolve));
    const fetchTokens: typeof fetch = async (_input, init) => {
      const grant = new URLSearchParams(String(init?.body)).get("grant_type");
      grants.push(String(grant));
      if (grant === "refresh_token") {
        refreshing();
        await released;
      }
      const token = grant === "refresh_token" ? { access_token: "refreshed", refresh_token: "refresh-2" } : { access_token: "acquired" };
      return new Response(JSON.stringify({ ...token, token_type: "Bearer", expires_in: 60 }), { headers: { "content-type": "application/json" } });
    };
    const auth = makeAuth(spec, { clientId: "client", clientSecret: "secret" }, { baseUrl: "https://api.example", fetch: fetchTokens, tokenStore: store, now: time.now });

    const during = auth.apply([]);
    await refreshArrived;
    await auth.clear();
    release();

    expect(bearer(expectApplied(await during))).toBe("acquired");
    expect(grants).toEqual(["refresh_token", "client_credentials"]);
    expect(await store.get(key)).toBeUndefined();
  });
});
