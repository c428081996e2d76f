/**
 * A stand-in for the 1NCE Management API that behaves as 1NCE's documents say.
 *
 * Authorization API (specs/1nce-authorization.yml): `POST /management-api/oauth/token` with
 * HTTP Basic and a JSON body `{grant_type}`; 200 `{status_code, access_token, token_type:
 * "bearer", expires_in: 3600, userId, scope}`; 400 `{statusCode, errorCode, message}` with the
 * document's messages (checked in the order a gateway would: Basic header, content type,
 * body, then the user); 404 without a body elsewhere.
 *
 * SIM Management excerpt (specs/1nce-management.yml): `GET /management-api/v1/sims` (paged:
 * `page` from 1, `pageSize` 1..100 default 10, paging headers) and `GET
 * /management-api/v1/sims/{iccid}`, both needing a bearer token this server issued, not
 * revoked and not past its `expires_in` (by `Date.now()`, so a test that fakes the clock
 * moves the server's clock too). 401 / 400 / 404 bodies are `{statusCode, errorCode,
 * message}`. `X-Request-Id` on every response.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer, type TestServer } from "./server.js";

/** API users (user-id → password): each 1NCE customer account has its own. */
export const USERS: Record<string, string> = { "api-user": "s3cret:with colon", "other-customer": "another-s3cret" };

export const SIMS = Array.from({ length: 23 }, (_, i) => ({
  iccid: `89883030000${String(1000000 + i).padStart(8, "0")}`,
  imsi: `90140510000${String(1000 + i)}`,
  msisdn: `88${String(2000000000 + i)}`,
  imei_lock: false,
  status: i % 5 === 4 ? "Disabled" : "Enabled",
  activation_date: "2024-01-15T10:30:00.000+0000",
  ip_address: `10.0.${Math.floor(i / 256)}.${i % 256}`,
  current_quota: 500,
  quota_status: { id: 0, description: "More than 20% available" },
  current_quota_SMS: 250,
  quota_status_SMS: { id: 0, description: "More than 20% available" },
  label: i === 0 ? "gateway" : null,
}));

export interface OneNceServerOptions {
  /** Delay before answering a token request. */
  readonly stallMs?: number;
  /** `expires_in` of issued tokens; 1NCE issues 3600. */
  readonly expiresIn?: number;
}

export interface OneNceServer extends TestServer {
  /** Access tokens issued, in order. */
  readonly issued: string[];
  /** Token requests received (whatever their outcome). */
  tokenRequests(): number;
  /** Bearer tokens the SIM endpoints refused, in order. */
  readonly refused: string[];
  /** For every SIM request answered 200, the user whose token it carried, in order. */
  readonly callers: string[];
  /** Make the SIM endpoints refuse a token from now on (as 1NCE does after a password change). */
  revoke(token: string): void;
  /** Refuse every token, issued or not (`false` to stop). */
  refuseAll(on: boolean): void;
}

const BASE = "/management-api";

function badRequest(res: ServerResponse, requestId: string, errorCode: string, message: string): void {
  sendJson(res, 400, { statusCode: 400, errorCode, message }, { "x-request-id": requestId });
}

export function startOneNceServer(options: OneNceServerOptions = {}): Promise<OneNceServer> {
  const issued: string[] = [];
  const refused: string[] = [];
  const callers: string[] = [];
  const tokens = new Map<string, { expiresAt: number; user: string }>();
  let refuseAll = false;

  return startServer(async (req, res) => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? "/", "http://1nce.invalid");
    const notFound = () => {
      res.writeHead(404, { "x-request-id": requestId });
      res.end();
    };

    if (url.pathname === `${BASE}/oauth/token`) {
      if (req.method !== "POST") return notFound();
      if (options.stallMs) await new Promise((r) => setTimeout(r, options.stallMs));
      const auth = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
      const decoded = auth ? Buffer.from(auth[1]!, "base64").toString("utf8") : "";
      const colon = decoded.indexOf(":");
      const username = colon < 0 ? decoded : decoded.slice(0, colon);
      const password = colon < 0 ? "" : decoded.slice(colon + 1);
      if (username === "") return badRequest(res, requestId, "AuthValidationError", "Auth header validation error: Missing attributes 'username'");
      if (password === "") return badRequest(res, requestId, "AuthValidationError", "Auth header validation error: Missing attributes 'password'");
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
        return badRequest(res, requestId, "UnsupportedContentTypeError", "Content-Type not supported");
      }
      let body: { grant_type?: unknown } = {};
      try {
        body = JSON.parse(req.body) as typeof body;
      } catch {
        body = {};
      }
      if (typeof body.grant_type !== "string") {
        return badRequest(res, requestId, "BodyValidationError", "Request body validation error: Missing attributes 'grant_type'");
      }
      if (USERS[username] !== password) return badRequest(res, requestId, "BadCredentials", "User does not exist.");
      const accessToken = `tok-${randomUUID()}`;
      const expiresIn = options.expiresIn ?? 3600;
      issued.push(accessToken);
      tokens.set(accessToken, { expiresAt: Date.now() + expiresIn * 1000, user: username });
      return sendJson(
        res,
        200,
        { status_code: 200, access_token: accessToken, token_type: "bearer", expires_in: expiresIn, userId: username, scope: "all" },
        { "x-request-id": requestId },
      );
    }

    const sim = /^\/management-api\/v1\/sims(?:\/([^/]+))?$/.exec(url.pathname);
    if (sim === null || req.method !== "GET") return notFound();

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const known = bearer === undefined ? undefined : tokens.get(bearer);
    if (refuseAll || known === undefined || known.expiresAt <= Date.now()) {
      if (bearer !== undefined) refused.push(bearer);
      return sendJson(res, 401, { statusCode: 401, errorCode: "Unauthorized", message: "Unauthorized" }, { "x-request-id": requestId });
    }
    callers.push(known.user);

    if (sim[1] !== undefined) {
      const found = SIMS.find((s) => s.iccid === decodeURIComponent(sim[1]!));
      if (found === undefined) {
        return sendJson(res, 404, { statusCode: 404, errorCode: "NotFound", message: "SIM not found" }, { "x-request-id": requestId });
      }
      return sendJson(res, 200, found, { "x-request-id": requestId });
    }

    const page = Number(url.searchParams.get("page") ?? "1");
    const pageSize = Number(url.searchParams.get("pageSize") ?? "10");
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      return sendJson(
        res,
        400,
        { statusCode: 400, errorCode: "ValidationError", message: "page must be at least 1 and pageSize between 1 and 100" },
        { "x-request-id": requestId },
      );
    }
    const totalPages = Math.max(1, Math.ceil(SIMS.length / pageSize));
    sendJson(res, 200, SIMS.slice((page - 1) * pageSize, page * pageSize), {
      "x-request-id": requestId,
      "x-count-per-page": String(pageSize),
      "x-current-page": String(page),
      "x-total-count": String(SIMS.length),
      "x-total-pages": String(totalPages),
    });
  }).then((server) =>
    Object.assign(server, {
      issued,
      refused,
      callers,
      tokenRequests: () => server.requests.filter((r) => r.url === `${BASE}/oauth/token`).length,
      revoke: (token: string) => void tokens.delete(token),
      refuseAll: (on: boolean) => void (refuseAll = on),
    }),
  );
}
