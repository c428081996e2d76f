/**
 * The scenario as a Cloudflare Worker (workerd); SCENARIO is defined by the bundler.
 * `GET /` runs the scenario; `GET /ready` answers 204. `GET /me` calls the API with a client created once, at module
 * scope, as a Worker shares one across the requests an isolate serves: its token cache and
 * single flight then span requests.
 */
import { createClient } from "../snapshots/oauth2/index.js";
import { runScenario, type ScenarioConfig } from "./runtime-scenario.js";

declare const SCENARIO: ScenarioConfig;

const shared = createClient({
  baseUrl: SCENARIO.api,
  auth: { OAuth2: { issuer: SCENARIO.issuer, clientId: SCENARIO.machine.id, clientSecret: SCENARIO.machine.secret } },
});

export default {
  async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/ready") return new Response(null, { status: 204 });
    if (pathname === "/me") {
      const res = await shared.getMe();
      return Response.json(res.ok ? { ok: true, clientId: res.data.client_id } : { ok: false, kind: res.error.kind, message: res.error.message });
    }
    return Response.json(await runScenario(SCENARIO));
  },
};
