/**
 * A generated client in a real browser (Debian's Chromium, driven by playwright-core), used
 * the way a single-page app uses it: the OAuth fixture's client (test/snapshots/oauth2),
 * bundled by esbuild for the browser, runs the authorization code flow with PKCE S256 in the
 * page (Web Crypto), a person signs in and consents on oidc-provider's pages, and the callback
 * page exchanges the code and calls the API with the user's token.
 *
 * One origin on 127.0.0.1 serves the page, the API and, under /as, the authorization server,
 * so no CORS is involved. The SPA is a public client (no secret, `none` at the token
 * endpoint), registered by RFC 7591 dynamic registration once the origin is known.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type http from "node:http";
import { chromium, type Browser, type Page } from "playwright-core";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { repo } from "../emit/check-outputs.js";

/** Debian's package (`apt-get install chromium`, as .ci/run does); CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>spa</title>
<script type="module">
  import { createClient } from "/client.js";
  window.createClient = createClient;
  document.title = "ready";
</script>`;

let as: AuthorizationServer;
let browser: Browser;
let bundle: string;
let clientId: string;
/** Every request the API (not the page, not /as) answered: method, path, status. */
const apiCalls: string[] = [];

/** The API beside the page: GET /me answers for an active token only (RFC 7662 introspection). */
async function api(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
  const introspection = token === undefined ? { active: false } : await as.introspect(token);
  const status = introspection["active"] === true ? 200 : 401;
  apiCalls.push(`${req.method} ${req.url} ${status}`);
  if (status === 401) {
    res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"' }).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json", "x-request-id": "browser-1" });
  res.end(JSON.stringify({ client_id: introspection["client_id"], sub: introspection["sub"], scope: introspection["scope"] }));
}

function serve(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const path = new URL(req.url ?? "/", "http://spa.invalid").pathname;
  if (path === "/" || path === "/callback") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    return true;
  }
  if (path === "/client.js") {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    return true;
  }
  if (path === "/me") {
    void api(req, res);
    return true;
  }
  if (path === "/health") {
    apiCalls.push(`${req.method} ${req.url} 200`);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok", authenticated: req.headers.authorization !== undefined }));
    return true;
  }
  if (path.startsWith("/moved/")) {
    // The API has moved within its origin: every request is sent on with a 307.
    res.writeHead(307, { location: path.slice("/moved".length) }).end();
    return true;
  }
  return false;
}

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin()}${path}`);
  await page.waitForFunction(() => document.title === "ready");
  return page;
}

const origin = () => new URL(as.issuer).origin;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const built = await build({
    entryPoints: [join(repo, "test/snapshots/oauth2/index.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  bundle = built.outputFiles[0]!.text;
  as = await startAuthorizationServer({ mountPath: "/as", rfc8414: true, clients: [], handle: serve });
  const registration = await fetch(`${as.issuer}/reg`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "SPA",
      application_type: "web",
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      redirect_uris: [`${origin()}/callback`],
      scope: "openid offline_access api:read",
    }),
  });
  const registered = (await registration.json()) as { client_id?: string; error_description?: string };
  if (registered.client_id === undefined) throw new Error(`registration failed: ${registered.error_description}`);
  clientId = registered.client_id;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await as?.close();
});

describe("a generated client in Chromium: authorization code + PKCE as a single-page app", () => {
  it("authorizationUrl in the page, sign-in and consent, exchangeCode on the callback, calls with the user's token; a redirected one stops; revoke() signs out", async () => {
    const options = { clientId, issuer: `${origin()}/as`, tokenEndpointAuthMethod: "none" as const };

    // 1. The app asks the client for the authorization URL (PKCE verifier and S256 challenge by Web Crypto).
    const start = await openPage("/");
    const authorization = await start.evaluate(async (options) => {
      const { createClient } = window as unknown as { createClient: (o: object) => { auth: { OAuth2: { authorizationUrl(o: object): Promise<{ url: string; state: string; codeVerifier: string }> } } } };
      const api = createClient({ baseUrl: location.origin, auth: { OAuth2: options } });
      const started = await api.auth.OAuth2.authorizationUrl({ redirectUri: `${location.origin}/callback`, scopes: ["api:read"] });
      sessionStorage.setItem("pkce", JSON.stringify({ state: started.state, codeVerifier: started.codeVerifier }));
      return { url: started.url, secureContext: isSecureContext };
    }, options);
    expect(authorization.secureContext).toBe(true);
    const url = new URL(authorization.url);
    expect(url.origin + url.pathname).toBe(`${origin()}/as/auth`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("client_id")).toBe(clientId);

    // 2. The person signs in and consents on the authorization server's own pages.
    await start.goto(authorization.url);
    await start.fill('input[name="login"]', "alice");
    await start.fill('input[name="password"]', "any");
    await Promise.all([start.waitForURL(/\/interaction\//), start.click('button[type="submit"]')]);
    await Promise.all([start.waitForURL(/\/callback\?/), start.click('button[type="submit"]')]);
    await start.waitForFunction(() => document.title === "ready");

    // 3. The callback page exchanges the code (a new client: the page was reloaded) and calls the API.
    //    A second client, on a relative base URL whose API answers with same-origin redirects,
    //    shares the token store: the browser hides a manual redirect (an "opaqueredirect"), so
    //    a call with credentials stops there, while an anonymous one follows it.
    const outcome = await start.evaluate(async (options) => {
      type Called = { ok: boolean; data?: unknown; requestId?: string; error?: { kind: string; message: string } };
      type Api = {
        auth: { OAuth2: { exchangeCode(o: object): Promise<{ ok: boolean; error?: { message: string } }>; revoke(): Promise<{ ok: boolean }> } };
        getMe(): Promise<Called>;
        health(): Promise<Called>;
      };
      const { createClient } = window as unknown as { createClient: (o: object) => Api };
      const { state, codeVerifier } = JSON.parse(sessionStorage.getItem("pkce")!) as { state: string; codeVerifier: string };
      const tokens = new Map<string, unknown>();
      const tokenStore = {
        get: async (key: string) => tokens.get(key),
        set: async (key: string, value: unknown) => void tokens.set(key, value),
        delete: async (key: string) => void tokens.delete(key),
      };
      const api = createClient({ baseUrl: location.origin, auth: { OAuth2: options }, tokenStore });
      const exchanged = await api.auth.OAuth2.exchangeCode({ callbackUrl: location.href, redirectUri: `${location.origin}/callback`, state, codeVerifier });
      const me = await api.getMe();
      const moved = createClient({ baseUrl: "/moved", auth: { OAuth2: options }, tokenStore });
      const [movedMe, movedHealth] = [await moved.getMe(), await moved.health()];
      // 4. Sign-out: the page revokes the user's tokens at the authorization server (RFC 7009).
      const accessToken = (tokens.get("OAuth2 user") as { accessToken?: string } | undefined)?.accessToken;
      const revoked = await api.auth.OAuth2.revoke();
      const afterSignOut = await api.getMe();
      const shown = (r: Called) => (r.ok ? { data: r.data, requestId: r.requestId } : { kind: r.error?.kind, message: r.error?.message });
      return {
        exchanged: exchanged.ok || exchanged.error?.message,
        me: shown(me),
        movedMe: shown(movedMe),
        movedHealth: shown(movedHealth),
        accessToken,
        revoked: revoked.ok,
        afterSignOut: shown(afterSignOut),
      };
    }, options);
    expect(outcome.exchanged).toBe(true);
    expect(outcome.me).toEqual({ data: { client_id: clientId, sub: "alice", scope: expect.stringContaining("api:read") }, requestId: "browser-1" });
    expect(outcome.movedMe).toEqual({ kind: "unexpected", message: "getMe was redirected, and this environment does not let the client check where to" });
    expect(outcome.movedHealth).toEqual({ data: { status: "ok", authenticated: false } });
    // The token reached /me once, from the first client; the redirected call never got there, nor
    // the call after the sign-out.
    expect(apiCalls).toEqual(["GET /me 200", "GET /health 200"]);
    expect(outcome.revoked).toBe(true);
    expect(outcome.afterSignOut.kind).toBe("auth");
    expect(await as.introspect(outcome.accessToken ?? "")).toMatchObject({ active: false });

    // A public client: the code was exchanged with its verifier and no secret.
    const exchange = as.tokenRequestDetails.find((r) => r.grantType === "authorization_code");
    expect(exchange).toMatchObject({ clientId, status: 200, basicAuth: false });
    expect(exchange?.body["code_verifier"]).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(exchange?.body["client_secret"]).toBeUndefined();
    await start.close();
  }, 60_000);
});
