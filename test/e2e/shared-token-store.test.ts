/**
 * One `tokenStore` shared by several clients: README promises it works between clients and
 * between processes. Against oidc-provider, which rotates refresh tokens and revokes the whole
 * grant when a used one comes back (OAuth 2.1 §4.3.1), and the 1NCE stand-in (tokenFrom).
 *
 * In one process, two clients and a Map store show the race `TokenStore.lock` exists for:
 * both calls start in the same tick, so both read the expired set before either refreshes.
 * Across processes, examples/redis-token-store.ts against a real Redis (redis-server, started
 * here on 127.0.0.1), with test/support/token-store-worker.ts as the processes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createClient as createRedis } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { redisTokenStore } from "../../examples/redis-token-store.js";
import { createClient as createOneNceClient } from "../../generated/1nce-management/index.js";
import { createClient, type TokenSet, type TokenStore } from "../snapshots/oauth2/index.js";
import { USERS, startOneNceServer, type OneNceServer } from "../support/1nce-server.js";
import { machineClient, startAuthorizationServer, webAppClient, type AuthorizationServer } from "../support/authorization-server.js";
import { mapTokenStore } from "../support/map-token-store.js";
import { authorizeInBrowser } from "../support/browser.js";
import { startRedisServer, type RedisServer } from "../support/redis-server.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import type { WorkerOutcome, WorkerTask } from "../support/token-store-worker.js";

const WEB = { id: "shared-web", secret: "shared-web-secret-0123456789abcdef" };
const MACHINE = { id: "shared-machine", secret: "shared-machine-secret-0123456789abcdef" };
const OTHER_MACHINE = { id: "shared-other-machine", secret: "shared-other-machine-secret-0123456789abcdef" };
const REDIRECT_URI = "https://client.example/callback";
const SCOPES = ["openid", "offline_access", "api:read"] as const;
const WORKER = join(import.meta.dirname, "../support/token-store-worker.ts");

let as: AuthorizationServer;
let rs: ResourceServer;
let redisServer: RedisServer;
let oneNce: OneNceServer;
let baseUrl: string;

beforeAll(async () => {
  [as, redisServer, oneNce] = await Promise.all([
    startAuthorizationServer({
      clients: [
        webAppClient(WEB, REDIRECT_URI, SCOPES),
        machineClient(MACHINE, "api:read"),
        machineClient(OTHER_MACHINE, "api:read"),
      ],
    }),
    startRedisServer(),
    startOneNceServer(),
  ]);
  rs = await startResourceServer(as, { requiredScopes: { "/me": "api:read" } });
  baseUrl = new URL(rs.url).origin;
});

afterAll(async () => {
  await Promise.all([rs?.close(), redisServer?.close(), oneNce?.close()]);
  await as?.close();
});

const workers = new Set<ChildProcessWithoutNullStreams>();
afterEach(() => {
  for (const worker of workers) worker.kill("SIGKILL");
  workers.clear();
});

/** A store whose first lock is never granted (a connection that hung) and which has recovered by the second. */
function firstLockHangs(): { store: TokenStore; locks: () => number } {
  let locks = 0;
  const store: TokenStore = {
    ...mapTokenStore({ lock: false }),
    lock: <T>(_key: string, critical: () => Promise<T>) => (++locks === 1 ? new Promise<T>(() => undefined) : critical()),
  };
  return { store, locks: () => locks };
}

function webClient(tokenStore: TokenStore) {
  return createClient({
    baseUrl,
    tokenStore,
    auth: { OAuth2: { issuer: as.issuer, clientId: WEB.id, clientSecret: WEB.secret, flow: "authorizationCode" } },
  });
}

/** alice signs in through `api`; the set lands in its store. */
async function signIn(api: ReturnType<typeof webClient>): Promise<TokenSet> {
  const request = await api.auth.OAuth2.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: SCOPES, extraParams: { prompt: "consent" } });
  const callbackUrl = await authorizeInBrowser(request.url, { login: "alice", consent: "accept" });
  const exchanged = await api.auth.OAuth2.exchangeCode({ ...request, callbackUrl, redirectUri: REDIRECT_URI });
  if (!exchanged.ok) throw new Error(exchanged.error.message);
  return exchanged.tokens;
}

const outcome = (res: Awaited<ReturnType<ReturnType<typeof webClient>["getMe"]>>) =>
  res.ok ? { ok: true, sub: res.data.sub } : { ok: false, kind: res.error.kind, message: res.error.message };
const grantsSince = (from: number) => as.tokenRequests.slice(from).map((r) => `${r.grantType} ${r.status}`);

describe("two clients in one process, one store", () => {
  /** Two clients on one store, alice signed in through the first, her access token expired. */
  async function twoClientsAfterExpiry(options: { lock: boolean }) {
    const store = mapTokenStore(options);
    const [a, b] = [webClient(store), webClient(store)];
    const tokens = await signIn(a);
    const [key] = [...store.map.keys()];
    if (key === undefined) throw new Error("exchangeCode stored nothing");
    store.map.set(key, { ...tokens, expiresAt: Date.now() - 1 });
    return { a, b, store, key, tokens };
  }

  it("without lock (the race): both refresh with one refresh token, the server takes the second for a replay and signs alice out", async () => {
    const { a, b } = await twoClientsAfterExpiry({ lock: false });
    const from = as.tokenRequests.length;
    await Promise.all([a.getMe(), b.getMe()]);
    const refreshes = grantsSince(from).filter((g) => g.startsWith("refresh_token"));
    expect(refreshes).toContain("refresh_token 200");
    expect(refreshes).toContain("refresh_token 400");
    // The grant is gone for both: the set that won was revoked with it.
    expect(outcome(await a.getMe())).toMatchObject({ ok: false, kind: "auth" });
  });

  it("with lock: one refresh; the other client waits and uses the set it stored; alice stays signed in", async () => {
    const { a, b, store, key, tokens } = await twoClientsAfterExpiry({ lock: true });
    const from = as.tokenRequests.length;
    const results = await Promise.all([a.getMe(), b.getMe(), a.getMe(), b.getMe()]);
    expect(results.map(outcome)).toEqual(Array(4).fill({ ok: true, sub: "alice" }));
    expect(grantsSince(from)).toEqual(["refresh_token 200"]);
    const refreshed = store.map.get(key)!;
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(await b.auth.OAuth2.getToken()).toMatchObject({ ok: true, tokens: { accessToken: refreshed.accessToken } });
    expect(outcome(await a.getMe())).toEqual({ ok: true, sub: "alice" });
  });

  it("a lock that fails (Redis down, the lease never freed) is kind auth, the store named; nothing is sent", async () => {
    const store: TokenStore = { ...mapTokenStore({ lock: false }), lock: async () => Promise.reject(new Error("ECONNREFUSED 127.0.0.1:6379")) };
    const api = createClient({
      baseUrl,
      tokenStore: store,
      auth: { OAuth2: { issuer: as.issuer, clientId: MACHINE.id, clientSecret: MACHINE.secret } },
    });
    const [from, resources] = [as.tokenRequests.length, rs.requests.length];
    const res = await api.getMe();
    expect(res.ok ? undefined : res.error).toMatchObject({
      kind: "auth",
      reason: "token_request_failed",
      message: expect.stringContaining("the token store failed"),
      cause: new Error("ECONNREFUSED 127.0.0.1:6379"),
    });
    expect(grantsSince(from)).toEqual([]);
    expect(rs.requests.length).toBe(resources);
  });

  it("a lock that never comes (a store's connection hung): the call ends at timeoutMs with nothing sent, and a later call starts afresh", async () => {
    const { store, locks } = firstLockHangs();
    const api = createClient({
      baseUrl,
      tokenStore: store,
      timeoutMs: 300,
      auth: { OAuth2: { issuer: as.issuer, clientId: MACHINE.id, clientSecret: MACHINE.secret } },
    });
    const [from, resources] = [as.tokenRequests.length, rs.requests.length];
    const hung = await api.getMe();
    expect(hung.ok ? undefined : hung.error).toMatchObject({ kind: "timeout" });
    expect(grantsSince(from)).toEqual([]);
    expect(rs.requests.length).toBe(resources);
    // Once the hung acquisition is older than 3 × timeoutMs it is not joined: the client is not stuck with it.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(outcome(await api.getMe())).toEqual({ ok: true, sub: undefined });
    expect(locks()).toBe(2);
    expect(grantsSince(from)).toEqual(["client_credentials 200"]);
  });

  it("tokenFrom (1NCE) likewise: a lock never granted ends the call at timeoutMs, and a later call starts afresh", async () => {
    const { store, locks } = firstLockHangs();
    const api = createOneNceClient({
      baseUrl: `${oneNce.url}/management-api`,
      tokenStore: store,
      timeoutMs: 300,
      auth: { BasicAuthentication: { username: "api-user", password: USERS["api-user"]! } },
    });
    const before = oneNce.tokenRequests();
    const hung = await api.getSimsUsingGET();
    expect(hung.ok ? undefined : hung.error.kind).toBe("timeout");
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await api.getSimsUsingGET()).ok).toBe(true);
    expect(locks()).toBe(2);
    expect(oneNce.tokenRequests() - before).toBe(1);
  });

  it("tokenFrom (1NCE): two clients on a cold store ask POST /oauth/token once with lock, once each without", async () => {
    const oneNceClient = (tokenStore: TokenStore) =>
      createOneNceClient({
        baseUrl: `${oneNce.url}/management-api`,
        tokenStore,
        auth: { BasicAuthentication: { username: "api-user", password: USERS["api-user"]! } },
      });
    for (const [lock, expected] of [
      [true, 1],
      [false, 2],
    ] as const) {
      const store = mapTokenStore({ lock });
      const [a, b] = [oneNceClient(store), oneNceClient(store)];
      const before = oneNce.tokenRequests();
      const results = await Promise.all([a.getSimsUsingGET(), b.getSimsUsingGET()]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(oneNce.tokenRequests() - before, `lock: ${lock}`).toBe(expected);
    }
  });
});

describe("clients of different identities, one store", () => {
  it("client credentials: each client ID gets and sends its own token, never the other's", async () => {
    const store = mapTokenStore({ lock: true });
    const machine = (client: { id: string; secret: string }) =>
      createClient({ baseUrl, tokenStore: store, auth: { OAuth2: { issuer: as.issuer, clientId: client.id, clientSecret: client.secret } } });
    const [first, second] = [machine(MACHINE), machine(OTHER_MACHINE)];
    const from = as.tokenRequests.length;

    const [a, b] = [await first.getMe(), await second.getMe()];

    expect([a.ok && a.data.client_id, b.ok && b.data.client_id]).toEqual([MACHINE.id, OTHER_MACHINE.id]);
    expect(as.tokenRequests.slice(from).map((r) => r.clientId)).toEqual([MACHINE.id, OTHER_MACHINE.id]);
    expect(store.map.size).toBe(2);
  });
});

describe("1NCE users, one store (tokenFrom)", () => {
  it("each user's calls carry that user's token, never the other's", async () => {
    const store = mapTokenStore({ lock: true });
    const asUser = (username: string) =>
      createOneNceClient({ baseUrl: `${oneNce.url}/management-api`, tokenStore: store, auth: { BasicAuthentication: { username, password: USERS[username]! } } });
    const [customer, other] = [asUser("api-user"), asUser("other-customer")];
    const from = oneNce.callers.length;

    expect((await customer.getSimsUsingGET()).ok).toBe(true);
    expect((await other.getSimsUsingGET()).ok).toBe(true);

    expect(oneNce.callers.slice(from)).toEqual(["api-user", "other-customer"]);
  });
});

describe("four processes, one Redis (examples/redis-token-store.ts)", () => {
  const PROCESSES = 4;

  /** Starts the workers, releases them together, and returns each one's outcomes. */
  async function runWorkers(task: Omit<WorkerTask, "redisUrl" | "baseUrl" | "issuer">): Promise<WorkerOutcome[][]> {
    const full: WorkerTask = { ...task, redisUrl: redisServer.url, baseUrl, issuer: as.issuer };
    const started = Array.from({ length: PROCESSES }, () => {
      const worker = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(full)], { stdio: ["pipe", "pipe", "pipe"] });
      workers.add(worker);
      let stderr = "";
      worker.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const lines = createInterface({ input: worker.stdout })[Symbol.asyncIterator]();
      const next = async () => {
        const line = await lines.next();
        if (line.done) throw new Error(`a worker ended early: ${stderr}`);
        return line.value;
      };
      return { worker, next };
    });
    for (const { next } of started) expect(await next()).toBe("ready");
    for (const { worker } of started) worker.stdin.write("go\n");
    return Promise.all(started.map(async ({ next }) => JSON.parse(await next()) as WorkerOutcome[]));
  }

  it("client credentials on a cold store: one token request in all, every call authorised", async () => {
    const from = as.tokenRequests.length;
    const outcomes = await runWorkers({ prefix: "cc:", clientId: MACHINE.id, clientSecret: MACHINE.secret, flow: "clientCredentials", calls: 5 });
    expect(outcomes.flat()).toEqual(Array(PROCESSES * 5).fill({ ok: true }));
    expect(grantsSince(from)).toEqual(["client_credentials 200"]);
  }, 60_000);

  it("alice's token expired in every process: one refresh in all, and she stays signed in", async () => {
    const redis = await createRedis({ url: redisServer.url }).connect();
    try {
      const store = redisTokenStore(redis, { prefix: "alice:" });
      const app = webClient(store);
      const tokens = await signIn(app);
      const key = "alice:OAuth2 user";
      expect(JSON.parse((await redis.get(key))!)).toEqual(tokens);
      // A set with a refresh token stays until replaced: the refresh token outlives the access token.
      expect(await redis.pTTL(key)).toBe(-1);
      await redis.set(key, JSON.stringify({ ...tokens, expiresAt: Date.now() - 1 }));

      const from = as.tokenRequests.length;
      const outcomes = await runWorkers({ prefix: "alice:", clientId: WEB.id, clientSecret: WEB.secret, flow: "authorizationCode", calls: 3 });
      expect(outcomes.flat()).toEqual(Array(PROCESSES * 3).fill({ ok: true, sub: "alice" }));
      expect(grantsSince(from)).toEqual(["refresh_token 200"]);
      const rotated = JSON.parse((await redis.get(key))!) as TokenSet;
      expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
      // The grant lives on: the app signed in earlier uses the rotated set without a new request.
      expect(outcome(await webClient(store).getMe())).toEqual({ ok: true, sub: "alice" });
      expect(grantsSince(from)).toEqual(["refresh_token 200"]);
      // No lock is left behind.
      expect(await redis.keys("alice:lock:*")).toEqual([]);
    } finally {
      await redis.quit();
    }
  }, 60_000);
});

describe("examples/redis-token-store.ts", () => {
  it("a set without a refresh token expires in Redis with its access token; one already expired is not written", async () => {
    const redis = await createRedis({ url: redisServer.url }).connect();
    try {
      const store = redisTokenStore(redis, { prefix: "ttl:" });
      await store.set("k", { accessToken: "a", tokenType: "Bearer", expiresAt: Date.now() + 60_000 });
      const ttl = await redis.pTTL("ttl:k");
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await store.get("k")).toMatchObject({ accessToken: "a" });
      await store.set("k", { accessToken: "b", tokenType: "Bearer", expiresAt: Date.now() - 1 });
      expect(await store.get("k")).toBeUndefined();
      await store.set("k", { accessToken: "c", tokenType: "Bearer" });
      expect(await redis.pTTL("ttl:k")).toBe(-1);
      await store.delete("k");
      expect(await redis.exists("ttl:k")).toBe(0);
    } finally {
      await redis.quit();
    }
  });

  it("lock: one holder at a time per key, other keys not held up, released after a failure, and a dead holder's lease runs out", async () => {
    const redis = await createRedis({ url: redisServer.url }).connect();
    try {
      const store = redisTokenStore(redis, { prefix: "lock-test:", lockLeaseMs: 300, lockPollMs: 10 });
      const lock = store.lock!.bind(store);
      const log: string[] = [];
      const hold = (name: string, ms: number) => async () => {
        log.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`${name} out`);
        return name;
      };
      const [first, second, other] = await Promise.all([lock("k", hold("a", 60)), lock("k", hold("b", 10)), lock("other", hold("c", 10))]);
      expect([first, second, other]).toEqual(["a", "b", "c"]);
      expect(log.indexOf("b in")).toBeGreaterThan(log.indexOf("a out"));
      expect(log.indexOf("c out")).toBeLessThan(log.indexOf("a out"));

      await expect(lock("k", async () => Promise.reject(new Error("token endpoint down")))).rejects.toThrow("token endpoint down");
      expect(await redis.exists("lock-test:lock:k")).toBe(0);

      // A process that died holding the lock: its key stays until the lease ends.
      await redis.set("lock-test:lock:k", "dead-process", { expiration: { type: "PX", value: 300 } });
      const startedAt = Date.now();
      expect(await lock("k", async () => "after the lease")).toBe("after the lease");
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200);
    } finally {
      await redis.quit();
    }
  });
});
