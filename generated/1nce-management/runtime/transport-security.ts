// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Where credentials may go. Tokens and secrets travel only over TLS, except to loopback
 * hosts (RFC 8252 §7.3 treats loopback as safe for native apps; tests rely on it), and
 * only to the hosts they belong to.
 */

/** True for 127.0.0.0/8, ::1 and "localhost" (RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Whether a credential may be sent to `url`: https anywhere, http only to loopback unless allowed. */
export function mayCarryCredentials(url: URL, allowInsecureHttp: boolean): boolean {
  if (url.protocol === "https:") return true;
  if (url.protocol !== "http:") return false;
  return allowInsecureHttp || isLoopbackHost(url.hostname);
}
