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
    ["a non-ASCII identifier is kept as written", { operationId: "获取用户", method: "GET", path: "/x", want: "获取用户" }],
    ["dots, dashes, spaces and slashes all separate words", { operationId: "users/list.all-active items", method: "GET", path: "/x", want: "usersListAllActiveItems" }],
    ["digits that cannot be in a name (superscripts, fractions) separate words", { operationId: "get²size½", method: "GET", path: "/x", want: "getSize" }],
    ["a combining mark continues its word", { operationId: "cafe\u0301-list", method: "GET", path: "/x", want: "cafe\u0301List" }],
    ["emoji are dropped", { operationId: "🚀 launch", method: "POST", path: "/x", want: "launch" }],
    ["`constructor` is an ordinary member name", { operationId: "constructor", method: "GET", path: "/x", want: "constructor" }],
    ["no operationId: path with dots and dashes", { method: "GET", path: "/v1.2/user-groups/{group.id}", want: "getV12UserGroupsByGroupId" }],
    ["no operationId: root path", { method: "GET", path: "/", want: "get" }],
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

  const reserved: [string, { given: string[]; want: string[] }][] = [
    ["`__proto__` would set the prototype of `operations` and of the client", { given: ["__proto__", "proto"], want: ["__proto__2", "proto"] }],
    ["`credentials` would declare CredentialsResult, a runtime type the client imports", { given: ["credentials"], want: ["credentials2"] }],
    ["`client` and `options` are fine: ClientArgs, OptionsResult are free", { given: ["client", "options"], want: ["client", "options"] }],
    ["collisions after conversion: dashes, case and underscores", { given: ["listItems", "list_items", "ListItems", "listItems"], want: ["listItems", "list_items2", "ListItems3", "listItems4"] }],
    ["a numbered name that is itself taken moves on", { given: ["a", "a2", "a"], want: ["a", "a2", "a3"] }],
  ];
  it.each(reserved)("%s", (_, { given, want }) => {
    expect(uniqueNames(given)).toEqual(want);
  });
  it("is stable: the same input gives the same names", () => {
    const names = ["a", "b", "a", "A"];
    expect(uniqueNames(names)).toEqual(uniqueNames(names));
  });
});
