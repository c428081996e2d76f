/**
 * One process of a multi-process app for test/e2e/shared-token-store.test.ts: a generated
 * client (test/snapshots/oauth2) whose tokenStore is examples/redis-token-store.ts. It connects,
 * says `ready`, waits for `go` on stdin (so that every process starts its calls at once), makes
 * its calls concurrently and prints one JSON line with their outcomes.
 *
 *   node --import tsx test/support/token-store-worker.ts '<WorkerTask as JSON>'
 */
import { createInterface } from "node:readline";
import { createClient as createRedis } from "redis";
import { redisTokenStore } from "../../examples/redis-token-store.js";
import { createClient } from "../snapshots/oauth2/index.js";

export interface WorkerTask {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly baseUrl: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly flow: "clientCredentials" | "authorizationCode";
  readonly calls: number;
}

export type WorkerOutcome = { readonly ok: true; readonly sub?: string } | { readonly ok: false; readonly kind: string; readonly message: string };

const task = JSON.parse(process.argv[2] ?? "{}") as WorkerTask;
const redis = await createRedis({ url: task.redisUrl }).connect();
const api = createClient({
  baseUrl: task.baseUrl,
  tokenStore: redisTokenStore(redis, { prefix: task.prefix }),
  auth: { OAuth2: { issuer: task.issuer, clientId: task.clientId, clientSecret: task.clientSecret, flow: task.flow } },
});

const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) if (line === "go") break;
lines.close();

const results = await Promise.all(Array.from({ length: task.calls }, () => api.getMe()));
const outcomes: WorkerOutcome[] = results.map((res) =>
  res.ok ? { ok: true, ...(typeof res.data.sub === "string" ? { sub: res.data.sub } : {}) } : { ok: false, kind: res.error.kind, message: res.error.message },
);
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
await redis.quit();
