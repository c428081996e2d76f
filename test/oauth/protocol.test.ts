/** The pure protocol helpers, against the RFCs' own examples where they give one. */
import { describe, expect, it } from "vitest";
import { issuerOfWellKnownUrl } from "../../src/runtime/oauth/discovery.js";
import {
  calculatePKCECodeChallenge,
  clientSecretBasic,
  expiresAtFrom,
  formUrlEncode,
  generateRandomCodeVerifier,
  bearerChallengeError,
  parseBearerChallenge,
  wellKnownUrl,
} from "../../src/runtime/oauth/index.js";

describe("PKCE (RFC 7636)", () => {
  it("computes the Appendix B example challenge", async () => {
    expect(await calculatePKCECodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("generates 43-character unreserved verifiers (§4.1)", () => {
    const verifiers = new Set(Array.from({ length: 100 }, generateRandomCodeVerifier));
    expect(verifiers.size).toBe(100);
    for (const v of verifiers) expect(v).toMatch(/^[A-Za-z0-9._~-]{43}$/);
  });
});

describe("client_secret_basic (RFC 6749 §2.3.1)", () => {
  it.each([
    ["plain", "plain"],
    ["a:b+c/d", "a%3Ab%2Bc%2Fd"],
    ["sp ace", "sp+ace"],
    ["ünï", "%C3%BCn%C3%AF"],
    ["*-._", "*-._"],
  ])("form-urlencodes %j as %j", (given, want) => {
    expect(formUrlEncode(given)).toBe(want);
  });

  it("base64-encodes the encoded pair", () => {
    expect(clientSecretBasic("a:b", "p w").headers).toEqual({ authorization: `Basic ${btoa("a%3Ab:p+w")}` });
  });
});

describe("well-known URLs", () => {
  it.each([
    ["https://as.example", "oauth-authorization-server", "https://as.example/.well-known/oauth-authorization-server"],
    ["https://as.example/", "oauth-authorization-server", "https://as.example/.well-known/oauth-authorization-server"],
    ["https://as.example/tenant", "oauth-authorization-server", "https://as.example/.well-known/oauth-authorization-server/tenant"],
    ["https://as.example/a/b/", "oauth-authorization-server", "https://as.example/.well-known/oauth-authorization-server/a/b"],
    ["https://as.example/tenant", "openid-configuration", "https://as.example/tenant/.well-known/openid-configuration"],
    ["https://as.example", "openid-configuration", "https://as.example/.well-known/openid-configuration"],
  ] as const)("%s + %s → %s", (issuer, kind, want) => {
    expect(wellKnownUrl(new URL(issuer), kind).href).toBe(want);
  });

  it.each([
    ["https://as.example/tenant/.well-known/openid-configuration", "https://as.example/tenant"],
    ["https://as.example/.well-known/oauth-authorization-server/tenant", "https://as.example/tenant"],
    ["https://as.example/.well-known/oauth-authorization-server", "https://as.example"],
    ["https://as.example/metadata.json", undefined],
    ["https://as.example/.well-known/oauth-authorization-serverX", undefined],
  ])("issuer of %s is %s", (url, want) => {
    expect(issuerOfWellKnownUrl(new URL(url))).toBe(want);
  });
});

describe("expiry margin", () => {
  it.each([
    [900, 870_000],
    [3600, 3_570_000],
    [10, 9_000],
    [100, 90_000],
  ])("expires_in %d s is used for %d ms", (expiresIn, used) => {
    expect(expiresAtFrom(0, expiresIn)).toBe(used);
  });
});

describe("WWW-Authenticate Bearer challenges (RFC 6750 §3)", () => {
  it.each([
    ['Bearer realm="example"', { realm: "example" }],
    [
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      { realm: "example", error: "invalid_token", error_description: "The access token expired" },
    ],
    ['Basic realm="x", Bearer error="insufficient_scope", scope="a b"', { error: "insufficient_scope", scope: "a b" }],
    ['bearer error=invalid_token, Basic realm="after"', { error: "invalid_token" }],
    ['Bearer error_description="say \\"hi\\", ok"', { error_description: 'say "hi", ok' }],
    ['Basic realm="only basic"', undefined],
    ["", undefined],
  ])("%s", (header, want) => {
    expect(parseBearerChallenge(header)).toEqual(want);
  });

  it("gives the oauth fields of an error challenge", () => {
    expect(bearerChallengeError('Bearer error="invalid_token", error_uri="https://e"')).toEqual({
      error: "invalid_token",
      error_uri: "https://e",
    });
    expect(bearerChallengeError('Bearer realm="r"')).toBeUndefined();
  });
});
