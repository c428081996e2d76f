/** Type behaviour of the committed 1inch client (generated/1inch). */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  operations,
  type ApiKeyCredential,
  type BearerCredential,
  type CredentialsResult,
  type GetTokensResult,
  type OAuth2Controls,
  type OAuth2Credential,
  type RegisterResult,
} from "../../generated/1inch/index.js";

type Error = { statusCode: number; error?: string; description: string; requestId?: string };
type HttpFailure = Extract<Extract<GetTokensResult, { ok: false; error: unknown }>["error"], { kind: "http" }>;

describe("1inch client types", () => {
  it("getTokens: tokens by address on success, the request id on both sides", () => {
    const res = {} as GetTokensResult;
    expectTypeOf(res.requestId).toEqualTypeOf<string | undefined>();
    if (res.ok) {
      expectTypeOf(res.status).toEqualTypeOf<200>();
      expectTypeOf(res.data.tokens).toEqualTypeOf<{
        [key: string]: { address: string; symbol: string; name: string; decimals: number; logoURI?: string; tags?: string[] };
      }>();
      return;
    }
    if (res.error.kind === "http") expectTypeOf(res.error.requestId).toEqualTypeOf<string | undefined>();
  });

  it("every declared error status narrowed, each with the error body, exhaustively", () => {
    const res = {} as GetTokensResult;
    if (res.ok) return;
    expectTypeOf(res.error.kind).toEqualTypeOf<"http" | "auth" | "network" | "timeout" | "unexpected">();
    if (res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<400 | 401>();
    switch (res.error.status) {
      case 400:
        expectTypeOf(res.error.body).toEqualTypeOf<Error>();
        break;
      case 401:
        expectTypeOf(res.error.body).toEqualTypeOf<Error>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("makes an undeclared status a type error", () => {
    const error = {} as HttpFailure;
    // @ts-expect-error 429 is not a status getTokens declares
    if (error.status === 429) return;
  });

  it("requires the chain, as a number", () => {
    const api = createClient();
    expectTypeOf(api.getTokens).parameter(0).toHaveProperty("path").toEqualTypeOf<{ chain: number }>();
    // @ts-expect-error the chain path parameter is required
    void api.getTokens({});
    // @ts-expect-error the chain is a number
    void api.getTokens({ path: { chain: "1" } });
  });

  it("types the three alternatives' credentials and states them as the operation's security", () => {
    expectTypeOf<NonNullable<NonNullable<Parameters<typeof createClient>[0]>["auth"]>>().toEqualTypeOf<{
      ApiKeyHeader?: BearerCredential;
      ApiKeyQuery?: ApiKeyCredential;
      OAuth2?: OAuth2Credential<string>;
    }>();
    createClient({ auth: { ApiKeyHeader: "key" } });
    createClient({ auth: { ApiKeyQuery: async () => "key" } });
    createClient({ auth: { OAuth2: { clientId: "id", clientSecret: "secret", issuer: "https://auth.example" } } });
    // @ts-expect-error no such scheme in the document
    createClient({ auth: { ApiKey: "key" } });
    expectTypeOf(operations.getTokens.security).toEqualTypeOf<
      readonly [{ readonly ApiKeyHeader: readonly [] }, { readonly ApiKeyQuery: readonly [] }, { readonly OAuth2: readonly [] }]
    >();
  });

  it("api.auth: credentialsFor the document's schemes, the OAuth2 controls with register", () => {
    const api = createClient();
    expectTypeOf(api.auth.credentialsFor).parameter(0).toEqualTypeOf<"ApiKeyHeader" | "ApiKeyQuery" | "OAuth2">();
    expectTypeOf(api.auth.credentialsFor).returns.toEqualTypeOf<Promise<CredentialsResult>>();
    // @ts-expect-error no such scheme in the document
    void api.auth.credentialsFor("WebSocket");
    expectTypeOf(api.auth.OAuth2).toEqualTypeOf<OAuth2Controls<string>>();
    expectTypeOf(api.auth.OAuth2.register).returns.toEqualTypeOf<Promise<RegisterResult>>();
    void api.auth.OAuth2.register({ client_name: "c", grant_types: ["client_credentials"] }, { initialAccessToken: "portal-token" });
  });
});
