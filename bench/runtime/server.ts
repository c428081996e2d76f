/**
 * The HTTP side of the runtime benchmark, in its own process (bundled to bench/.work/build and
 * forked by calls.ts), bound to 127.0.0.1 only:
 *   GET  /health                                  {"status":"ok","authenticated":bool}
 *   GET  /me                                      200 with a Bearer token, else 401
 *   GET  /.well-known/oauth-authorization-server  RFC 8414 metadata (counted)
 *   POST /token                                   a token after TOKEN_DELAY_MS (counted)
 *   GET  /__stats, POST /__reset                  the counters
 * It tells its parent the port over IPC, and closes every connection and exits on "close" (or when
 * the parent goes away).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const TOKEN_DELAY_MS = 50;
const counts = { token: 0, discovery: 0, me: 0, health: 0 };
let issued = 0;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  const path = url.split("?", 1)[0];
  // Drain any body first; none of these routes reads it.
  req.resume();
  req.on("end", () => {
    if (req.method === "GET" && path === "/health") {
      counts.health++;
      json(res, 200, { status: "ok", authenticated: req.headers.authorization !== undefined });
    } else if (req.method === "GET" && path === "/me") {
      counts.me++;
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) json(res, 401, { error: "invalid_token" });
      else json(res, 200, { client_id: "bench", sub: "bench", scope: "api:read" });
    } else if (req.method === "GET" && path === "/.well-known/oauth-authorization-server") {
      counts.discovery++;
      const issuer = `http://${req.headers.host}`;
      json(res, 200, {
        issuer,
        token_endpoint: `${issuer}/token`,
        authorization_endpoint: `${issuer}/auth`,
        response_types_supported: ["code"],
        grant_types_supported: ["client_credentials", "authorization_code", "refresh_token"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
      });
    } else if (req.method === "POST" && path === "/token") {
      counts.token++;
      const n = ++issued;
      setTimeout(() => json(res, 200, { access_token: `token-${n}`, token_type: "Bearer", expires_in: 3600, scope: "api:read api:write" }), TOKEN_DELAY_MS);
    } else if (path === "/__stats") {
      json(res, 200, counts);
    } else if (req.method === "POST" && path === "/__reset") {
      counts.token = counts.discovery = counts.me = counts.health = 0;
      json(res, 200, counts);
    } else {
      json(res, 404, { error: "not_found" });
    }
  });
}

const server = createServer({ keepAliveTimeout: 60_000 }, handle);
server.maxHeadersCount = 100;
server.listen({ host: "127.0.0.1", port: 0, backlog: 4096 }, () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  process.send?.({ port: address.port });
});

function close(): void {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("message", (message) => {
  if (message === "close") close();
});
process.on("disconnect", close);
