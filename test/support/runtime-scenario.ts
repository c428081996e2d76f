/**
 * What test/e2e/runtimes.test.ts runs in each JavaScript runtime (Node, Deno, Bun, workerd):
 * generated clients doing what users rely on, with nothing but the runtime's own fetch, Web
 * Crypto, timers and AbortSignal. `runScenario` is bundled by esbuild for a neutral platform
 * with one of two entries: a script that prints the results as one JSON line, or a Worker
 * that answers a request with them.
 */
import { inspect } from "node:util";
import { createClient as createOneNceClient } from "../../generated/1nce-management/index.js";
import { createClient, privateKeyJwt } from "../snapshots/oauth2/index.js";

export interface ScenarioConfig {
  /** The resource server's origin (GET /me for an active token; /moved/* redirects 307). */
  readonly api: string;
  readonly issuer: string;
  readonly machine: { readonly id: string; readonly secret: string };
  /** The 1NCE stand-in's management API base URL, and its user. */
  readonly oneNce: string;
  readonly oneNceUser: { readonly username: string; readonly password: string };
  /** A server that accepts connections and never answers. */
  readonly hang: string;
  /** Clients that authenticate with `private_key_jwt`: their id, JWS algorithm and private key (JWK). */
  readonly signers: readonly { readonly id: string; readonly alg: SigningAlg; readonly privateJwk: JsonWebKey }[];
}

/** The JWS algorithms `privateKeyJwt` signs with, and the Web Crypto parameters to import each key. */
export const SIGNING_ALGORITHMS = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  EdDSA: { name: "Ed25519" },
} as const;
export type SigningAlg = keyof typeof SIGNING_ALGORITHMS;

type Outcome = { readonly ok: true; readonly status: number; readonly clientId?: string } | { readonly ok: false; readonly kind: string; readonly detail?: string };

export interface ScenarioResults {
  readonly runtime: string;
  /** Five concurrent calls on a cold cache; the token requests they caused. */
  readonly clientCredentials: { readonly calls: Outcome[]; readonly tokenRequests: number };
  /** A token the API refuses (401): invalidated, one re-acquisition, success. */
  readonly refusedToken: { readonly call: Outcome; readonly tokenRequests: number; readonly apiRequests: number };
  /** The API moved within its origin (307): an anonymous and a credentialed call. */
  readonly redirect: { readonly anonymous: Outcome; readonly credentialed: Outcome };
  readonly pkce: { readonly url: string; readonly state: string; readonly codeVerifier: string };
  /** 1NCE: bearer tokens from POST /oauth/token (tokenFrom), then a wrong password. */
  readonly tokenFrom: { readonly sims: Outcome; readonly wrongPassword: Outcome & { readonly tokenErrorCode?: string } };
  /** `timeoutMs` against a server that never answers, and a caller's signal aborted before the call. */
  readonly timeout: { readonly elapsed: Outcome; readonly aborted: Outcome };
  /** A call by each `private_key_jwt` client, its assertion signed by this runtime's Web Crypto. */
  readonly privateKeyJwt: Partial<Record<SigningAlg, Outcome>>;
  /** A client holding a token as the runtime's inspector, JSON and String show it, and that token (the test looks for it). */
  readonly shown: { readonly texts: string[]; readonly accessToken: string };
}

function outcome(res: { ok: true; status: number; data: unknown } | { ok: false; error: { kind: string; reason?: string } }): Outcome {
  if (!res.ok) return { ok: false, kind: res.error.kind, ...(res.error.reason === undefined ? {} : { detail: res.error.reason }) };
  const data = res.data as { client_id?: unknown } | undefined;
  return { ok: true, status: res.status, ...(typeof data?.client_id === "string" ? { clientId: data.client_id } : {}) };
}

/** A fetch that counts what it sends, by kind. */
function countingFetch(config: ScenarioConfig) {
  const sent = { token: 0, api: 0 };
  const counted: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith("/token")) sent.token++;
    else if (url.origin === new URL(config.api).origin) sent.api++;
    return fetch(input, init);
  };
  return { sent, fetch: counted };
}

const oauth = (config: ScenarioConfig) => ({ issuer: config.issuer, clientId: config.machine.id, clientSecret: config.machine.secret });

async function clientCredentials(config: ScenarioConfig): Promise<ScenarioResults["clientCredentials"]> {
  const { sent, fetch } = countingFetch(config);
  const api = createClient({ baseUrl: config.api, fetch, auth: { OAuth2: oauth(config) } });
  const calls = await Promise.all(Array.from({ length: 5 }, () => api.getMe()));
  return { calls: calls.map(outcome), tokenRequests: sent.token };
}

async function refusedToken(config: ScenarioConfig): Promise<ScenarioResults["refusedToken"]> {
  const { sent, fetch } = countingFetch(config);
  const api = createClient({ baseUrl: config.api, fetch, auth: { OAuth2: oauth(config) } });
  await api.auth.OAuth2.setTokens({ accessToken: "never-issued", tokenType: "Bearer" });
  const call = outcome(await api.getMe());
  return { call, tokenRequests: sent.token, apiRequests: sent.api };
}

async function redirect(config: ScenarioConfig): Promise<ScenarioResults["redirect"]> {
  const api = createClient({ baseUrl: `${config.api}/moved`, auth: { OAuth2: oauth(config) } });
  return { anonymous: outcome(await api.health()), credentialed: outcome(await api.getMe()) };
}

async function pkce(config: ScenarioConfig): Promise<ScenarioResults["pkce"]> {
  const api = createClient({ baseUrl: config.api, auth: { OAuth2: { ...oauth(config), clientSecret: undefined, tokenEndpointAuthMethod: "none" } } });
  return api.auth.OAuth2.authorizationUrl({ redirectUri: "https://client.example/callback", scopes: ["api:read"] });
}

async function tokenFrom(config: ScenarioConfig): Promise<ScenarioResults["tokenFrom"]> {
  const client = (password: string) =>
    createOneNceClient({ baseUrl: config.oneNce, auth: { BasicAuthentication: { username: config.oneNceUser.username, password } } });
  const sims = outcome(await client(config.oneNceUser.password).getSimsUsingGET());
  const wrong = await client("not-the-password").getSimsUsingGET();
  const tokenError = !wrong.ok && wrong.error.kind === "auth" ? wrong.error.tokenError : undefined;
  const tokenErrorCode = tokenError?.kind === "http" && tokenError.status === 400 ? tokenError.body.errorCode : undefined;
  return { sims, wrongPassword: { ...outcome(wrong), ...(tokenErrorCode === undefined ? {} : { tokenErrorCode }) } };
}

async function timeout(config: ScenarioConfig): Promise<ScenarioResults["timeout"]> {
  const api = createClient({ baseUrl: config.hang, timeoutMs: 200, retry: false, auth: {} });
  const elapsed = outcome(await api.health());
  const aborted = outcome(await api.health({ signal: AbortSignal.abort() }));
  return { elapsed, aborted };
}

async function signedAssertions(config: ScenarioConfig): Promise<ScenarioResults["privateKeyJwt"]> {
  const outcomes: Partial<Record<SigningAlg, Outcome>> = {};
  for (const { id, alg, privateJwk } of config.signers) {
    try {
      const key = await crypto.subtle.importKey("jwk", privateJwk, SIGNING_ALGORITHMS[alg], false, ["sign"]);
      const api = createClient({ baseUrl: config.api, auth: { OAuth2: { issuer: config.issuer, clientId: id, clientAssertion: privateKeyJwt(key) } } });
      outcomes[alg] = outcome(await api.getMe());
    } catch (error) {
      outcomes[alg] = { ok: false, kind: "threw", detail: String(error) };
    }
  }
  return outcomes;
}

/** A client holding a token, as the runtime's inspector, JSON and String show it; and the token, to look for. */
async function shown(config: ScenarioConfig): Promise<ScenarioResults["shown"]> {
  const api = createClient({ baseUrl: config.api, auth: { OAuth2: oauth(config) } });
  const token = await api.auth.OAuth2.getToken();
  const runtimes = globalThis as { Deno?: { inspect(value: unknown): string }; Bun?: { inspect(value: unknown): string } };
  const native = runtimes.Deno?.inspect ?? runtimes.Bun?.inspect;
  return {
    texts: [inspect(api, { depth: 10, showHidden: true }), ...(native ? [native(api)] : []), JSON.stringify(api), String(api.auth.OAuth2)],
    accessToken: token.ok ? token.tokens.accessToken : "",
  };
}

function runtimeName(): string {
  const g = globalThis as { Deno?: { version: { deno: string } }; Bun?: { version: string }; process?: { version: string }; navigator?: { userAgent?: string } };
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  return `node ${g.process?.version ?? "?"}`;
}

export async function runScenario(config: ScenarioConfig): Promise<ScenarioResults> {
  return {
    runtime: runtimeName(),
    clientCredentials: await clientCredentials(config),
    refusedToken: await refusedToken(config),
    redirect: await redirect(config),
    pkce: await pkce(config),
    tokenFrom: await tokenFrom(config),
    timeout: await timeout(config),
    privateKeyJwt: await signedAssertions(config),
    shown: await shown(config),
  };
}
