/**
 * Choosing credentials from security requirements (OpenAPI 3 §4.8.30), table-driven:
 * alternatives are OR, schemes in one alternative are AND, `{}` is optional, `[]` anonymous.
 */
import { describe, expect, it } from "vitest";
import type { SchemeAuth } from "../../src/runtime/auth.js";
import type { SecurityAlternative } from "../../src/runtime/operation.js";
import { applySecurity, chooseSecurity } from "../../src/runtime/security.js";

function scheme(name: string, configured: boolean): SchemeAuth {
  return { name, configured, apply: async (scopes) => ({ headers: { [`x-${name}`]: scopes.join(" ") || "-" } }) };
}

const schemes = {
  OAuth2: scheme("OAuth2", false),
  ApiKey: scheme("ApiKey", true),
  Session: scheme("Session", true),
  Basic: scheme("Basic", false),
};

type Case = [name: string, { given: SecurityAlternative[]; want: unknown }];

const cases: Case[] = [
  ["[] is anonymous", { given: [], want: [] }],
  ["one configured scheme", { given: [{ ApiKey: [] }], want: [["ApiKey", []]] }],
  ["OR: the first satisfiable alternative", { given: [{ OAuth2: ["read"] }, { ApiKey: [] }, { Session: [] }], want: [["ApiKey", []]] }],
  ["AND: all schemes of the alternative", { given: [{ ApiKey: [], Session: [] }], want: [["ApiKey", []], ["Session", []]] }],
  ["AND with one unconfigured scheme is skipped", { given: [{ ApiKey: [], Basic: [] }, { Session: [] }], want: [["Session", []]] }],
  ["{} first still prefers a satisfiable alternative", { given: [{}, { ApiKey: [] }], want: [["ApiKey", []]] }],
  ["{} when nothing else is satisfiable: send nothing", { given: [{ OAuth2: [] }, {}], want: [] }],
  ["scopes of the chosen alternative are kept", { given: [{ Session: ["a", "b"] }], want: [["Session", ["a", "b"]]] }],
  ["a scheme the client does not know counts as unconfigured", { given: [{ Unknown: [] }, { ApiKey: [] }], want: [["ApiKey", []]] }],
];

describe("chooseSecurity", () => {
  it.each(cases)("%s", (_, { given, want }) => {
    expect(chooseSecurity("op", given, schemes)).toEqual(want);
  });

  it("none satisfiable: missing_credentials naming every alternative and scheme", () => {
    const noApiKey = { ...schemes, ApiKey: scheme("ApiKey", false) };
    expect(chooseSecurity("listUsers", [{ OAuth2: ["read"] }, { ApiKey: [], Session: [] }], noApiKey)).toEqual({
      kind: "auth",
      reason: "missing_credentials",
      message: "listUsers needs credentials for one of: OAuth2, or ApiKey + Session; none is configured",
      schemes: ["OAuth2", "ApiKey", "Session"],
    });
    expect(chooseSecurity("getMe", [{ Basic: [] }], schemes)).toMatchObject({
      message: "getMe needs credentials for Basic; none is configured",
      schemes: ["Basic"],
    });
  });
});

describe("applySecurity", () => {
  it("applies each chosen scheme with its scopes, in order", async () => {
    expect(await applySecurity([["ApiKey", []], ["Session", ["s1"]]], schemes)).toEqual([
      { headers: { "x-ApiKey": "-" } },
      { headers: { "x-Session": "s1" } },
    ]);
  });

  it("returns the first scheme's failure as it is", async () => {
    const failing: SchemeAuth = {
      name: "F",
      configured: true,
      apply: async () => ({ kind: "auth", reason: "token_request_failed", message: "F: token endpoint said no" }),
    };
    expect(await applySecurity([["F", []], ["ApiKey", []]], { ...schemes, F: failing })).toMatchObject({
      reason: "token_request_failed",
    });
  });

  it("answers without a Promise when every scheme does, and waits from the first scheme that does not", async () => {
    const order: string[] = [];
    const at = (name: string, wait: boolean): SchemeAuth => ({
      name,
      configured: true,
      apply: () => {
        order.push(name);
        const applied = { headers: { [`x-${name}`]: "1" } };
        return wait ? Promise.resolve(applied) : applied;
      },
    });
    const mixed = { A: at("A", false), B: at("B", false), W: at("W", true) };
    expect(applySecurity([["A", []], ["B", []]], mixed)).toEqual([{ headers: { "x-A": "1" } }, { headers: { "x-B": "1" } }]);
    const pending = applySecurity([["A", []], ["W", []], ["B", []]], mixed);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual([{ headers: { "x-A": "1" } }, { headers: { "x-W": "1" } }, { headers: { "x-B": "1" } }]);
    expect(order).toEqual(["A", "B", "A", "W", "B"]);
  });
});
