/** Type behaviour of the committed seed 003 client: every declared error status narrowed. */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  securitySchemes,
  type CreateAccessTokenResult,
  type GetAccountResult,
  type GetProjectResult,
} from "../../generated/oauth-token-api/index.js";

type Envelope = { error: { code: string; code_reason: string; message: string } };

describe("seed 003 client types", () => {
  it("getProject: 400, 401, 403, 404 and 500 each narrow to their body; exhaustive", () => {
    const res = {} as GetProjectResult;
    if (res.ok) {
      expectTypeOf(res.data.data).toEqualTypeOf<{ id: string; name: string }>();
      return;
    }
    if (res.error.kind !== "http") {
      expectTypeOf(res.error.kind).toEqualTypeOf<"auth" | "network" | "timeout" | "unexpected">();
      return;
    }
    expectTypeOf(res.error.status).toEqualTypeOf<400 | 401 | 403 | 404 | 500>();
    switch (res.error.status) {
      case 400:
        expectTypeOf(res.error.body).toEqualTypeOf<Envelope>();
        break;
      case 401:
        expectTypeOf(res.error.body.error.code_reason).toEqualTypeOf<string>();
        break;
      case 403:
        // The page shows a bare `error` field whose content it does not describe.
        expectTypeOf(res.error.body).toEqualTypeOf<{ error: unknown }>();
        break;
      case 404:
        expectTypeOf(res.error.body).toEqualTypeOf<{ error: unknown }>();
        break;
      case 500:
        expectTypeOf(res.error.body).toEqualTypeOf<Envelope>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("getAccount: 401 and 500 only", () => {
    const res = {} as GetAccountResult;
    if (res.ok || res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<401 | 500>();
    // @ts-expect-error 404 is not declared for getAccount
    if (res.error.status === 404) return;
  });

  it("createAccessToken: the wrapped token, and the five declared errors", () => {
    const res = {} as CreateAccessTokenResult;
    if (res.ok) {
      expectTypeOf(res.data).toEqualTypeOf<{ data: { access_token: string; token_type: string; expires_in: number } }>();
      return;
    }
    if (res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<400 | 401 | 403 | 404 | 500>();
  });

  it("the OAuth2 credential is client id and secret; the quirks are declared, not options", () => {
    createClient({ auth: { OAuth2: { clientId: "id", clientSecret: "secret" } } });
    // @ts-expect-error client_secret is required by the document
    void createClient().createAccessToken({ body: { client_id: "id" } });
    expectTypeOf(securitySchemes.OAuth2.quirks).toEqualTypeOf<{
      readonly tokenEndpointAuthMethod: "client_secret_post";
      readonly sendGrantType: false;
      readonly tokenResponsePath: readonly ["data"];
    }>();
  });
});
