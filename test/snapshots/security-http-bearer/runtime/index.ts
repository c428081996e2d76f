// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * What a generated `index.ts` imports: `createClientRuntime`, which builds one SchemeAuth
 * per security scheme (static credentials or OAuth 2) and the request pipeline, and the
 * types users see in results and options.
 */
import type { SchemeAuth, SchemeSpec } from "./auth.js";
import { createRuntime } from "./client.js";
import {
  createOAuth2Auth,
  type AuthorizationUrlOptions,
  type AuthorizationUrlResult,
  type GetTokenOptions,
  type OAuth2SchemeAuth,
  type TokenResult,
} from "./oauth/index.js";
import type { CallArgs, OperationSpec } from "./operation.js";
import type { ClientOptions, OAuth2Credential } from "./options.js";
import { staticSchemeAuth } from "./static-auth.js";
import { MemoryTokenStore } from "./token-store.js";

export type { SchemeSpec, TokenEndpointQuirks } from "./auth.js";
export type { OperationSpec, CallArgs } from "./operation.js";
export type { ApiKeyCredential, BasicCredential, BearerCredential, ClientOptions, OAuth2Credential } from "./options.js";
export type {
  ApiError,
  AuthError,
  Err,
  HttpError,
  NetworkError,
  OAuthErrorFields,
  Ok,
  Result,
  Success,
  TimeoutError,
  TransportError,
  UnexpectedError,
} from "./result.js";
export type { TokenSet, TokenStore } from "./token-store.js";
export type {
  AuthorizationUrlOptions,
  AuthorizationUrlResult,
  ExchangeCodeOptions,
  GetTokenOptions,
  RegisterResult,
  TokenResult,
} from "./oauth/index.js";

/**
 * `api.auth.<scheme>`: the token controls of an OAuth 2 or OpenID Connect scheme. `Scope`
 * is the union of the scopes the scheme's flows declare (any string when they declare none).
 */
export interface OAuth2Controls<Scope extends string = string>
  extends Pick<OAuth2SchemeAuth, "exchangeCode" | "setTokens" | "clear" | "register"> {
  /** RFC 6749 §4.1.1 authorization request with PKCE S256 (RFC 7636); see `exchangeCode`. */
  authorizationUrl(options: AuthorizationUrlOptions<Scope>): Promise<AuthorizationUrlResult>;
  /**
   * The token set a call would use now, acquiring or refreshing it if needed; pass an
   * operation's scopes to get the (per scope set cached) token that operation sends.
   */
  getToken(options?: GetTokenOptions<Scope>): Promise<TokenResult>;
}

export interface ClientRuntimeConfig {
  /** The document's first server, with variables at their defaults; undefined when it has none. */
  readonly defaultBaseUrl: string | undefined;
  readonly securitySchemes: Readonly<Record<string, SchemeSpec>>;
}

export interface ClientRuntime {
  call<R>(operation: OperationSpec, args?: CallArgs): Promise<R>;
  oauth(scheme: string): OAuth2Controls;
}

/** A scheme the runtime cannot use (an unsupported type): never configured. */
function unusable(name: string): SchemeAuth {
  return {
    name,
    configured: false,
    apply: async () => ({ kind: "auth", reason: "missing_credentials", message: `security scheme ${name} is not supported`, schemes: [name] }),
  };
}

export function createClientRuntime<Auth>(config: ClientRuntimeConfig, options: ClientOptions<Auth>): ClientRuntime {
  const baseUrl = options.baseUrl ?? config.defaultBaseUrl;
  if (baseUrl === undefined) {
    throw new TypeError("createClient: the document names no server; pass `baseUrl`");
  }
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const tokenStore = options.tokenStore ?? new MemoryTokenStore();
  const credentials = (options.auth ?? {}) as Readonly<Record<string, unknown>>;
  const schemes: Record<string, SchemeAuth> = {};
  const oauth: Record<string, OAuth2SchemeAuth> = {};
  for (const [name, spec] of Object.entries(config.securitySchemes)) {
    const credential = Object.hasOwn(credentials, name) ? credentials[name] : undefined;
    if (spec.type === "oauth2" || spec.type === "openIdConnect") {
      const scheme = createOAuth2Auth(name, spec, credential as OAuth2Credential | undefined, {
        baseUrl,
        fetch: fetchImpl,
        tokenStore,
        ...(options.onTokens ? { onTokens: options.onTokens } : {}),
        allowInsecureHttp: options.dangerouslyAllowInsecureHttp === true,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      oauth[name] = scheme;
      schemes[name] = scheme;
    } else {
      schemes[name] = staticSchemeAuth(name, spec, credential) ?? unusable(name);
    }
  }
  const runtime = createRuntime({ defaultBaseUrl: baseUrl }, { ...options, fetch: fetchImpl } as ClientOptions<Record<string, unknown>>, schemes);
  return {
    call: (operation, args) => runtime.call(operation, args),
    oauth: (scheme) => {
      const controls = oauth[scheme];
      if (!controls) throw new TypeError(`no OAuth 2 scheme named ${scheme}`);
      return controls;
    },
  };
}
