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

/** One request to the token endpoint with what it carried (secrets included: tests only). */
export interface TokenRequestDetail extends TokenRequestRecord {
  readonly contentType: string | undefined;
  /** The raw Authorization header, if any. */
  readonly authorization: string | undefined;
  /** The form (or JSON) body as the provider parsed it. */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface AuthorizationServer {
  readonly issuer: string;
  readonly provider: Provider;
  /** Every POST to the token endpoint, in order. */
  readonly tokenRequests: TokenRequestRecord[];
  /** The same requests with their headers and bodies. */
  readonly tokenRequestDetails: TokenRequestDetail[];
  /** Method and path (with query) of every request that reached this server, in order. */
  readonly requests: string[];
  /** RFC 7662 introspection, authenticated as the resource-server client. */
  introspect(token: string): Promise<Record<string, unknown>>;
  /** RFC 7009 revocation, authenticated as the client the token was issued to. */
  revoke(token: string, client: { id: string; secret: string }): Promise<void>;
  close(): Promise<void>;
}

export const RESOURCE_SERVER = { id: "resource-server", secret: "resource-server-secret-0123456789" } as const;

/** Registration of a confidential web app: the authorization code flow, with refresh tokens. */
export function webAppClient(client: { id: string; secret: string }, redirectUri: string, scopes: readonly string[]): Record<string, unknown> {
  return {
    client_id: client.id,
    client_secret: client.secret,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    redirect_uris: [redirectUri],
    scope: scopes.join(" "),
  };
}

/** Registration of a client that only gets tokens for itself (client credentials). */
export function machineClient(client: { id: string; secret: string }, scope: string): Record<string, unknown> {
  return { client_id: client.id, client_secret: client.secret, grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope };
}

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
  /** oidc-provider `routes` (e.g. `{ token: "/oauth/token" }`), for vendors with their own paths. */
  readonly routes?: Readonly<Record<string, string>>;
  /**
   * Also serve the metadata at RFC 8414's `/.well-known/oauth-authorization-server` (§3.1 path
   * insertion); oidc-provider itself serves only OpenID Connect Discovery.
   */
  readonly rfc8414?: boolean;
  /**
   * When refresh tokens are issued with authorization codes: "offline_access" (oidc-provider's
   * default: only when that scope was granted) or "always" (to every client allowed the
   * refresh_token grant, as plain OAuth 2 servers do).
   */
  readonly refreshTokens?: "offline_access" | "always";
  /** Dynamic registration: a fixed initial access token (RFC 7591 §3) that must come as Bearer. */
  readonly initialAccessToken?: string;
  /** oidc-provider `clientDefaults` (metadata assumed when a client, static or registered, omits it). */
  readonly clientDefaults?: Readonly<Record<string, unknown>>;
  /** oidc-provider `extraClientMetadata` (vendor-specific registration members and their checks). */
  readonly extraClientMetadata?: {
    readonly properties: readonly string[];
    readonly validator?: (ctx: unknown, key: string, value: unknown, metadata: Record<string, unknown>) => void;
  };
  /**
   * Requests for other paths on the same origin (an API served beside its authorization
   * server): return true when handled; otherwise the provider answers.
   */
  readonly handle?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /**
   * RFC 6749 §3.3: the scope processed when an authorization request has none (oidc-provider
   * otherwise denies a request that grants no scope). Default: none (the request is denied).
   */
  readonly defaultScope?: string;
  /**
   * Accept client credentials only in the token request body: a token request with an
   * Authorization header is answered 401 invalid_client (oidc-provider alone accepts
   * client_secret_basic from a client registered with client_secret_post).
   */
  readonly clientAuthInBodyOnly?: boolean;
  /** More oidc-provider configuration (e.g. `responseTypes`, `clientAuthMethods`), applied last. */
  readonly configuration?: Readonly<Record<string, unknown>>;
  /** HTTP upgrade requests (WebSocket handshakes) on the same origin. */
  readonly upgrade?: (req: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => void;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

export async function startAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const mountPath = options.mountPath ?? "";
  const requests: string[] = [];
  const server = await listenOnLoopback((req, res) => {
    requests.push(`${req.method ?? "GET"} ${req.url ?? "/"}`);
    if (options.handle?.(req, res) === true) return;
    if (options.rfc8414 === true && req.method === "GET" && req.url === `/.well-known/oauth-authorization-server${mountPath}`) {
      req.url = `${mountPath}/.well-known/openid-configuration`;
    }
    if (options.defaultScope !== undefined && req.method === "GET") {
      const target = new URL(req.url ?? "/", "http://as.invalid");
      if (target.pathname === `${mountPath}${options.routes?.["authorization"] ?? "/auth"}` && !target.searchParams.has("scope")) {
        target.searchParams.set("scope", options.defaultScope);
        req.url = `${target.pathname}${target.search}`;
      }
    }
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
  if (options.upgrade) server.server.on("upgrade", options.upgrade);
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
      registration: {
        enabled: true,
        ...(options.initialAccessToken !== undefined ? { initialAccessToken: options.initialAccessToken } : {}),
      },
    },
    ...(options.routes !== undefined ? { routes: { ...options.routes } } : {}),
    ...(options.clientDefaults !== undefined ? { clientDefaults: { ...options.clientDefaults } } : {}),
    ...(options.extraClientMetadata !== undefined
      ? { extraClientMetadata: { properties: [...options.extraClientMetadata.properties], ...(options.extraClientMetadata.validator ? { validator: options.extraClientMetadata.validator } : {}) } }
      : {}),
    ...(options.refreshTokens === "always"
      ? { issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(grant: string): boolean }) => client.grantTypeAllowed("refresh_token") }
      : {}),
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
    ...options.configuration,
  });
  // Keep the test output quiet: server-side errors reach the tests as HTTP responses.
  provider.on("server_error", () => undefined);

  const tokenRequests: TokenRequestRecord[] = [];
  const tokenRequestDetails: TokenRequestDetail[] = [];
  const tokenPath = options.routes?.["token"] ?? "/token";
  provider.use(async (ctx, next) => {
    const isTokenRequest = ctx.method === "POST" && ctx.path === tokenPath;
    if (isTokenRequest && options.clientAuthInBodyOnly === true && ctx.headers["authorization"] !== undefined) {
      ctx.status = 401;
      ctx.body = { error: "invalid_client", error_description: "client authentication failed: send client_id and client_secret in the request body" };
    } else {
      await next();
    }
    if (isTokenRequest) {
      const grantType = ctx.oidc?.params?.["grant_type"];
      const header = (name: string) => (typeof ctx.headers[name] === "string" ? (ctx.headers[name] as string) : undefined);
      const authorization = header("authorization");
      const record: TokenRequestRecord = {
        grantType: typeof grantType === "string" ? grantType : undefined,
        clientId: ctx.oidc?.client?.clientId,
        status: ctx.status,
        basicAuth: authorization !== undefined && /^basic /i.test(authorization),
      };
      tokenRequests.push(record);
      const body = (ctx.oidc as { body?: Record<string, unknown> } | undefined)?.body;
      tokenRequestDetails.push({
        ...record,
        contentType: header("content-type"),
        authorization,
        body: { ...body },
      });
    }
  });
  handler = provider.callback();

  return {
    issuer,
    provider,
    tokenRequests,
    tokenRequestDetails,
    requests,
    async introspect(token) {
      const response = await fetch(`${issuer}${options.routes?.["introspection"] ?? "/token/introspection"}`, {
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
      const response = await fetch(`${issuer}${options.routes?.["revocation"] ?? "/token/revocation"}`, {
        method: "POST",
        headers: { authorization: basic(client.id, client.secret), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }),
      });
      if (response.status !== 200) throw new Error(`revocation answered ${response.status}`);
    },
    close: () => server.close(),
  };
}
