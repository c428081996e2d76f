/** Type behaviour of the committed seed 004 client (generated/example-api). */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  operations,
  type ApiKeyCredential,
  type GetDataResult,
  type OAuth2Credential,
  type ListUsersResult,
  type OAuth2Controls,
} from "../../generated/example-api/index.js";

type HttpFailure<R> = Extract<Extract<R, { ok: false; error: unknown }>["error"], { kind: "http" }>;

describe("example-api client types", () => {
  it("listUsers: typed users on success; every declared error status narrowed, exhaustively", () => {
    const res = {} as ListUsersResult;
    if (res.ok) {
      expectTypeOf(res.status).toEqualTypeOf<200>();
      expectTypeOf(res.data.users).toEqualTypeOf<{ id: string; name?: string }[]>();
      return;
    }
    expectTypeOf(res.error.kind).toEqualTypeOf<"http" | "auth" | "network" | "timeout" | "unexpected">();
    if (res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<401 | 403>();
    switch (res.error.status) {
      case 401:
        expectTypeOf(res.error.body).toEqualTypeOf<undefined>();
        break;
      case 403:
        expectTypeOf(res.error.body).toEqualTypeOf<undefined>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("getData: an open object on success; 401 and 403 narrowed, exhaustively", () => {
    const res = {} as GetDataResult;
    if (res.ok) {
      expectTypeOf(res.data).toEqualTypeOf<{ [key: string]: unknown }>();
      return;
    }
    if (res.error.kind !== "http") return;
    expectTypeOf(res.error.status).toEqualTypeOf<401 | 403>();
    switch (res.error.status) {
      case 401:
      case 403:
        expectTypeOf(res.error.body).toEqualTypeOf<undefined>();
        break;
      default:
        expectTypeOf(res.error).toBeNever();
    }
  });

  it("makes an undeclared status a type error", () => {
    const users = {} as HttpFailure<ListUsersResult>;
    // @ts-expect-error 404 is not a status listUsers declares
    if (users.status === 404) return;
    const data = {} as HttpFailure<GetDataResult>;
    // @ts-expect-error 500 is not a status getData declares
    if (data.status === 500) return;
  });

  it("types each scheme's credential and states each operation's security", () => {
    createClient({ auth: { OAuth2: { clientId: "id", clientSecret: "secret" }, ApiKey: "key" } });
    createClient({ auth: { ApiKey: async () => "key" } });
    expectTypeOf<NonNullable<Parameters<typeof createClient>[0]>["auth"]>().toEqualTypeOf<
      { OAuth2?: OAuth2Credential<string>; ApiKey?: ApiKeyCredential } | undefined
    >();
    // @ts-expect-error an API key is a string or a function, not an object
    createClient({ auth: { ApiKey: { key: "k" } } });
    // @ts-expect-error the OAuth 2 client id is required
    createClient({ auth: { OAuth2: { clientSecret: "s" } } });
    // @ts-expect-error no such scheme in the document
    createClient({ auth: { Bearer: "t" } });
    expectTypeOf(operations.listUsers.security).toEqualTypeOf<readonly [{ readonly OAuth2: readonly [] }]>();
    expectTypeOf(operations.getData.security).toEqualTypeOf<readonly [{ readonly ApiKey: readonly [] }]>();
  });

  it("gives api.auth.OAuth2 its controls and credentialsFor the document's scheme names", () => {
    const api = createClient();
    expectTypeOf(api.auth.OAuth2).toEqualTypeOf<OAuth2Controls<string>>();
    expectTypeOf(api.auth.credentialsFor).parameter(0).toEqualTypeOf<"OAuth2" | "ApiKey">();
    // @ts-expect-error no such scheme in the document
    void api.auth.credentialsFor("Bearer");
  });
});
