/** Type behaviour of the committed 1Password Users client: regional servers, scopes, every declared error status. */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  servers,
  type GetUserResult,
  type ListUsersResult,
  type Options,
  type RequestAccessTokenResult,
} from "../../generated/1password-users/index.js";

describe("1Password Users client types", () => {
  it("server is the union of the three regional URLs", () => {
    expectTypeOf<Options["server"]>().toEqualTypeOf<
      "https://api.1password.com" | "https://api.1password.ca" | "https://api.1password.eu" | undefined
    >();
    expectTypeOf(servers[2].url).toEqualTypeOf<"https://api.1password.eu">();
    createClient({ server: "https://api.1password.ca" });
    // @ts-expect-error not one of the document's servers
    createClient({ server: "https://api.1password.de" });
  });

  it("the OAuth2 credential takes scopes from the flow: openid only", () => {
    createClient({ auth: { OAuth2: { clientId: "id", clientSecret: "secret", scopes: ["openid"] } } });
    // @ts-expect-error the flow declares openid only
    createClient({ auth: { OAuth2: { clientId: "id", clientSecret: "secret", scopes: ["profile"] } } });
    const api = createClient();
    void api.auth.OAuth2.getToken({ scopes: ["openid"] });
  });

  it("listUsers: 200 paged, 400 and 401 narrowed, exhaustive", () => {
    const res = {} as ListUsersResult;
    if (res.ok) {
      expectTypeOf(res.data.results[0]!.state).toEqualTypeOf<"STATE_UNSPECIFIED" | "ACTIVE" | "SUSPENDED">();
      expectTypeOf(res.data.next_page_token).toEqualTypeOf<string | undefined>();
      return;
    }
    if (res.error.kind !== "http") return;
    switch (res.error.status) {
      case 400:
        expectTypeOf(res.error.body).toEqualTypeOf<{ code: number; message: string }>();
        break;
      case 401:
        expectTypeOf(res.error.body).toEqualTypeOf<{ code: number; message: string }>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("getUser: 401 and 404 narrowed, exhaustive", () => {
    const res = {} as GetUserResult;
    if (res.ok || res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<401 | 404>();
    switch (res.error.status) {
      case 401:
      case 404:
        expectTypeOf(res.error.body.code).toEqualTypeOf<number>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("requestAccessToken: 400 and 401 carry the RFC 6749 error codes", () => {
    const res = {} as RequestAccessTokenResult;
    if (res.ok) {
      expectTypeOf(res.data.expires_in).toEqualTypeOf<number>();
      return;
    }
    if (res.error.kind !== "http") return;
    type Codes = "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";
    switch (res.error.status) {
      case 400:
        expectTypeOf(res.error.body.error).toEqualTypeOf<Codes>();
        break;
      case 401:
        expectTypeOf(res.error.body.error).toEqualTypeOf<Codes>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("path and query parameters are typed; account_id is required", () => {
    const api = createClient();
    // @ts-expect-error account_id is required
    void api.listUsers({ path: {} });
    // @ts-expect-error max_page_size is a number
    void api.listUsers({ path: { account_id: "A" }, query: { max_page_size: "50" } });
    void api.listUsers({ path: { account_id: "A" }, query: { max_page_size: 50, filter: "user.isSuspended()" } });
  });
});
