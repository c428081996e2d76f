/** Type behaviour of the committed OAuth 2 client (test/snapshots/oauth2): scopes and `api.auth.<scheme>`. */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  privateKeyJwt,
  type ClientAssertion,
  type AuthorizationUrlOptions,
  type AuthorizationUrlResult,
  type Client,
  type ExchangeCodeOptions,
  type GetMeResult,
  type GetTokenOptions,
  type OAuth2Controls,
  type RegisterResult,
  type RevokeResult,
  type AuthError,
  type TokenResult,
  type TokenSet,
} from "../snapshots/oauth2/index.js";
import type { Client as BearerClient } from "../snapshots/security-http-bearer/index.js";
import type { Client as AndOrClient } from "../snapshots/security-and-or/index.js";

/** Every scope the scheme's flows declare (clientCredentials and authorizationCode). */
type Scope = "api:read" | "api:write" | "offline_access" | "openid";

describe("OAuth 2 client types", () => {
  it("types the credential's scopes from the flows", () => {
    createClient({ auth: { OAuth2: { clientId: "c", clientSecret: "s", scopes: ["api:read"] } } });
    createClient({ auth: { OAuth2: { clientId: "c", scopes: ["openid", "offline_access", "api:write"] } } });
    // @ts-expect-error "nope" is no scope of the scheme's flows
    createClient({ auth: { OAuth2: { clientId: "c", scopes: ["nope"] } } });
    // @ts-expect-error the client id is required
    createClient({ auth: { OAuth2: { clientSecret: "s" } } });
  });

  it("types the other credential options", () => {
    createClient({
      auth: {
        OAuth2: {
          clientId: "c",
          clientSecret: "s",
          tokenEndpointAuthMethod: "client_secret_post",
          flow: "clientCredentials",
          issuer: "https://as.example",
          defaultExpiresIn: 300,
        },
      },
    });
    // @ts-expect-error tls_client_auth (RFC 8705, mutual TLS) is not a method this client implements
    createClient({ auth: { OAuth2: { clientId: "c", tokenEndpointAuthMethod: "tls_client_auth" } } });
    createClient({ auth: { OAuth2: { clientId: "c", tokenEndpointAuthMethod: "private_key_jwt", clientAssertion: () => "signed.jwt.here" } } });
    expectTypeOf(privateKeyJwt).parameters.toEqualTypeOf<[key: CryptoKey, options?: { readonly keyId?: string; readonly lifetimeSeconds?: number }]>();
    expectTypeOf(privateKeyJwt).returns.toEqualTypeOf<ClientAssertion>();
    expectTypeOf<Parameters<ClientAssertion>[0]>().toEqualTypeOf<{ readonly clientId: string; readonly issuer: string | undefined; readonly endpoint: string }>();
    // @ts-expect-error a client assertion is a function that makes one, not a fixed string (each is used once)
    createClient({ auth: { OAuth2: { clientId: "c", clientAssertion: "signed.jwt.here" } } });
    // @ts-expect-error implicit is never run
    createClient({ auth: { OAuth2: { clientId: "c", flow: "implicit" } } });
    createClient({
      tokenStore: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
      onTokens: (scheme, tokens) => {
        expectTypeOf(scheme).toEqualTypeOf<string>();
        expectTypeOf(tokens).toEqualTypeOf<TokenSet>();
      },
    });
  });

  it("gives api.auth.OAuth2 its controls, with their types", () => {
    const api = createClient();
    const controls = api.auth.OAuth2;
    expectTypeOf(controls).toEqualTypeOf<OAuth2Controls<Scope>>();

    expectTypeOf(controls.authorizationUrl).parameter(0).toEqualTypeOf<AuthorizationUrlOptions<Scope>>();
    expectTypeOf(controls.authorizationUrl).returns.toEqualTypeOf<Promise<AuthorizationUrlResult>>();
    expectTypeOf<AuthorizationUrlResult>().toEqualTypeOf<{ readonly url: string; readonly state: string; readonly codeVerifier: string }>();
    void controls.authorizationUrl({ redirectUri: "https://app/cb", scopes: ["api:read"], state: "s", extraParams: { prompt: "consent" } });
    // @ts-expect-error "nope" is no scope of the scheme's flows
    void controls.authorizationUrl({ redirectUri: "https://app/cb", scopes: ["nope"] });
    // @ts-expect-error the redirect URI is required
    void controls.authorizationUrl({ scopes: ["api:read"] });

    expectTypeOf(controls.exchangeCode).parameter(0).toEqualTypeOf<ExchangeCodeOptions>();
    expectTypeOf(controls.exchangeCode).returns.toEqualTypeOf<Promise<TokenResult>>();
    // @ts-expect-error the code verifier of the authorization request is required
    void controls.exchangeCode({ callbackUrl: "https://app/cb?code=x&state=s", redirectUri: "https://app/cb", state: "s" });

    expectTypeOf(controls.getToken).toEqualTypeOf<(options?: GetTokenOptions<Scope>) => Promise<TokenResult>>();
    expectTypeOf<GetTokenOptions<Scope>>().toEqualTypeOf<{ readonly scopes?: readonly Scope[] }>();
    void controls.getToken({ scopes: ["api:write"] });
    // @ts-expect-error "nope" is no scope of the scheme's flows
    void controls.getToken({ scopes: ["nope"] });
    expectTypeOf(controls.setTokens).toEqualTypeOf<(tokens: TokenSet) => Promise<void>>();
    expectTypeOf(controls.clear).toEqualTypeOf<() => Promise<void>>();
    expectTypeOf(controls.revoke).toEqualTypeOf<() => Promise<RevokeResult>>();
    expectTypeOf<RevokeResult>().toEqualTypeOf<{ readonly ok: true } | { readonly ok: false; readonly error: AuthError }>();
    expectTypeOf<AuthError["reason"]>().extract<"revocation_failed">().toEqualTypeOf<"revocation_failed">();
    expectTypeOf(controls.register).parameters.toEqualTypeOf<
      [metadata: Readonly<Record<string, unknown>>, options?: { readonly initialAccessToken?: string }]
    >();
    expectTypeOf(controls.register).returns.toEqualTypeOf<Promise<RegisterResult>>();

    // The pipeline's side of the scheme stays internal.
    expectTypeOf(controls).not.toHaveProperty("apply");
    expectTypeOf(controls).not.toHaveProperty("configured");
    // @ts-expect-error auth is read-only
    api.auth = { OAuth2: controls };
  });

  it("narrows token results and auth errors", async () => {
    const api = createClient();
    const token = await api.auth.OAuth2.getToken();
    if (token.ok) {
      expectTypeOf(token.tokens.accessToken).toEqualTypeOf<string>();
      expectTypeOf(token.tokens.refreshToken).toEqualTypeOf<string | undefined>();
    } else {
      expectTypeOf(token.error.kind).toEqualTypeOf<"auth">();
      expectTypeOf(token.error.oauth?.error).toEqualTypeOf<string | undefined>();
    }
    const res = {} as GetMeResult;
    if (!res.ok && res.error.kind === "auth") {
      expectTypeOf(res.error.oauth).toEqualTypeOf<{ readonly error: string; readonly error_description?: string; readonly error_uri?: string } | undefined>();
    }
  });

  it("gives a client of a document without oauth2 or openIdConnect schemes only credentialsFor under auth", () => {
    expectTypeOf<keyof Client["auth"]>().toEqualTypeOf<"credentialsFor" | "OAuth2">();
    expectTypeOf<keyof BearerClient["auth"]>().toEqualTypeOf<"credentialsFor">();
    expectTypeOf<keyof AndOrClient["auth"]>().toEqualTypeOf<"credentialsFor">();
    expectTypeOf<Parameters<AndOrClient["auth"]["credentialsFor"]>[0]>().toEqualTypeOf<"ApiKey" | "Session" | "Bearer">();
  });
});
