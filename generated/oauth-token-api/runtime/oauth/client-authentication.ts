// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Client authentication at the token endpoint (RFC 6749 §2.3), by the RFC 7591 §2
 * `token_endpoint_auth_method` names.
 */
import { formUrlEncode } from "./encoding.js";

export type TokenEndpointAuthMethod = "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";

export interface ClientAuthParts {
  readonly headers: Record<string, string>;
  readonly params: Record<string, string>;
}

/**
 * RFC 6749 §2.3.1 `client_secret_basic`: HTTP Basic (RFC 7617) with the form-urlencoded
 * client id and secret (see {@link formUrlEncode} for the sentence it implements).
 */
export function clientSecretBasic(clientId: string, clientSecret: string): ClientAuthParts {
  const credentials = `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`;
  return { headers: { authorization: `Basic ${btoa(credentials)}` }, params: {} };
}

/**
 * RFC 6749 §2.3.1 `client_secret_post`: id and secret in the request body. The RFC says
 * it is "NOT RECOMMENDED"; it is here because vendors require it.
 */
export function clientSecretPost(clientId: string, clientSecret: string): ClientAuthParts {
  return { headers: {}, params: { client_id: clientId, client_secret: clientSecret } };
}

/** RFC 7591 §2 `none`, a public client: it identifies itself (RFC 6749 §3.2.1) and proves nothing. */
export function noneClientAuth(clientId: string): ClientAuthParts {
  return { headers: {}, params: { client_id: clientId } };
}

/**
 * RFC 7523 §2.2 / RFC 7521 §4.2 `private_key_jwt`: a JWT the client signed (see
 * private-key-jwt.ts) in `client_assertion`, with its type; `client_id` too, which §4.2 allows.
 */
export function clientAssertionAuth(clientId: string, assertion: string): ClientAuthParts {
  return {
    headers: {},
    params: { client_id: clientId, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion },
  };
}

/** The parts for a secret-based method (or none); undefined when the method needs a secret that is missing. */
export function clientAuthentication(
  method: Exclude<TokenEndpointAuthMethod, "private_key_jwt">,
  clientId: string,
  clientSecret: string | undefined,
): ClientAuthParts | undefined {
  switch (method) {
    case "none":
      return noneClientAuth(clientId);
    case "client_secret_post":
      return clientSecret === undefined ? undefined : clientSecretPost(clientId, clientSecret);
    case "client_secret_basic":
      return clientSecret === undefined ? undefined : clientSecretBasic(clientId, clientSecret);
  }
}
