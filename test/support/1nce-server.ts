/**
 * A stand-in for the 1NCE Authorization API that behaves as its document
 * (specs/1nce-authorization.yml) says: `POST /management-api/oauth/token` with HTTP Basic
 * and a JSON body `{grant_type}`; 400 bodies `{statusCode, errorCode, message}` with the
 * document's messages; 404 without a body elsewhere; `X-Request-Id` on every response.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer, type TestServer } from "./server.js";

export const USERS: Record<string, string> = { "api-user": "s3cret:with colon" };

function badRequest(res: ServerResponse, requestId: string, errorCode: string, message: string): void {
  sendJson(res, 400, { statusCode: 400, errorCode, message }, { "x-request-id": requestId });
}

export function startOneNceServer(options: { stallMs?: number } = {}): Promise<TestServer & { issued: string[] }> {
  const issued: string[] = [];
  return startServer(async (req, res) => {
    const requestId = randomUUID();
    if (req.method !== "POST" || req.url !== "/management-api/oauth/token") {
      res.writeHead(404, { "x-request-id": requestId });
      res.end();
      return;
    }
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
    issued.push(accessToken);
    sendJson(
      res,
      200,
      { status_code: 200, access_token: accessToken, token_type: "bearer", expires_in: 3600, userId: username, scope: "all" },
      { "x-request-id": requestId },
    );
  }).then((server) => Object.assign(server, { issued }));
}
