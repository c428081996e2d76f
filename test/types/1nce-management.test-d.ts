/** Type behaviour of the committed 1NCE Management client: every declared error status narrowed. */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  operations,
  type GetSimsUsingGETResult,
  type GetSimUsingGETResult,
  type ErrorOf,
  type PostAccessTokenPOSTResult,
} from "../../generated/1nce-management/index.js";

type ErrorBody = { statusCode: number; errorCode: string; message: string };

describe("1NCE Management client types", () => {
  it("getSimsUsingGET: 200 is a SIM array; 400 and 401 narrow to the error body; exhaustive", () => {
    const res = {} as GetSimsUsingGETResult;
    if (res.ok) {
      expectTypeOf(res.status).toEqualTypeOf<200>();
      expectTypeOf(res.data[0]!.iccid).toEqualTypeOf<string>();
      expectTypeOf(res.data[0]!.status).toEqualTypeOf<"Enabled" | "Disabled">();
      return;
    }
    if (res.error.kind !== "http") {
      expectTypeOf(res.error.kind).toEqualTypeOf<"auth" | "network" | "timeout" | "unexpected">();
      return;
    }
    switch (res.error.status) {
      case 400:
        expectTypeOf(res.error.body).toMatchTypeOf<ErrorBody>();
        break;
      case 401:
        expectTypeOf(res.error.body).toMatchTypeOf<ErrorBody>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("getSimUsingGET: 401 and 404; exhaustive; 400 is not declared", () => {
    const res = {} as GetSimUsingGETResult;
    if (res.ok || res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<401 | 404>();
    switch (res.error.status) {
      case 401:
        expectTypeOf(res.error.body.errorCode).toEqualTypeOf<string>();
        break;
      case 404:
        expectTypeOf(res.error.body.message).toEqualTypeOf<string>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
    // @ts-expect-error 400 is not a status getSimUsingGET declares
    if (res.error.status === 400) return;
  });

  it("postAccessTokenPOST: 400 carries the errorCode enum, 404 has no body", () => {
    const res = {} as PostAccessTokenPOSTResult;
    if (res.ok || res.error.kind !== "http") return;
    switch (res.error.status) {
      case 400:
        expectTypeOf(res.error.body.errorCode).toEqualTypeOf<
          "BadCredentials" | "AuthValidationError" | "BodyValidationError" | "UnsupportedContentTypeError" | undefined
        >();
        break;
      case 404:
        expectTypeOf(res.error.body).toEqualTypeOf<undefined>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("a call whose token request failed: tokenError is the token operation's own error, narrowed like it", () => {
    const res = {} as GetSimsUsingGETResult;
    if (res.ok || res.error.kind !== "auth") return;
    expectTypeOf(res.error.tokenError).toEqualTypeOf<ErrorOf<PostAccessTokenPOSTResult> | undefined>();
    const tokenError = res.error.tokenError;
    if (tokenError?.kind !== "http") return;
    switch (tokenError.status) {
      case 400:
        expectTypeOf(tokenError.body.errorCode).toEqualTypeOf<
          "BadCredentials" | "AuthValidationError" | "BodyValidationError" | "UnsupportedContentTypeError" | undefined
        >();
        break;
      case 404:
        expectTypeOf(tokenError.body).toEqualTypeOf<undefined>();
        break;
      default:
        expectTypeOf(tokenError).toBeNever();
    }
  });

  it("the token operation itself, secured by Basic, can have no tokenError", () => {
    const res = {} as PostAccessTokenPOSTResult;
    if (res.ok || res.error.kind !== "auth") return;
    expectTypeOf(res.error.tokenError).toEqualTypeOf<undefined>();
  });

  it("takes Basic credentials (the bearer token comes from the token operation), path and query typed", () => {
    const api = createClient({ auth: { BasicAuthentication: { username: "u", password: "p" } } });
    createClient({ auth: { BearerAuthentication: "token" } });
    createClient({ auth: { BearerAuthentication: async () => "token" } });
    // @ts-expect-error HTTP Basic takes a username and password
    createClient({ auth: { BasicAuthentication: "u:p" } });
    expectTypeOf(api.getSimsUsingGET).parameter(0).toEqualTypeOf<
      { query?: { page?: number; pageSize?: number; q?: string; sort?: string }; signal?: AbortSignal } | undefined
    >();
    // @ts-expect-error the iccid path parameter is required
    void api.getSimUsingGET({});
    // @ts-expect-error only the document's schemes
    void api.auth.credentialsFor("OAuth2");
    expectTypeOf(operations.getSimsUsingGET.security).toEqualTypeOf<readonly [{ readonly BearerAuthentication: readonly [] }]>();
    expectTypeOf(operations.postAccessTokenPOST.security).toEqualTypeOf<readonly [{ readonly BasicAuthentication: readonly [] }]>();
  });
});
