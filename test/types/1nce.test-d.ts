/** Type behaviour of the committed 1NCE client: what a user's editor and compiler enforce. */
import { describe, expectTypeOf, it } from "vitest";
import { createClient, operations, type ErrorOf, type PostAccessTokenPOSTResult } from "../../generated/1nce-authorization/index.js";

type Failure = Extract<PostAccessTokenPOSTResult, { ok: false }>["error"];

describe("1NCE client types", () => {
  it("narrows kind → status → body.errorCode", () => {
    const res = {} as PostAccessTokenPOSTResult;
    if (res.ok) {
      expectTypeOf(res.status).toEqualTypeOf<200>();
      expectTypeOf(res.data.access_token).toEqualTypeOf<string | undefined>();
      return;
    }
    expectTypeOf(res.error.kind).toEqualTypeOf<"http" | "auth" | "network" | "timeout" | "unexpected">();
    if (res.error.kind === "http") {
      expectTypeOf(res.error.status).toEqualTypeOf<400 | 404>();
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
          // Exhaustive: every declared status is handled above.
          expectTypeOf(res.error).toBeNever();
      }
    }
  });

  it("makes an undeclared status a type error", () => {
    const error = {} as Extract<Failure, { kind: "http" }>;
    // @ts-expect-error 500 is not a status this operation declares
    if (error.status === 500) return;
  });

  it("requires the body and types its fields", () => {
    const api = createClient();
    expectTypeOf(api.postAccessTokenPOST).parameter(0).toHaveProperty("body").toEqualTypeOf<{ grant_type: string }>();
    // @ts-expect-error the body is required by the document
    void api.postAccessTokenPOST({});
  });

  it("types credentials per scheme name and states the operation's security as a constant", () => {
    createClient({ auth: { BasicAuthentication: { username: "u", password: "p" } } });
    // @ts-expect-error HTTP Basic takes a username and password, not a string
    createClient({ auth: { BasicAuthentication: "token" } });
    // @ts-expect-error no such scheme in the document
    createClient({ auth: { OAuth2: { clientId: "x" } } });
    expectTypeOf(operations.postAccessTokenPOST.security).toEqualTypeOf<readonly [{ readonly BasicAuthentication: readonly [] }]>();
  });

  it("hooks are told typed events, and cannot return a value the client would use", () => {
    createClient({
      hooks: {
        onRequest: (request) => {
          expectTypeOf(request.operation).toEqualTypeOf<string | undefined>();
          expectTypeOf(request.headers).toEqualTypeOf<Readonly<Record<string, string>>>();
          // @ts-expect-error what a hook is told is read-only
          request.url = "https://elsewhere.example";
        },
        onResponse: (response) => {
          expectTypeOf(response.status).toEqualTypeOf<number>();
          expectTypeOf(response.requestId).toEqualTypeOf<string | undefined>();
          expectTypeOf(response.request.method).toEqualTypeOf<string>();
        },
        onNetworkError: (failure) => expectTypeOf(failure.aborted).toEqualTypeOf<boolean>(),
      },
    });
    // @ts-expect-error no such hook
    createClient({ hooks: { beforeRequest: () => undefined } });
  });

  it("credentialsFor the bearer scheme: a failure carries the token operation's typed error; Basic's cannot", async () => {
    const api = createClient({ auth: { BasicAuthentication: { username: "u", password: "p" } } });
    const bearer = await api.auth.credentialsFor("BearerAuthentication");
    if (!bearer.ok) {
      expectTypeOf(bearer.error.tokenError).toEqualTypeOf<ErrorOf<PostAccessTokenPOSTResult> | undefined>();
      const tokenError = bearer.error.tokenError;
      if (tokenError?.kind === "http" && tokenError.status === 400) {
        expectTypeOf(tokenError.body.errorCode).toEqualTypeOf<
          "BadCredentials" | "AuthValidationError" | "BodyValidationError" | "UnsupportedContentTypeError" | undefined
        >();
      }
    }
    const basic = await api.auth.credentialsFor("BasicAuthentication");
    if (!basic.ok) expectTypeOf(basic.error.tokenError).toEqualTypeOf<undefined>();
    // @ts-expect-error only the document's schemes
    void api.auth.credentialsFor("OAuth2");
  });
});
