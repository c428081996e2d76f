import { describe, expect, it } from "vitest";
import { methodName, uniqueNames } from "../../src/model/naming.js";

describe("methodName", () => {
  const cases: [string, { operationId?: string; method: string; path: string; want: string }][] = [
    ["operationId that is an identifier is kept as written", { operationId: "postAccessTokenPOST", method: "POST", path: "/oauth/token", want: "postAccessTokenPOST" }],
    ["operationId with separators is camelCased", { operationId: "get-user.by id", method: "GET", path: "/x", want: "getUserById" }],
    ["operationId starting with a digit gets a leading underscore", { operationId: "2fa-verify", method: "POST", path: "/x", want: "_2faVerify" }],
    ["operationId that is a reserved word is kept (it is a member name)", { operationId: "delete", method: "DELETE", path: "/x", want: "delete" }],
    ["operationId made only of symbols falls back to method + path", { operationId: "--", method: "GET", path: "/users", want: "getUsers" }],
    ["no operationId: method + path", { method: "GET", path: "/users/{id}", want: "getUsersById" }],
    ["no operationId: nested path parameters", { method: "PATCH", path: "/orgs/{org-id}/members/{user_id}", want: "patchOrgsByOrgIdMembersByUserId" }],
    ["non-ASCII letters are kept", { operationId: "größe-lesen", method: "GET", path: "/x", want: "größeLesen" }],
  ];
  it.each(cases)("%s", (_, { operationId, method, path, want }) => {
    expect(methodName(operationId, method, path)).toBe(want);
  });
});

describe("uniqueNames", () => {
  it("keeps the first spelling and numbers later collisions in document order", () => {
    expect(uniqueNames(["getUser", "getUser", "getUser"])).toEqual(["getUser", "getUser2", "getUser3"]);
  });
  it("treats names that would share a type name as collisions", () => {
    expect(uniqueNames(["getUser", "GetUser", "get_user"])).toEqual(["getUser", "GetUser2", "get_user3"]);
  });
  it("never hands out `auth`, which the client uses for token controls", () => {
    expect(uniqueNames(["auth"])).toEqual(["auth2"]);
  });
  it("is stable: the same input gives the same names", () => {
    const names = ["a", "b", "a", "A"];
    expect(uniqueNames(names)).toEqual(uniqueNames(names));
  });
});
