// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * `private_key_jwt` client authentication (OpenID Connect Core §9, RFC 7523 §2.2): the client
 * proves who it is with a JWT signed by its private key instead of a shared secret, so no
 * secret travels to the authorization server, which holds only the public key.
 *
 * `privateKeyJwt(key)` makes the `clientAssertion` of an OAuth 2 credential. It is imported by
 * the application, not by the client, so a bundle that does not use it leaves it out.
 */
import type { ClientAssertion } from "../options.js";
import { base64url, randomToken } from "./encoding.js";

export interface PrivateKeyJwtOptions {
  /** `kid` of the JWS header: which of the client's registered keys signed (RFC 7515 §4.1.4). */
  readonly keyId?: string;
  /** Seconds until the assertion expires (`exp`); default 60. It is made anew for every request. */
  readonly lifetimeSeconds?: number;
}

/** The JWS `alg` (RFC 7518 §3.1) and Web Crypto signing parameters for a key. */
function signingAlgorithm(key: CryptoKey): { readonly alg: string; readonly params: AlgorithmIdentifier | RsaPssParams | EcdsaParams } {
  const algorithm = key.algorithm as KeyAlgorithm & { hash?: { name: string }; namedCurve?: string };
  const bits = algorithm.hash?.name.replace("SHA-", "");
  switch (algorithm.name) {
    case "RSASSA-PKCS1-v1_5":
      return { alg: `RS${bits}`, params: algorithm.name };
    case "RSA-PSS":
      // RFC 7518 §3.5: the salt is as long as the hash.
      return { alg: `PS${bits}`, params: { name: algorithm.name, saltLength: Number(bits) / 8 } };
    case "ECDSA": {
      // RFC 7518 §3.4: the curve decides the hash; Web Crypto signs r || s, the JWS form.
      const size = { "P-256": "256", "P-384": "384", "P-521": "512" }[algorithm.namedCurve ?? ""];
      if (size !== undefined) return { alg: `ES${size}`, params: { name: algorithm.name, hash: `SHA-${size}` } };
      break;
    }
    case "Ed25519":
      return { alg: "EdDSA", params: algorithm.name };
  }
  throw new TypeError(`privateKeyJwt: a ${algorithm.name} key cannot sign a JWS (use RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA or Ed25519)`);
}

const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/**
 * A `clientAssertion` that signs, for every request, a JWT with the claims RFC 7523 §3 asks
 * for: `iss` and `sub` the client ID, `aud` the authorization server, `exp`, and a `jti` used
 * once. `aud` is the server's issuer identifier when it was discovered (the value
 * draft-ietf-oauth-rfc7523bis requires, so that an assertion meant for one server cannot be
 * replayed at another), else the URL of the endpoint called (RFC 7523 §3: the token endpoint
 * URL may be used). The key is a Web Crypto `CryptoKey` whose algorithm decides `alg`.
 */
export function privateKeyJwt(key: CryptoKey, options: PrivateKeyJwtOptions = {}): ClientAssertion {
  const { alg, params } = signingAlgorithm(key);
  const header = encodeJson({ alg, typ: "JWT", ...(options.keyId === undefined ? {} : { kid: options.keyId }) });
  return async ({ clientId, issuer, endpoint }) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: clientId, sub: clientId, aud: issuer ?? endpoint, iat: now, exp: now + (options.lifetimeSeconds ?? 60), jti: randomToken(16) };
    const input = `${header}.${encodeJson(claims)}`;
    const signature = await crypto.subtle.sign(params, key, new TextEncoder().encode(input));
    return `${input}.${base64url(new Uint8Array(signature))}`;
  };
}
