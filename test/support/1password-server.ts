/**
 * A stand-in for one region of the 1Password Users API for Partners, as its documentation
 * (shared seed 001 and specs/1password-users.yml) says.
 *
 * Token endpoint `POST /v1beta1/users/oauth2/token` (OAuth 2.0 client credentials):
 * - client authentication with HTTP Basic only, decoded as RFC 6749 §2.3.1 says (base64, split
 *   at the first ":", then application/x-www-form-urlencoded decoding of id and secret);
 * - `Content-Type: application/x-www-form-urlencoded` required; `grant_type=client_credentials`
 *   required; `scope`, when sent, must be `openid`;
 * - 200 `{access_token, expires_in: 900, scope: "openid", token_type: "Bearer"}`, no refresh
 *   token; tokens expire after 900 s by `Date.now()` (a test that fakes the clock moves it);
 * - RFC 6749 §5.2 errors: 400 `invalid_request` / `unsupported_grant_type` / `invalid_scope`,
 *   401 `invalid_client` (with `WWW-Authenticate: Basic`) for unknown, wrong or inactive clients.
 *
 * Resource endpoints (bearer token of this region only): `GET
 * /v1beta1/accounts/{account_id}/users` (`filter`, `max_page_size` up to 1000 default 25,
 * `page_token` / `next_page_token`) and `GET /v1beta1/accounts/{account_id}/users/{user_id}`.
 * Their errors are `{code, message}` (gRPC-style codes: 3 invalid argument, 5 not found,
 * 16 unauthenticated) — the shape the document declares; 1Password's pages do not show one.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer, type TestServer } from "./server.js";

export const CLIENT_ID = "partner-app";
/** Characters that §2.3.1 form-encoding changes: "+", "/", "&", ":", a non-ASCII letter, a space. */
export const CLIENT_SECRET = "s3cr+t/&:é x";
export const INACTIVE_CLIENT = { id: "retired-app", secret: "retired-secret" };
export const ACCOUNT_ID = "ACCOUNT123";
export const TOKEN_LIFETIME = 900;

export const USERS = Array.from({ length: 7 }, (_, i) => ({
  id: `USER${String(i).padStart(22, "0")}`,
  email: `user${i}@example.com`,
  display_name: `User ${i}`,
  state: i === 3 ? "SUSPENDED" : "ACTIVE",
  create_time: "2024-01-15T10:30:00Z",
  path: `accounts/${ACCOUNT_ID}/users/USER${String(i).padStart(22, "0")}`,
}));

export interface OnePasswordServer extends TestServer {
  readonly region: string;
  /** Access tokens issued, in order. */
  readonly issued: string[];
  tokenRequests(): TestServer["requests"];
  /** Refuse this token from now on. */
  revoke(token: string): void;
}

const TOKEN_PATH = "/v1beta1/users/oauth2/token";

function oauthError(res: ServerResponse, status: 400 | 401, error: string, description: string): void {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (status === 401) headers["www-authenticate"] = 'Basic realm="1Password Users API"';
  sendJson(res, status, { error, error_description: description }, headers);
}

/** RFC 6749 §2.3.1 / Appendix B: application/x-www-form-urlencoded decoding of one value. */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

export function startOnePasswordServer(region: "com" | "ca" | "eu" = "com"): Promise<OnePasswordServer> {
  const issued: string[] = [];
  const tokens = new Map<string, number>();
  return startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://1password.invalid");

    if (url.pathname === TOKEN_PATH) {
      if (req.method !== "POST") return sendJson(res, 405, { code: 12, message: "method not allowed" });
      const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? "");
      if (basic === null) return oauthError(res, 401, "invalid_client", "client authentication with HTTP Basic is required");
      const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      let id = "";
      let secret = "";
      try {
        id = formDecode(colon < 0 ? decoded : decoded.slice(0, colon));
        secret = colon < 0 ? "" : formDecode(decoded.slice(colon + 1));
      } catch {
        return oauthError(res, 401, "invalid_client", "malformed client credentials");
      }
      const mediaType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (mediaType !== "application/x-www-form-urlencoded") {
        return oauthError(res, 400, "invalid_request", "the request body must be application/x-www-form-urlencoded");
      }
      const form = new URLSearchParams(req.body);
      const grantType = form.get("grant_type");
      if (grantType === null) return oauthError(res, 400, "invalid_request", "missing grant_type");
      if (grantType !== "client_credentials") return oauthError(res, 400, "unsupported_grant_type", "only client_credentials is supported");
      const scope = form.get("scope");
      if (scope !== null && scope !== "openid") return oauthError(res, 400, "invalid_scope", "the scope must be openid");
      if (id === INACTIVE_CLIENT.id && secret === INACTIVE_CLIENT.secret) return oauthError(res, 401, "invalid_client", "the client is inactive");
      if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return oauthError(res, 401, "invalid_client", "invalid client credentials");
      const accessToken = `op-${region}-${randomUUID()}`;
      issued.push(accessToken);
      tokens.set(accessToken, Date.now() + TOKEN_LIFETIME * 1000);
      res.setHeader("cache-control", "no-store");
      return sendJson(res, 200, { access_token: accessToken, expires_in: TOKEN_LIFETIME, scope: "openid", token_type: "Bearer" });
    }

    const route = /^\/v1beta1\/accounts\/([^/]+)\/users(?:\/([^/]+))?$/.exec(url.pathname);
    if (route === null || req.method !== "GET") return sendJson(res, 404, { code: 5, message: "not found" });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const expiresAt = bearer === undefined ? undefined : tokens.get(bearer);
    if (expiresAt === undefined || expiresAt <= Date.now()) return sendJson(res, 401, { code: 16, message: "invalid or expired access token" });
    if (decodeURIComponent(route[1]!) !== ACCOUNT_ID) return sendJson(res, 404, { code: 5, message: "account not found" });

    if (route[2] !== undefined) {
      const user = USERS.find((u) => u.id === decodeURIComponent(route[2]!));
      return user ? sendJson(res, 200, user) : sendJson(res, 404, { code: 5, message: "user not found" });
    }
    const filter = url.searchParams.get("filter") ?? "";
    if (!["", "user.isActive()", "user.isSuspended()"].includes(filter)) {
      return sendJson(res, 400, { code: 3, message: `InvalidArgument: unsupported filter ${JSON.stringify(filter)}` });
    }
    const size = Number(url.searchParams.get("max_page_size") ?? "25");
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      return sendJson(res, 400, { code: 3, message: "InvalidArgument: max_page_size must be between 1 and 1000" });
    }
    const offset = url.searchParams.has("page_token") ? Number(Buffer.from(url.searchParams.get("page_token")!, "base64url").toString()) : 0;
    const matching = USERS.filter((u) => filter === "" || (filter === "user.isActive()") === (u.state === "ACTIVE"));
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? Buffer.from(String(offset + size)).toString("base64url") : undefined;
    sendJson(res, 200, { results: page, ...(next === undefined ? {} : { next_page_token: next }) });
  }).then((server) =>
    Object.assign(server, {
      region,
      issued,
      tokenRequests: () => server.requests.filter((r) => r.url === TOKEN_PATH),
      revoke: (token: string) => void tokens.delete(token),
    }),
  );
}
