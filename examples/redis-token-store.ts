/**
 * A `tokenStore` in Redis, shared by every process that runs a client with the same credentials
 * (node-redis: `npm install redis`). Copy it next to your generated client and change the import.
 *
 *   const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 *   const api = createApi({ auth: { … }, tokenStore: redisTokenStore(redis, { prefix: "billing-api:" }) });
 *
 * Keys of the tokens a client gets by itself name whose they are (client ID, the password grant's
 * username, a `tokenFrom` operation's Basic user-id); a signed-in user's set (`<scheme> user`)
 * names only the scheme: give each signed-in user its own `prefix`.
 *
 * `lock` is what makes sharing safe. When the token expires in every process at once, each
 * process's refresh or token request runs under a Redis lock on that key; the client reads the
 * store again inside it, so the first process asks the server and the others use its answer.
 * Without it they all refresh with the same refresh token, and a server that rotates refresh
 * tokens treats the second use as a replay and revokes the grant (OAuth 2.1 §4.3.1).
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { TokenSet, TokenStore } from "../generated/example-api/index.js";

/** The node-redis commands the store uses: a client from `createClient()` has them. */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { condition?: "NX"; expiration?: { type: "PX"; value: number } }): Promise<string | null>;
  del(key: string): Promise<number>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisTokenStoreOptions {
  /**
   * Prepended to every key. Required, and one per signed-in user: a user's set is keyed by
   * scheme only, so two users under one prefix would hand each other their tokens. (The keys of
   * tokens a client gets by itself name the client ID or user-id.)
   */
  readonly prefix: string;
  /**
   * How long a lock is held at most, so that a process that dies holding it does not stop the
   * others: longer than a token request takes (your client's `timeoutMs`). Default 30 s.
   */
  readonly lockLeaseMs?: number;
  /** How often a process waiting for the lock tries again. Default 25 ms. */
  readonly lockPollMs?: number;
}

/** Deletes the lock only if this holder still owns it: its lease may have run out meanwhile. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export function redisTokenStore(redis: RedisCommands, options: RedisTokenStoreOptions): TokenStore {
  const { prefix, lockLeaseMs = 30_000, lockPollMs = 25 } = options;

  return {
    async get(key) {
      const value = await redis.get(prefix + key);
      return value === null ? undefined : (JSON.parse(value) as TokenSet);
    },

    async set(key, tokens) {
      // A set that cannot be refreshed is useless once expired: let Redis drop it then. One with
      // a refresh token stays until it is replaced or deleted (the refresh token outlives it).
      const ttl = tokens.refreshToken === undefined && tokens.expiresAt !== undefined ? tokens.expiresAt - Date.now() : undefined;
      if (ttl !== undefined && ttl <= 0) {
        await redis.del(prefix + key);
        return;
      }
      await redis.set(prefix + key, JSON.stringify(tokens), ttl === undefined ? {} : { expiration: { type: "PX", value: Math.ceil(ttl) } });
    },

    async delete(key) {
      await redis.del(prefix + key);
    },

    async lock(key, critical) {
      const lockKey = `${prefix}lock:${key}`;
      const owner = randomUUID();
      // A holder that died frees the lock when its lease ends, so waiting a lease is enough.
      const giveUpAt = Date.now() + lockLeaseMs + 5_000;
      while ((await redis.set(lockKey, owner, { condition: "NX", expiration: { type: "PX", value: lockLeaseMs } })) === null) {
        if (Date.now() > giveUpAt) throw new Error(`redisTokenStore: the lock on ${key} stayed taken for more than its lease (${lockLeaseMs} ms)`);
        await sleep(lockPollMs);
      }
      try {
        return await critical();
      } finally {
        await redis.eval(RELEASE, { keys: [lockKey], arguments: [owner] });
      }
    },
  };
}
