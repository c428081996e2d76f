// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Authorization server metadata: RFC 8414 (`/.well-known/oauth-authorization-server`) and
 * OpenID Connect Discovery 1.0 (`/.well-known/openid-configuration`).
 */
import type { AuthError } from "../result.js";
import { isObject } from "./encoding.js";
import { authError, isAuthError } from "./errors.js";
import { endpointLabel, readJson, send, type HttpEnv } from "./http.js";

/** The RFC 8414 §2 metadata this runtime reads; every other member is kept as sent. */
export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly authorization_endpoint?: string;
  readonly token_endpoint?: string;
  readonly registration_endpoint?: string;
  readonly revocation_endpoint?: string;
  readonly introspection_endpoint?: string;
  readonly token_endpoint_auth_methods_supported?: readonly string[];
  readonly grant_types_supported?: readonly string[];
  readonly code_challenge_methods_supported?: readonly string[];
  /** RFC 9207 §3: the server sends `iss` in authorization responses. */
  readonly authorization_response_iss_parameter_supported?: boolean;
  readonly [member: string]: unknown;
}

export type WellKnown = "oauth-authorization-server" | "openid-configuration";

/**
 * RFC 8414 §3.1: "the well-known URI string ... is inserted into the issuer identifier
 * between the host component and the path component, if any": issuer
 * `https://as/tenant` → `https://as/.well-known/oauth-authorization-server/tenant`.
 * OpenID Connect Discovery 1.0 §4 appends instead: `https://as/tenant/.well-known/openid-configuration`.
 */
export function wellKnownUrl(issuer: URL, kind: WellKnown): URL {
  const path = issuer.pathname === "/" ? "" : issuer.pathname.replace(/\/$/, "");
  const url = new URL(issuer.href);
  url.pathname = kind === "oauth-authorization-server" ? `/.well-known/${kind}${path}` : `${path}/.well-known/${kind}`;
  return url;
}

/**
 * The issuer a metadata URL was derived from, by undoing {@link wellKnownUrl}; undefined
 * when the URL follows neither rule (OpenAPI `openIdConnectUrl` may point anywhere).
 */
export function issuerOfWellKnownUrl(url: URL): string | undefined {
  if (url.search || url.hash) return undefined;
  const oidc = "/.well-known/openid-configuration";
  if (url.pathname.endsWith(oidc)) return `${url.origin}${url.pathname.slice(0, -oidc.length)}`;
  const rfc8414 = "/.well-known/oauth-authorization-server";
  if (url.pathname.startsWith(rfc8414)) {
    const path = url.pathname.slice(rfc8414.length);
    if (path === "" || path.startsWith("/")) return `${url.origin}${path}`;
  }
  return undefined;
}

/** RFC 8414 §3.1 / OIDC Discovery §4.1: GET the metadata document. */
export function discoveryRequest(http: HttpEnv, url: URL, signal?: AbortSignal): Promise<Response | AuthError> {
  return send(http, url, { method: "GET", headers: { accept: "application/json" } }, "metadata request", "discovery_failed", signal);
}

/**
 * RFC 8414 §3.2–3.3: a 200 JSON object whose `issuer` is identical to the issuer asked for
 * ("If these values are not identical, the data contained in the response MUST NOT be
 * used"). `expectedIssuer` undefined skips only the comparison.
 */
export async function processDiscoveryResponse(
  response: Response,
  url: URL,
  expectedIssuer: string | undefined,
): Promise<AuthorizationServerMetadata | AuthError> {
  const where = endpointLabel(url);
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return authError("discovery_failed", `metadata at ${where} answered HTTP ${response.status}`, {
      httpStatus: response.status,
    });
  }
  const body = await readJson(response);
  if (!isObject(body) || typeof body["issuer"] !== "string") {
    return authError("discovery_failed", `metadata at ${where} is not a JSON object with an issuer`);
  }
  if (expectedIssuer !== undefined && body["issuer"] !== expectedIssuer) {
    return authError(
      "discovery_failed",
      `metadata at ${where} names issuer ${JSON.stringify(body["issuer"])}, not the issuer asked for ${JSON.stringify(expectedIssuer)} (RFC 8414 §3.3)`,
    );
  }
  return body as AuthorizationServerMetadata;
}

/**
 * Discover an issuer's metadata: RFC 8414 first, then OpenID Connect Discovery when the
 * RFC 8414 document is missing (a non-200 answer). A document that is found but names
 * another issuer is an error, not a reason to try the next one.
 */
export async function discoverIssuer(
  http: HttpEnv,
  issuer: string,
  signal?: AbortSignal,
): Promise<AuthorizationServerMetadata | AuthError> {
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    return authError("discovery_failed", "the issuer option is not an absolute URL");
  }
  let first: AuthError | undefined;
  for (const kind of ["oauth-authorization-server", "openid-configuration"] as const) {
    const url = wellKnownUrl(issuerUrl, kind);
    const response = await discoveryRequest(http, url, signal);
    if (isAuthError(response)) return response;
    const metadata = await processDiscoveryResponse(response, url, issuer);
    if (!isAuthError(metadata) || metadata.httpStatus === undefined) return metadata;
    first ??= metadata;
  }
  return authError("discovery_failed", `no metadata found for issuer ${issuer}: ${first?.message ?? ""}`.trim());
}

/** Discover from a metadata URL given as such (OpenAPI `openIdConnectUrl`, OpenAPI 3 §4.8.27). */
export async function discoverFromUrl(
  http: HttpEnv,
  url: URL,
  signal?: AbortSignal,
): Promise<AuthorizationServerMetadata | AuthError> {
  const response = await discoveryRequest(http, url, signal);
  if (isAuthError(response)) return response;
  return processDiscoveryResponse(response, url, issuerOfWellKnownUrl(url));
}

/** A metadata endpoint member as a URL, or undefined when absent or not an absolute URL. */
export function metadataUrl(metadata: AuthorizationServerMetadata | undefined, member: string): URL | undefined {
  const value = metadata?.[member];
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
