// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * The runtime's optional pieces. The generated `index.ts` imports the ones its document
 * needs (scheme implementations, parameter serializers by location, body encoders by
 * encoding) and hands them to `createClientRuntime`; nothing else imports them, so a
 * bundler keeps only those, and the generator copies only the modules they reach.
 */
import type { AppliedCredentials, SchemeAuth, TokenFromEnv, TokenFromSpec } from "./auth.js";
import type { BodyEncoders } from "./body.js";
import type { OAuth2SchemeAuth, OAuth2SchemeSpec } from "./oauth-types.js";
import type { ParameterSpec } from "./operation.js";
import type { OperationPlan } from "./operation-plan.js";
import type { ServerSpec } from "./servers.js";
import type { ApiKeyCredential, BasicCredential, BearerCredential, ClientOptions, OAuth2Credential } from "./options.js";
import type { TokenStore } from "./token-store.js";

type Values = Readonly<Record<string, unknown>> | undefined;

/** What createClientRuntime hands a scheme that acquires tokens itself (oauth/index.ts `oauth2Auth`). */
export interface SchemeContext {
  /** The client's base URL, against which relative token and authorization URLs resolve. */
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly tokenStore: TokenStore;
  readonly options: ClientOptions<unknown>;
  readonly requestIdHeader: string | undefined;
}

/** One implementation per kind of security scheme (static-auth.ts, token-from.ts, oauth/). */
export interface SchemeFactories {
  readonly apiKey?: (name: string, placement: { readonly in: "header" | "query" | "cookie"; readonly name: string }, credential: ApiKeyCredential | undefined) => SchemeAuth;
  readonly basic?: (name: string, credential: BasicCredential | undefined) => SchemeAuth;
  readonly bearer?: (name: string, credential: BearerCredential | undefined) => SchemeAuth;
  /** Any other `type: http` scheme, sent as `Authorization: <scheme> <credential>`. */
  readonly http?: (name: string, scheme: string, credential: BearerCredential | undefined) => SchemeAuth;
  readonly tokenFrom?: (name: string, spec: TokenFromSpec, env: TokenFromEnv) => SchemeAuth;
  /** oauth2 and openIdConnect schemes. */
  readonly oauth2?: (name: string, spec: OAuth2SchemeSpec, credential: OAuth2Credential | undefined, context: SchemeContext) => OAuth2SchemeAuth;
}

/** Parameter serialization by location (serialize.ts); a location no operation uses is absent. */
export interface ParameterSerializers {
  readonly path?: (operation: string, plan: OperationPlan, values: Values) => string;
  readonly query?: (parameters: readonly ParameterSpec[], values: Values) => string;
  readonly headers?: (operation: string, parameters: readonly ParameterSpec[], values: Values) => Record<string, string>;
  readonly cookies?: (parameters: readonly ParameterSpec[], values: Values) => string[];
}

export interface RuntimeParts {
  readonly auth?: SchemeFactories;
  readonly parameters?: ParameterSerializers;
  readonly bodies?: BodyEncoders;
  /**
   * Credentials in the query or a cookie, and cookie parameters (placement.ts): needed when
   * an apiKey scheme is `in: query` or `in: cookie`, or an operation has a cookie parameter.
   */
  readonly placement?: (href: string, headers: Record<string, string>, parameterCookies: readonly string[] | undefined, applied: readonly AppliedCredentials[]) => string;
  /** Server URL templates with `{variables}` (servers.ts `serverUrl`): needed when a server has variables. */
  readonly servers?: (server: ServerSpec, values?: Readonly<Record<string, string | undefined>>) => string;
}
