// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/** OAuth 2.0 Dynamic Client Registration Protocol (RFC 7591). */
import type { AuthError } from "../result.js";
import { isObject } from "./encoding.js";
import { authError, describeOAuthError, parseOAuthError } from "./errors.js";
import { endpointLabel, readJson, send, type HttpEnv } from "./http.js";

/**
 * RFC 7591 §3.1 Client Registration Request: the client metadata as a JSON object, with
 * an initial access token (§3) as a Bearer token when the server requires one.
 */
export function dynamicClientRegistrationRequest(
  http: HttpEnv,
  endpoint: URL,
  metadata: Readonly<Record<string, unknown>>,
  initialAccessToken?: string,
  signal?: AbortSignal,
): Promise<Response | AuthError> {
  return send(
    http,
    endpoint,
    {
      method: "POST",
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        ...(initialAccessToken !== undefined ? { authorization: `Bearer ${initialAccessToken}` } : {}),
      },
      body: JSON.stringify(metadata),
    },
    "client registration request",
    "token_request_failed",
    signal,
  );
}

/**
 * RFC 7591 §3.2.1 Client Information Response (201 with at least `client_id`) or §3.2.2
 * Client Registration Error Response. The registered client (with its `client_secret`) is
 * the caller's to keep; it is returned, never logged.
 */
export async function processDynamicClientRegistrationResponse(
  response: Response,
  endpoint: URL,
  secrets: readonly (string | undefined)[],
): Promise<Record<string, unknown> | AuthError> {
  const body = await readJson(response);
  const where = endpointLabel(endpoint);
  const oauth = parseOAuthError(body, secrets);
  // §3.2.1 says 201; 200 is accepted because some servers answer it.
  if ((response.status !== 201 && response.status !== 200) || oauth) {
    return authError(
      "token_request_failed",
      oauth
        ? `client registration at ${where} failed: ${describeOAuthError(oauth)}`
        : `client registration at ${where} answered HTTP ${response.status}`,
      { httpStatus: response.status, ...(oauth ? { oauth } : {}) },
    );
  }
  if (!isObject(body) || typeof body["client_id"] !== "string") {
    return authError("invalid_token_response", `client registration at ${where} answered without a client_id`, {
      httpStatus: response.status,
    });
  }
  return body;
}
