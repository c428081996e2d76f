/**
 * A loop to profile one kind of call of the generated OAuth fixture client, without a network (an
 * in-memory fetch; the token endpoint is answered in memory too):
 *
 *   npx esbuild bench/runtime/profile-call.ts --bundle --platform=node --format=esm --outfile=bench/.work/build/profile-call.mjs
 *   node --cpu-prof --cpu-prof-dir=bench/.work/prof bench/.work/build/profile-call.mjs health|me|cred|stub|pair [calls] [bare]
 *
 * health: anonymous call; me: OAuth 2 call with a cached token; cred: api.auth.credentialsFor (the
 * auth step alone); stub: the in-memory fetch + res.json() alone, for scale; pair: health and me
 * in 20 alternating rounds, printing the median of the per-round differences (what a cached
 * token adds to a call). `bare` answers the API's paths with a response-shaped object instead of
 * a `Response`: constructing and reading a real one costs ~15 µs and its garbage makes rounds
 * vary by more than a microsecond, which hides the client's own work.
 */
import { createClient } from "../../test/snapshots/oauth2/index.js";

const base = "http://127.0.0.1:1";
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
const bare = process.argv[4] === "bare";
const jsonHeaders = { get: (name: string) => (name === "content-type" ? "application/json" : null) };
/** Just what the pipeline reads of a response: status, headers, a body to read as text. */
const bareJson = (body: unknown) => {
  const text = JSON.stringify(body);
  return { status: 200, statusText: "OK", type: "basic", headers: jsonHeaders, body: null, text: async () => text } as unknown as Response;
};
let tokenRequests = 0;
const memoryFetch: typeof fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith("/token")) {
    tokenRequests++;
    return json({ access_token: "token", token_type: "Bearer", expires_in: 3600 });
  }
  const body = url.endsWith("/me") ? { client_id: "bench", sub: "bench", scope: "api:read" } : { status: "ok", authenticated: false };
  return bare ? bareJson(body) : json(body);
};

const mode = process.argv[2] ?? "health";
const calls = Number(process.argv[3] ?? 200_000);
if (!["health", "me", "cred", "stub", "pair"].includes(mode) || !Number.isInteger(calls) || calls < 1 || calls > 10_000_000) {
  throw new Error("usage: profile-call.mjs health|me|cred|stub|pair [calls ≤ 10,000,000] [bare]");
}
const api = createClient({ baseUrl: base, fetch: memoryFetch, auth: { OAuth2: { clientId: "bench", clientSecret: "bench-secret" } } });
const first = await api.getMe();
if (!first.ok) throw new Error(`getMe failed: ${first.error.kind}`);

async function perCall(n: number, call: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await call();
  return ((performance.now() - t0) * 1000) / n;
}

if (mode === "pair") {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const health = () => api.health();
  const me = () => api.getMe();
  await perCall(calls, health);
  await perCall(calls, me);
  const anonymous: number[] = [];
  const cached: number[] = [];
  const deltas: number[] = [];
  for (let round = 0; round < 20; round++) {
    const a = await perCall(calls, health);
    const b = await perCall(calls, me);
    anonymous.push(a);
    cached.push(b);
    deltas.push(b - a);
  }
  process.stdout.write(
    `health ${median(anonymous).toFixed(2)} µs, me ${median(cached).toFixed(2)} µs: a cached token adds ${median(deltas).toFixed(2)} µs per call (median of 20 rounds of ${calls}); token requests: ${tokenRequests}\n`,
  );
} else {
  const us = await perCall(calls, () => {
    if (mode === "health") return api.health();
    if (mode === "me") return api.getMe();
    if (mode === "cred") return api.auth.credentialsFor("OAuth2", { scopes: ["api:read"] });
    return memoryFetch(`${base}/health`).then((response) => response.json());
  });
  process.stdout.write(`${mode}: ${us.toFixed(2)} µs per call over ${calls} calls; token requests: ${tokenRequests}\n`);
}
