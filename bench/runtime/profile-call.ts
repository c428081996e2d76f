/**
 * A loop to profile one kind of call of the generated OAuth fixture client, without a network (an
 * in-memory fetch; the token endpoint is answered in memory too):
 *
 *   npx esbuild bench/runtime/profile-call.ts --bundle --platform=node --format=esm --outfile=bench/.work/build/profile-call.mjs
 *   node --cpu-prof --cpu-prof-dir=bench/.work/prof bench/.work/build/profile-call.mjs health|me|cred|stub [calls]
 *
 * health: anonymous call; me: OAuth 2 call with a cached token; cred: api.auth.credentialsFor (the
 * auth step alone); stub: the in-memory fetch + res.json() alone, for scale.
 */
import { createClient } from "../../test/snapshots/oauth2/index.js";

const base = "http://127.0.0.1:1";
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
let tokenRequests = 0;
const memoryFetch: typeof fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith("/token")) {
    tokenRequests++;
    return json({ access_token: "token", token_type: "Bearer", expires_in: 3600 });
  }
  return json(url.endsWith("/me") ? { client_id: "bench", sub: "bench", scope: "api:read" } : { status: "ok", authenticated: false });
};

const mode = process.argv[2] ?? "health";
const calls = Number(process.argv[3] ?? 200_000);
if (!["health", "me", "cred", "stub"].includes(mode) || !Number.isInteger(calls) || calls < 1 || calls > 10_000_000) {
  throw new Error("usage: profile-call.mjs health|me|cred|stub [calls ≤ 10,000,000]");
}
const api = createClient({ baseUrl: base, fetch: memoryFetch, auth: { OAuth2: { clientId: "bench", clientSecret: "bench-secret" } } });
const first = await api.getMe();
if (!first.ok) throw new Error(`getMe failed: ${first.error.kind}`);

const t0 = performance.now();
for (let i = 0; i < calls; i++) {
  if (mode === "health") await api.health();
  else if (mode === "me") await api.getMe();
  else if (mode === "cred") await api.auth.credentialsFor("OAuth2", { scopes: ["api:read"] });
  else await (await memoryFetch(`${base}/health`)).json();
}
const us = ((performance.now() - t0) * 1000) / calls;
process.stdout.write(`${mode}: ${us.toFixed(2)} µs per call over ${calls} calls; token requests: ${tokenRequests}\n`);
