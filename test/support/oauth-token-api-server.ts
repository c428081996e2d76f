/**
 * A stand-in for the seed 003 API (specs/oauth-token-api.yml), as its "OAuth Authentication"
 * page says.
 *
 * `POST /v1/auth/token`: `Content-Type: application/x-www-form-urlencoded` with exactly
 * `client_id` and `client_secret` — no `grant_type` (any other field is a 400); 200
 * `{"data": {access_token: "sk-…", token_type: "Bearer", expires_in: 3600}}`. Errors are the
 * page's: 400 `{"error": {code: "400013", code_reason: "invalid_request", message: "Missing or
 * invalid parameters"}}`, 401 `{"error": {code: "401021", code_reason: "invalid_client",
 * message: "Invalid client_id, client_secret, or session_key"}}`, 500 `{"error": {code:
 * "500999", code_reason: "API_ERROR", message: "Api Error, please contact customer service"}}`;
 * 403 and 404 as the page shows them, a bare `error` field: `{"error": "Access forbidden for
 * this resource."}` and `{"error": "Resource or endpoint not found."}` (every unknown path).
 *
 * The resource operations (invented, see the document): `GET /v1/account` and `GET
 * /v1/projects/{project_id}` need a bearer token this server issued (and did not revoke); a
 * missing or refused one is a 401 in the same envelope (`code_reason: "invalid_token"`).
 * Project ids: `prj_…` known ones answer 200, `prj_locked` 403, `prj_boom` 500, other `prj_…`
 * 404, anything not `prj_…` 400. Client ids: `CLIENT_ID` with `CLIENT_SECRET` get tokens,
 * `SUSPENDED_CLIENT` gets 403, `FAILING_CLIENT` 500.
 */
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer, type TestServer } from "./server.js";

export const CLIENT_ID = "YOUR_CLIENT_ID";
export const CLIENT_SECRET = "secret+with/&=special chars";
export const SUSPENDED_CLIENT = "SUSPENDED_CLIENT";
export const FAILING_CLIENT = "FAILING_CLIENT";
export const PROJECTS: Record<string, { id: string; name: string }> = {
  prj_alpha: { id: "prj_alpha", name: "Alpha" },
  prj_beta: { id: "prj_beta", name: "Beta" },
};

export const ERRORS = {
  400: { error: { code: "400013", code_reason: "invalid_request", message: "Missing or invalid parameters" } },
  401: { error: { code: "401021", code_reason: "invalid_client", message: "Invalid client_id, client_secret, or session_key" } },
  invalidToken: { error: { code: "401001", code_reason: "invalid_token", message: "Invalid or expired access token" } },
  403: { error: "Access forbidden for this resource." },
  404: { error: "Resource or endpoint not found." },
  500: { error: { code: "500999", code_reason: "API_ERROR", message: "Api Error, please contact customer service" } },
} as const;

export interface OAuthTokenApiServer extends TestServer {
  readonly issued: string[];
  tokenRequests(): TestServer["requests"];
  /** Refuse every bearer token (`false` to stop). */
  refuseAll(on: boolean): void;
  revoke(token: string): void;
}

const TOKEN_PATH = "/v1/auth/token";

export function startOAuthTokenApiServer(): Promise<OAuthTokenApiServer> {
  const issued: string[] = [];
  const valid = new Set<string>();
  let refuseAll = false;
  const send = (res: ServerResponse, status: keyof typeof ERRORS | 200, body?: unknown) =>
    sendJson(res, status === "invalidToken" ? 401 : status, body ?? ERRORS[status as keyof typeof ERRORS]);

  return startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://api.invalid");

    if (url.pathname === TOKEN_PATH && req.method === "POST") {
      const mediaType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (mediaType !== "application/x-www-form-urlencoded") return send(res, 400);
      const form = new URLSearchParams(req.body);
      const fields = [...form.keys()].sort();
      if (fields.join(",") !== "client_id,client_secret") return send(res, 400);
      const clientId = form.get("client_id")!;
      if (clientId === SUSPENDED_CLIENT) return send(res, 403);
      if (clientId === FAILING_CLIENT) return send(res, 500);
      if (clientId !== CLIENT_ID || form.get("client_secret") !== CLIENT_SECRET) return send(res, 401);
      const accessToken = `sk-${randomBytes(16).toString("hex")}`;
      issued.push(accessToken);
      valid.add(accessToken);
      return send(res, 200, { data: { access_token: accessToken, token_type: "Bearer", expires_in: 3600 } });
    }

    const project = /^\/v1\/projects\/([^/]+)$/.exec(url.pathname);
    if (req.method !== "GET" || (url.pathname !== "/v1/account" && project === null)) return send(res, 404);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (refuseAll || bearer === undefined || !valid.has(bearer)) return send(res, "invalidToken");
    if (project === null) return send(res, 200, { data: { id: "acc_1", name: "Example Account" } });

    const id = decodeURIComponent(project[1]!);
    if (!id.startsWith("prj_")) return send(res, 400);
    if (id === "prj_locked") return send(res, 403);
    if (id === "prj_boom") return send(res, 500);
    const found = PROJECTS[id];
    return found ? send(res, 200, { data: found }) : send(res, 404);
  }).then((server) =>
    Object.assign(server, {
      issued,
      tokenRequests: () => server.requests.filter((r) => r.url === TOKEN_PATH),
      refuseAll: (on: boolean) => void (refuseAll = on),
      revoke: (token: string) => void valid.delete(token),
    }),
  );
}
