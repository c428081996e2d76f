/**
 * `private_key_jwt` client authentication (RFC 7523 §2.2, OpenID Connect Core §9) against
 * oidc-provider, which holds only each client's public key (`jwks`), checks the assertion's
 * signature, `aud`, `exp` and `jti`, and refuses a `jti` it has seen. Keys are Web Crypto keys
 * generated here, one per signing algorithm the helper supports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateKeyJwt, type OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import type { ClientAssertion } from "../../src/runtime/options.js";
import { createClient, privateKeyJwt as generatedPrivateKeyJwt } from "../snapshots/oauth2/index.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import { bearer, expectApplied, expectAuthError, makeAuth } from "./helpers.js";

/** One client per JWS algorithm: `alg` → the Web Crypto parameters of its key pair. */
const ALGORITHMS = {
  RS256: { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
  PS256: { name: "RSA-PSS", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  EdDSA: { name: "Ed25519" },
} as const;
type Alg = keyof typeof ALGORITHMS;

const clientId = (alg: Alg) => `jwt-client-${alg.toLowerCase()}`;
const keyId = (alg: Alg) => `key-${alg}`;
const keys = {} as Record<Alg, CryptoKeyPair>;
let stranger: CryptoKeyPair;
let as: AuthorizationServer;
let rs: ResourceServer;

async function generate(params: (typeof ALGORITHMS)[Alg]): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(params as RsaHashedKeyGenParams, true, ["sign", "verify"])) as CryptoKeyPair;
}

/** The public key as the client registers it. Web Crypto names an Ed25519 key's `alg` "Ed25519" (RFC 9864), which oidc-provider matches against the "EdDSA" the client signs with: left out, as a JWK may. */
async function publicJwk(alg: Alg) {
  const { alg: _named, key_ops: _ops, ext: _ext, ...jwk } = await crypto.subtle.exportKey("jwk", keys[alg].publicKey);
  return { ...jwk, kid: keyId(alg), use: "sig" };
}

beforeAll(async () => {
  for (const alg of Object.keys(ALGORITHMS) as Alg[]) keys[alg] = await generate(ALGORITHMS[alg]);
  stranger = await generate(ALGORITHMS.RS256);
  const clients = await Promise.all(
    (Object.keys(ALGORITHMS) as Alg[]).map(async (alg) => ({
      client_id: clientId(alg),
      token_endpoint_auth_method: "private_key_jwt",
      token_endpoint_auth_signing_alg: alg,
      jwks: { keys: [await publicJwk(alg)] },
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      scope: "api:read",
    })),
  );
  as = await startAuthorizationServer({ clients });
  rs = await startResourceServer(as, { requiredScopes: { "/me": "api:read" } });
});

afterAll(async () => {
  await rs?.close();
  await as?.close();
});

/** The document's token endpoint, without metadata. */
const declared = (): OAuth2SchemeSpec => ({
  type: "oauth2",
  flows: { clientCredentials: { tokenUrl: `${as.issuer}/token`, scopes: ["api:read"] } },
  quirks: { revocationUrl: `${as.issuer}/token/revocation` },
});

function decodeJwt(jwt: string) {
  const [header, claims] = jwt.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>);
  return { header: header!, claims: claims! };
}

const lastAssertion = () => String(as.tokenRequestDetails.at(-1)?.body["client_assertion"] ?? "");

describe("privateKeyJwt signs an assertion the server accepts", () => {
  it.each(Object.keys(ALGORITHMS) as Alg[])("%s: the token is issued to the client, and the JWT carries the RFC 7523 §3 claims", async (alg) => {
    const auth = makeAuth(
      declared(),
      { clientId: clientId(alg), clientAssertion: privateKeyJwt(keys[alg].privateKey, { keyId: keyId(alg) }), issuer: as.issuer },
      { baseUrl: as.issuer },
    );
    const before = Math.floor(Date.now() / 1000);

    const token = bearer(expectApplied(await auth.apply(["api:read"])));

    expect(await as.introspect(token)).toMatchObject({ active: true, client_id: clientId(alg) });
    const detail = as.tokenRequestDetails.at(-1)!;
    expect(detail).toMatchObject({ grantType: "client_credentials", status: 200, authorization: undefined });
    expect(detail.body).toMatchObject({ client_id: clientId(alg), client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" });
    const { header, claims } = decodeJwt(lastAssertion());
    expect(header).toEqual({ alg, typ: "JWT", kid: keyId(alg) });
    // With discovery, aud is the issuer identifier (draft-ietf-oauth-rfc7523bis).
    expect(claims).toMatchObject({ iss: clientId(alg), sub: clientId(alg), aud: as.issuer });
    expect(claims["iat"]).toBeGreaterThanOrEqual(before);
    expect(Number(claims["exp"]) - Number(claims["iat"])).toBe(60);
  });

  it("without metadata, aud is the endpoint called; every request gets a new jti, which the server's replay check requires", async () => {
    const auth = makeAuth(declared(), { clientId: clientId("ES256"), clientAssertion: privateKeyJwt(keys.ES256.privateKey, { lifetimeSeconds: 30 }) }, { baseUrl: as.issuer });
    expectApplied(await auth.apply(["api:read"]));
    const first = decodeJwt(lastAssertion());
    expect(first.header).toEqual({ alg: "ES256", typ: "JWT" });
    expect(first.claims).toMatchObject({ aud: `${as.issuer}/token` });
    expect(Number(first.claims["exp"]) - Number(first.claims["iat"])).toBe(30);

    await auth.clear();
    expectApplied(await auth.apply(["api:read"]));
    expect(as.tokenRequestDetails.at(-1)?.status).toBe(200);
    expect(decodeJwt(lastAssertion()).claims["jti"]).not.toBe(first.claims["jti"]);
  });

  it("revoke() authenticates the same way, with an assertion of its own", async () => {
    const auth = makeAuth(declared(), { clientId: clientId("RS256"), clientAssertion: privateKeyJwt(keys.RS256.privateKey) }, { baseUrl: as.issuer });
    const token = bearer(expectApplied(await auth.apply(["api:read"])));
    expect(await auth.revoke()).toEqual({ ok: true });
    expect(await as.introspect(token)).toMatchObject({ active: false });
  });

  it("the generated client exports privateKeyJwt, and a credential with clientAssertion uses it by default", async () => {
    const api = createClient({
      baseUrl: new URL(rs.url).origin,
      auth: { OAuth2: { issuer: as.issuer, clientId: clientId("PS256"), clientAssertion: generatedPrivateKeyJwt(keys.PS256.privateKey, { keyId: keyId("PS256") }) } },
    });
    const me = await api.getMe();
    expect(me.ok && me.data.client_id).toBe(clientId("PS256"));
  });
});

describe("what goes wrong is said, with no assertion in it", () => {
  it("a key the server does not hold: invalid_client, and the assertion appears nowhere in the error", async () => {
    let sent = "";
    const sign = privateKeyJwt(stranger.privateKey);
    const recording: ClientAssertion = async (request) => (sent = await sign(request));
    const auth = makeAuth(declared(), { clientId: clientId("RS256"), clientAssertion: recording }, { baseUrl: as.issuer });

    const error = expectAuthError(await auth.apply(["api:read"]));

    expect(error).toMatchObject({ reason: "token_request_failed", httpStatus: 401, oauth: { error: "invalid_client" } });
    expect(sent).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.stringify(error)).not.toContain(sent);
    expect(JSON.stringify(error)).not.toContain(sent.split(".")[2]);
  });

  it("private_key_jwt without a clientAssertion, or one that throws or returns nothing: kind auth, and nothing is sent", async () => {
    const from = as.tokenRequests.length;
    const declaredMethod = makeAuth({ ...declared(), quirks: { tokenEndpointAuthMethod: "private_key_jwt" } }, { clientId: "c" }, { baseUrl: as.issuer });
    const throwing = makeAuth(declared(), { clientId: "c", clientAssertion: () => Promise.reject(new Error("HSM offline")) }, { baseUrl: as.issuer });
    const empty = makeAuth(declared(), { clientId: "c", clientAssertion: () => "" }, { baseUrl: as.issuer });

    expect(expectAuthError(await declaredMethod.apply([]))).toMatchObject({ reason: "missing_credentials", message: "scheme OAuth2: private_key_jwt needs a clientAssertion" });
    const threw = expectAuthError(await throwing.apply([]));
    expect(threw).toMatchObject({ reason: "missing_credentials", message: "scheme OAuth2: the clientAssertion function threw" });
    expect((threw.cause as Error).message).toBe("HSM offline");
    expect(expectAuthError(await empty.apply([])).message).toBe("scheme OAuth2: the clientAssertion function returned no assertion");
    expect(as.tokenRequests.length).toBe(from);
  });

  it("a key that cannot sign a JWS is refused when the helper is made", async () => {
    const hmac = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    expect(() => privateKeyJwt(hmac)).toThrow("privateKeyJwt: a HMAC key cannot sign a JWS (use RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA or Ed25519)");
  });
});
