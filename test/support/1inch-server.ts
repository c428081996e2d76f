/**
 * A stand-in for the 1inch Business API gateway (seed 000, specs/1inch.yml), which is its
 * own OAuth 2.1 authorization server. One origin serves:
 *
 * - RFC 8414 metadata at `/.well-known/oauth-authorization-server` (issuer = the origin),
 *   token endpoint `/oauth/token` (client_id and client_secret in the form body only, as
 *   every curl of the seed sends them), authorization endpoint `/oauth/authorize` (PKCE
 *   required, S256), dynamic client registration at `/oauth/register` (RFC 7591) behind a
 *   portal access token sent as Bearer, with `application_id` required for authorization
 *   code clients and not for client credentials clients; refresh tokens issued with
 *   authorization codes and rotated.
 * - `GET /swap/v5.2/{chain}/tokens`: an API key as `Authorization: Bearer` or as the
 *   `apiKey` query parameter, or an OAuth access token as `Authorization: Bearer` (checked
 *   by introspection). 200 `{ tokens }`; 401 and 400 (unsupported chain) with
 *   `{ statusCode, error, description, requestId }`.
 * - the WebSocket `/web3/{chain}`: the same credentials (header or `apiKey` query) in the
 *   handshake; 101 Switching Protocols, or 401.
 * - `X-Request-Id` on every response (API, OAuth endpoints and handshakes).
 */
import { createHash, randomUUID } from "node:crypto";
import type http from "node:http";
import type { Duplex } from "node:stream";
import { errors } from "oidc-provider";
import { apiRoutes, type ApiRequestRecord } from "./api-routes.js";
import { startAuthorizationServer, type AuthorizationServer } from "./authorization-server.js";

export const API_KEY = "1inch-api-key-5c1f0e9b2d";
export const PORTAL_ACCESS_TOKEN = "portal-access-token-8d2e";
export const APPLICATION_ID = "app-42";
export const MACHINE = { id: "1inch-machine", secret: "1inch-machine-secret-0123456789abcdef" } as const;
export const WEB = { id: "1inch-web", secret: "1inch-web-secret-0123456789abcdef" } as const;
export const REDIRECT_URI = "https://myapp.example/callback";
export const SUPPORTED_CHAINS = [1, 10, 56, 137, 8453, 42161];

export const TOKENS = {
  "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee": {
    address: "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
    symbol: "ETH",
    name: "Ether",
    decimals: 18,
    logoURI: "https://tokens.1inch.io/0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.png",
    tags: ["native"],
  },
  "0xdac17f958d2ee523a2206206994597c13d831ec7": {
    address: "0xdac17f958d2ee523a2206206994597c13d831ec7",
    symbol: "USDT",
    name: "Tether USD",
    decimals: 6,
    tags: ["tokens"],
  },
};

/** One WebSocket handshake as the stand-in answered it. */
export interface HandshakeRecord {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: http.IncomingHttpHeaders;
  readonly status: 101 | 401 | 404;
  readonly requestId: string;
  readonly principal?: string;
}

export interface OneInchServer {
  /** The gateway's origin: the client's baseUrl and the OAuth issuer. */
  readonly origin: string;
  readonly as: AuthorizationServer;
  /** Every `/swap/...` request, in order. */
  readonly apiRequests: ApiRequestRecord[];
  readonly handshakes: HandshakeRecord[];
  /** The X-Request-Id sent with every answer of this origin, by request line. */
  readonly requestIds: { readonly request: string; readonly requestId: string }[];
  close(): Promise<void>;
}

type Principal = { readonly principal: string; readonly sub?: string } | undefined;

export async function startOneInch(): Promise<OneInchServer> {
  const apiRequests: ApiRequestRecord[] = [];
  const handshakes: HandshakeRecord[] = [];
  const requestIds: { request: string; requestId: string }[] = [];
  const sockets = new Set<Duplex>();
  let as: AuthorizationServer | undefined;

  /** An API key or an active access token, in the header or (keys only, as the seed shows) the query. */
  async function authenticate(req: http.IncomingMessage, url: URL): Promise<Principal> {
    const bearer = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (bearer !== undefined) {
      if (bearer === API_KEY) return { principal: `api-key:${bearer}` };
      const introspection = as !== undefined ? await as.introspect(bearer) : { active: false };
      if (introspection["active"] !== true) return undefined;
      const sub = introspection["sub"];
      return { principal: String(introspection["client_id"]), ...(typeof sub === "string" ? { sub } : {}) };
    }
    const key = url.searchParams.get("apiKey");
    return key === API_KEY ? { principal: `api-key:${key}` } : undefined;
  }

  const error = (status: 400 | 401 | 404, description: string, requestId: string | undefined) => ({
    status,
    json: { statusCode: status, error: { 400: "Bad Request", 401: "Unauthorized", 404: "Not Found" }[status], description, requestId },
  });

  const api = apiRoutes(
    ["/swap/"],
    apiRequests,
    async (req, url, requestId) => {
      const match = /^\/swap\/v5\.2\/([^/]+)\/tokens$/.exec(url.pathname);
      if (match === null || req.method !== "GET") return error(404, "Cannot find this route", requestId);
      const who = await authenticate(req, url);
      if (who === undefined) return error(401, "Unauthorized: a valid API key or access token is required", requestId);
      const chain = Number(match[1]);
      if (!SUPPORTED_CHAINS.includes(chain)) return { ...error(400, `Chain ${match[1]} is not supported`, requestId), ...who };
      return { status: 200, json: { tokens: TOKENS }, ...who };
    },
    { requestIds: true },
  );

  as = await startAuthorizationServer({
    clients: [
      {
        client_id: MACHINE.id,
        client_secret: MACHINE.secret,
        grant_types: ["client_credentials"],
        redirect_uris: [],
      },
      {
        client_id: WEB.id,
        client_secret: WEB.secret,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [REDIRECT_URI],
        application_id: APPLICATION_ID,
      },
    ],
    routes: { token: "/oauth/token", authorization: "/oauth/authorize", registration: "/oauth/register" },
    rfc8414: true,
    refreshTokens: "always",
    clientAuthInBodyOnly: true,
    // The seed names no scopes: authorization requests without one get this (RFC 6749 §3.3).
    defaultScope: "api:read",
    initialAccessToken: PORTAL_ACCESS_TOKEN,
    clientDefaults: { token_endpoint_auth_method: "client_secret_post" },
    // OAuth 2.1: no implicit grant; the seed's grant types and client authentication only.
    configuration: { responseTypes: ["code"], clientAuthMethods: ["client_secret_post"] },
    extraClientMetadata: {
      properties: ["application_id"],
      validator: (_ctx, key, value, metadata) => {
        if (key !== "application_id") return;
        const grants = Array.isArray(metadata["grant_types"]) ? (metadata["grant_types"] as unknown[]) : [];
        if (grants.includes("authorization_code")) {
          if (typeof value !== "string" || value === "") throw new errors.InvalidClientMetadata("application_id is required for authorization code clients");
        } else {
          // A client credentials client has no authorization requests (and so no response types).
          metadata["response_types"] = [];
        }
      },
    },
    handle: (req, res) => {
      if (api(req, res)) return true;
      const requestId = randomUUID();
      requestIds.push({ request: `${req.method ?? "GET"} ${req.url ?? "/"}`, requestId });
      res.setHeader("x-request-id", requestId);
      return false;
    },
    upgrade: (req, socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      void (async () => {
        const url = new URL(req.url ?? "/", "http://stand-in.invalid");
        const requestId = randomUUID();
        const query = Object.fromEntries(url.searchParams);
        const key = req.headers["sec-websocket-key"];
        const isWeb3 = /^\/web3\/\d+$/.test(url.pathname) && req.headers.upgrade?.toLowerCase() === "websocket" && typeof key === "string";
        const who = isWeb3 ? await authenticate(req, url) : undefined;
        const status = !isWeb3 ? 404 : who === undefined ? 401 : 101;
        handshakes.push({ path: url.pathname, query, headers: req.headers, status, requestId, ...(who ? { principal: who.principal } : {}) });
        if (status === 101) {
          // RFC 6455 §4.2.2: Sec-WebSocket-Accept = base64(SHA-1(key + GUID)).
          const accept = createHash("sha1").update(`${key as string}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
          socket.end(
            `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nX-Request-Id: ${requestId}\r\n\r\n`,
          );
        } else {
          const reason = status === 401 ? "Unauthorized" : "Not Found";
          socket.end(`HTTP/1.1 ${status} ${reason}\r\nX-Request-Id: ${requestId}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
        }
      })();
    },
  });
  const server = as;
  return {
    origin: server.issuer,
    as: server,
    apiRequests,
    handshakes,
    requestIds,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await server.close();
    },
  };
}
