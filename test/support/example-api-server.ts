/**
 * A stand-in for the generic API at api.example.com (seed 004, specs/example-api.yml): one
 * origin serving both the OAuth 2.0 authorization server (oidc-provider with the seed's
 * paths: `POST /oauth2/token`, `/oauth2/authorize`) and the API:
 *
 * - `GET /v1/users` takes only `Authorization: Bearer <access token>`, and only a token the
 *   authorization server calls active (introspection): 200 `{ users }`, else 401 without a body.
 * - `GET /v1/data` is a legacy service that takes only `X-API-Key`: 200 for a key enabled
 *   for it, 403 for a known key that is not, 401 without a key or with an unknown one.
 *
 * The token endpoint behaves as the seed shows: clients authenticate with `client_id` and
 * `client_secret` in the form body, the only client authentication the seed shows (a token
 * request with an Authorization header is refused with 401 invalid_client), and refresh tokens are issued with authorization codes to
 * clients allowed the refresh_token grant, rotated on every use.
 */
import { apiRoutes, type ApiRequestRecord } from "./api-routes.js";
import { startAuthorizationServer, type AuthorizationServer } from "./authorization-server.js";

export const MACHINE = { id: "example-machine", secret: "example-machine-secret-0123456789abcdef" } as const;
export const WEB_APP = { id: "example-web-app", secret: "example-web-app-secret-0123456789abcdef" } as const;
export const WEB_APP_REDIRECT_URI = "https://web-app.example/callback";
/** A key enabled for the legacy `/v1/data` service, and a known key that is not. */
export const API_KEY = "legacy-key-7f3a9c01";
export const API_KEY_NOT_FOR_DATA = "legacy-key-without-data-access";

export const USERS = [
  { id: "u-1", name: "Ada" },
  { id: "u-2", name: "Grace" },
];
export const DATA = { service: "legacy", items: [1, 2, 3] };

export interface ExampleApiServer {
  /** The API's origin: the client's baseUrl. */
  readonly origin: string;
  readonly as: AuthorizationServer;
  /** Every request to `/v1/...`, in order. */
  readonly apiRequests: ApiRequestRecord[];
  close(): Promise<void>;
}

export interface ExampleApiOptions {
  /** Access token lifetime in seconds (both grants); default 600. */
  readonly accessTokenTtl?: number;
}

export async function startExampleApi(options: ExampleApiOptions = {}): Promise<ExampleApiServer> {
  const apiRequests: ApiRequestRecord[] = [];
  let as: AuthorizationServer | undefined;
  const api = apiRoutes(["/v1/"], apiRequests, async (req, url) => {
    if (url.pathname === "/v1/users" && req.method === "GET") {
      const bearer = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const introspection = bearer !== undefined && as !== undefined ? await as.introspect(bearer) : { active: false };
      if (introspection["active"] !== true) return { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } };
      const sub = introspection["sub"];
      return { status: 200, json: { users: USERS }, principal: String(introspection["client_id"]), ...(typeof sub === "string" ? { sub } : {}) };
    }
    if (url.pathname === "/v1/data" && req.method === "GET") {
      const key = req.headers["x-api-key"];
      if (key === API_KEY) return { status: 200, json: DATA, principal: `api-key:${key}` };
      if (key === API_KEY_NOT_FOR_DATA) return { status: 403 };
      return { status: 401 };
    }
    return { status: 404 };
  });
  as = await startAuthorizationServer({
    clients: [
      {
        client_id: MACHINE.id,
        client_secret: MACHINE.secret,
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
      },
      {
        client_id: WEB_APP.id,
        client_secret: WEB_APP.secret,
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [WEB_APP_REDIRECT_URI],
      },
    ],
    routes: { token: "/oauth2/token", authorization: "/oauth2/authorize" },
    refreshTokens: "always",
    clientAuthInBodyOnly: true,
    // The seed names no scopes: authorization requests without one get this (RFC 6749 §3.3).
    defaultScope: "api:read",
    ...(options.accessTokenTtl !== undefined ? { accessTokenTtl: options.accessTokenTtl, clientCredentialsTtl: options.accessTokenTtl } : {}),
    handle: api,
  });
  const server = as;
  return {
    origin: server.issuer,
    as: server,
    apiRequests,
    close: () => server.close(),
  };
}
