// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * What a generated `index.ts` imports: `createClientRuntime`, which builds one SchemeAuth
 * per security scheme and the request pipeline from the parts the client hands over
 * (parts.ts), and the types users see in results and options.
 */
import type { SchemeAuth, SchemeSpec, TokenFromSpec } from "./auth.js";
import { createRuntime } from "./client.js";
import type {
  AuthorizationUrlOptions,
  AuthorizationUrlResult,
  GetTokenOptions,
  OAuth2SchemeAuth,
  TokenResult,
} from "./oauth-types.js";
import type { CallArgs, OperationSpec } from "./operation.js";
import type { ApiKeyCredential, BasicCredential, BearerCredential, ClientOptions, OAuth2Credential } from "./options.js";
import type { RuntimeParts, SchemeFactories } from "./parts.js";
import { MemoryTokenStore } from "./token-store.js";
import { isAuthError, type AuthError } from "./result.js";
import { chooseSecurity } from "./security.js";
import { chooseServer, type ServerSpec } from "./servers.js";
import { fetchObserver } from "./hooks.js";

export type { SchemeSpec, TokenEndpointQuirks, TokenFromSpec } from "./auth.js";
export type { RuntimeParts } from "./parts.js";
export type { OperationSpec, CallArgs, CallOptions } from "./operation.js";
export type {
  ApiKeyCredential,
  BasicCredential,
  BearerCredential,
  ClientAssertion,
  ClientHooks,
  ClientOptions,
  NetworkErrorEvent,
  OAuth2Credential,
  RequestEvent,
  ResponseEvent,
} from "./options.js";
export type {
  ApiError,
  AuthError,
  Err,
  ErrorOf,
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
export type { ServerSpec } from "./servers.js";
export type { RetryOptions } from "./retry.js";
export type {
  AuthorizationUrlOptions,
  AuthorizationUrlResult,
  ExchangeCodeOptions,
  GetTokenOptions,
  RegisterResult,
  RevokeResult,
  TokenResult,
} from "./oauth-types.js";

/**
 * `api.auth.<scheme>`: the token controls of an OAuth 2 or OpenID Connect scheme. `Scope`
 * is the union of the scopes the scheme's flows declare (any string when they declare none).
 */
export interface OAuth2Controls<Scope extends string = string>
  extends Pick<OAuth2SchemeAuth, "exchangeCode" | "setTokens" | "clear" | "revoke" | "register"> {
  /** RFC 6749 §4.1.1 authorization request with PKCE S256 (RFC 7636); see `exchangeCode`. */
  authorizationUrl(options: AuthorizationUrlOptions<Scope>): Promise<AuthorizationUrlResult>;
  /**
   * The token set a call would use now, acquiring or refreshing it if needed; pass an
   * operation's scopes to get the (per scope set cached) token that operation sends.
   */
  getToken(options?: GetTokenOptions<Scope>): Promise<TokenResult>;
}

export interface ClientRuntimeConfig {
  /** The document's servers; the first is the default. */
  readonly servers: readonly ServerSpec[];
  readonly securitySchemes: Readonly<Record<string, SchemeSpec>>;
  /** Every operation, so that a `tokenFrom` scheme can call the one that issues its tokens. */
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** The document's request-id header (`x-gen-auth-client.requestIdHeader`). */
  readonly requestIdHeader?: string;
}

/**
 * What `api.auth.credentialsFor` returns: what the client would send for that scheme.
 * `TokenError`: the error of the operation that issues the scheme's tokens (`tokenFrom`).
 */
export type CredentialsResult<TokenError = never> =
  | {
      readonly ok: true;
      readonly headers: Readonly<Record<string, string>>;
      readonly query: Readonly<Record<string, string>>;
      readonly cookies: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly error: AuthError<TokenError> };

export interface CredentialsForOptions {
  readonly scopes?: readonly string[];
  readonly signal?: AbortSignal;
}

export interface ClientRuntime {
  call<R>(operation: OperationSpec, args?: CallArgs): Promise<R>;
  oauth(scheme: string): OAuth2Controls;
  /**
   * The headers, query parameters and cookies the client would send for `scheme` (e.g. to
   * open a WebSocket with the same credentials). Acquires a token first where needed.
   */
  credentialsFor<TokenError = never>(scheme: string, options?: CredentialsForOptions): Promise<CredentialsResult<TokenError>>;
}

/** Options the generated `createClient` takes beyond ClientOptions: the server choice. */
export interface ServerOptions<ServerUrl extends string, Variables> {
  /** One of the document's servers, as its `url` is written; default: the first. `baseUrl` wins. */
  readonly server?: ServerUrl;
  /** Values for the server URL's `{variables}`; default: each variable's `default`. */
  readonly serverVariables?: Variables;
}

/** A scheme the runtime cannot use (an unsupported type, or no implementation handed over): never configured. */
function unusable(name: string): SchemeAuth {
  return {
    name,
    configured: false,
    apply: async () => ({ kind: "auth", reason: "missing_credentials", message: `security scheme ${name} is not supported`, schemes: [name] }),
  };
}

/**
 * `parts` holds the implementations this client's document needs; the generated
 * `createClient` passes exactly those, so nothing else reaches a bundle.
 */
export function createClientRuntime<Auth>(
  config: ClientRuntimeConfig,
  options: ClientOptions<Auth> & ServerOptions<string, Readonly<Record<string, string | undefined>>>,
  parts: RuntimeParts,
): ClientRuntime {
  const baseUrl = chooseServer(config.servers, options, parts.servers);
  if (baseUrl === undefined) {
    throw new TypeError("createClient: the document names no server; pass `baseUrl`");
  }
  const requestIdHeader = options.requestIdHeader ?? config.requestIdHeader;
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const observe = options.hooks === undefined ? undefined : fetchObserver(options.hooks, config.securitySchemes, requestIdHeader);
  const tokenStore = options.tokenStore ?? new MemoryTokenStore();
  const credentials = (options.auth ?? {}) as Readonly<Record<string, unknown>>;
  const auth = parts.auth ?? {};
  const schemes: Record<string, SchemeAuth> = {};
  const oauth: Record<string, OAuth2SchemeAuth> = {};
  const issuedByOperation: [string, TokenFromSpec, NonNullable<SchemeFactories["tokenFrom"]>][] = [];
  for (const [name, spec] of Object.entries(config.securitySchemes)) {
    const credential = Object.hasOwn(credentials, name) ? credentials[name] : undefined;
    let scheme: SchemeAuth | undefined;
    if (spec.type === "oauth2" || spec.type === "openIdConnect") {
      const controls = auth.oauth2?.(name, spec, credential as OAuth2Credential | undefined, {
        baseUrl,
        fetch: observe === undefined ? fetchImpl : observe(fetchImpl, { scheme: name }),
        tokenStore,
        options,
        requestIdHeader,
      });
      if (controls) oauth[name] = controls;
      scheme = controls;
    } else if (spec.type === "apiKey") {
      scheme = auth.apiKey?.(name, spec, credential as ApiKeyCredential | undefined);
    } else if (spec.tokenFrom !== undefined && credential === undefined && auth.tokenFrom) {
      issuedByOperation.push([name, spec.tokenFrom, auth.tokenFrom]);
      continue;
    } else {
      // RFC 9110 §11.1: auth-scheme names are case-insensitive.
      const kind = spec.scheme.toLowerCase();
      scheme =
        kind === "basic"
          ? auth.basic?.(name, credential as BasicCredential | undefined)
          : kind === "bearer"
            ? auth.bearer?.(name, credential as BearerCredential | undefined)
            : auth.http?.(name, spec.scheme, credential as BearerCredential | undefined);
    }
    schemes[name] = scheme ?? unusable(name);
  }
  const runtime = createRuntime(
    { defaultBaseUrl: baseUrl, parts, ...(observe === undefined ? {} : { observe }) },
    {
      ...options,
      fetch: fetchImpl,
      ...(requestIdHeader === undefined ? {} : { requestIdHeader }),
    } as ClientOptions<Record<string, unknown>>,
    schemes,
  );
  for (const [name, spec, tokenFrom] of issuedByOperation) {
    const operation = config.operations[spec.operation];
    if (operation === undefined) throw new TypeError(`internal error: no operation ${spec.operation}`);
    // The Basic user-ids the token operation can sign in with name whose token it is.
    const users = operation.security
      .flatMap((alternative) => Object.keys(alternative))
      .map((scheme) => (credentials[scheme] as Partial<BasicCredential> | undefined)?.username)
      .filter((username) => typeof username === "string");
    schemes[name] = tokenFrom(name, spec, {
      issue: () => runtime.call(operation, spec.body === undefined ? {} : { body: spec.body }),
      // The token operation's own security decides whether this scheme can be used.
      configured: !isAuthError(chooseSecurity(operation.name, operation.security, schemes)),
      tokenStore,
      identity: users.join(" "),
      ...(options.onTokens ? { onTokens: options.onTokens } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }
  return {
    call: (operation, args) => runtime.call(operation, args),
    oauth: (scheme) => {
      const controls = oauth[scheme];
      if (!controls) throw new TypeError(`no OAuth 2 scheme named ${scheme}`);
      return controls;
    },
    // The document, not the runtime, knows each scheme's TokenError: the generated `Client`
    // names it (SchemeTokenErrors), as `call<R>` takes the result type it builds.
    credentialsFor: async <TokenError>(name: string, { scopes = [], signal }: CredentialsForOptions = {}): Promise<CredentialsResult<TokenError>> => {
      const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
      if (scheme === undefined || !scheme.configured) {
        return { ok: false, error: { kind: "auth", reason: "missing_credentials", message: `no credentials are configured for ${name}`, schemes: [name] } };
      }
      const applied = await scheme.apply(scopes, signal);
      if (isAuthError(applied)) return { ok: false, error: applied as AuthError<TokenError> };
      // Header names are case-insensitive (RFC 9110 §5.1); one spelling lets callers index them.
      const headers = Object.fromEntries(Object.entries(applied.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      return { ok: true, headers, query: { ...applied.query }, cookies: { ...applied.cookies } };
    },
  };
}
