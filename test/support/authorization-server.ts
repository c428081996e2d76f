/**
 * A real OAuth 2 / OpenID Connect authorization server for the tests: oidc-provider on
 * 127.0.0.1, with client credentials, introspection, revocation, dynamic registration,
 * PKCE required, refresh token rotation, and the development login/consent pages
 * (devInteractions) that the tests drive with plain HTTP requests.
 */
import type http from "node:http";
import Provider from "oidc-provider";
import { listenOnLoopback } from "./http-server.js";

/** One request to the token endpoint, as the server saw it. */
export interface TokenRequestRecord {
  readonly grantType: string | undefined;
  readonly clientId: string | undefined;
  readonly status: number;
  readonly basicAuth: boolean;
}

export interface AuthorizationServer {
  readonly issuer: string;
  readonly provider: Provider;
  /** Every POST to the token endpoint, in order. */
  readonly tokenRequests: TokenRequestRecord[];
  /** RFC 7662 introspection, authenticated as the resource-server client. */
  introspect(token: string): Promise<Record<string, unknown>>;
  /** RFC 7009 revocation, authenticated as the client the token was issued to. */
  revoke(token: string, client: { id: string; secret: string }): Promise<void>;
  close(): Promise<void>;
}

export const RESOURCE_SERVER = { id: "resource-server", secret: "resource-server-secret-0123456789" } as const;

export interface AuthorizationServerOptions {
  readonly clients: readonly Record<string, unknown>[];
  /** Seconds; default 600. */
  readonly clientCredentialsTtl?: number;
  readonly accessTokenTtl?: number;
  /**
   * Serve the provider under this path (issuer `<origin><mountPath>`), the way an
   * Express app mounts it: oidc-provider reads the prefix from `req.originalUrl`.
   */
  readonly mountPath?: string;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

export async function startAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const mountPath = options.mountPath ?? "";
  const server = await listenOnLoopback((req, res) => {
    const url = req.url ?? "/";
    if (mountPath !== "") {
      if (url !== mountPath && !url.startsWith(`${mountPath}/`) && !url.startsWith(`${mountPath}?`)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      Object.assign(req, { originalUrl: url });
      req.url = url.slice(mountPath.length) || "/";
    }
    handler(req, res);
  });
  const issuer = `${server.origin}${mountPath}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: RESOURCE_SERVER.id,
        client_secret: RESOURCE_SERVER.secret,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
      ...options.clients,
    ],
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      // Explicit policies (the defaults log a notice): only the resource server introspects,
      // a client revokes only its own tokens.
      introspection: { enabled: true, allowedPolicy: async (_ctx: unknown, client: { clientId: string }) => client.clientId === RESOURCE_SERVER.id },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId,
      },
      registration: { enabled: true },
    },
    // A function in v9 (was a boolean option earlier): PKCE for every client.
    pkce: { required: () => true },
    rotateRefreshToken: true,
    scopes: ["openid", "offline_access", "api:read", "api:write"],
    ttl: {
      AccessToken: options.accessTokenTtl ?? 600,
      ClientCredentials: options.clientCredentialsTtl ?? 600,
      AuthorizationCode: 60,
      IdToken: 600,
      RefreshToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    cookies: { keys: ["test-only-cookie-signing-key"] },
  });
  // Keep the test output quiet: server-side errors reach the tests as HTTP responses.
  provider.on("server_error", () => undefined);

  const tokenRequests: TokenRequestRecord[] = [];
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.method === "POST" && ctx.path === "/token") {
      const grantType = ctx.oidc?.params?.["grant_type"];
      tokenRequests.push({
        grantType: typeof grantType === "string" ? grantType : undefined,
        clientId: ctx.oidc?.client?.clientId,
        status: ctx.status,
        basicAuth: typeof ctx.headers["authorization"] === "string" && /^basic /i.test(ctx.headers["authorization"]),
      });
    }
  });
  handler = provider.callback();

  return {
    issuer,
    provider,
    tokenRequests,
    async introspect(token) {
      const response = await fetch(`${issuer}/token/introspection`, {
        method: "POST",
        headers: {
          authorization: basic(RESOURCE_SERVER.id, RESOURCE_SERVER.secret),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ token }),
      });
      return (await response.json()) as Record<string, unknown>;
    },
    async revoke(token, client) {
      const response = await fetch(`${issuer}/token/revocation`, {
        method: "POST",
        headers: { authorization: basic(client.id, client.secret), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }),
      });
      if (response.status !== 200) throw new Error(`revocation answered ${response.status}`);
    },
    close: () => server.close(),
  };
}
