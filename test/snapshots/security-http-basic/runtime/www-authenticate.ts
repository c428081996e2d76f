// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * RFC 6750 §3: a protected resource refuses a bearer token with a `WWW-Authenticate: Bearer`
 * challenge whose `error`, `error_description`, `error_uri` (and `realm`, `scope`) say why.
 * The request pipeline reads it on a 401/403 to fill AuthError.oauth.
 */
import type { OAuthErrorFields } from "./result.js";

export interface BearerChallenge {
  readonly realm?: string;
  readonly scope?: string;
  readonly error?: string;
  readonly error_description?: string;
  readonly error_uri?: string;
  readonly [param: string]: string | undefined;
}

// RFC 9110 §11.2 / §5.6.2: token, and auth-param = token BWS "=" BWS ( token / quoted-string ).
const ITEM = /\s*,?\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+=*))?/y;

/** The parameters of the first Bearer challenge in a WWW-Authenticate value (several challenges may share one header). */
export function parseBearerChallenge(header: string | null | undefined): BearerChallenge | undefined {
  if (!header) return undefined;
  let scheme: string | undefined;
  let found: Record<string, string> | undefined;
  ITEM.lastIndex = 0;
  for (let match = ITEM.exec(header); match !== null; match = ITEM.exec(header)) {
    const [, name = "", raw] = match;
    if (raw === undefined) {
      // A name without "=" starts a new challenge.
      if (found) break;
      scheme = name.toLowerCase();
      if (scheme === "bearer") found = {};
      continue;
    }
    if (scheme === "bearer" && found) {
      const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
      found[name.toLowerCase()] ??= value;
    }
  }
  return found;
}

/** The RFC 6750 §3.1 error of a Bearer challenge, in the shape AuthError.oauth uses. */
export function bearerChallengeError(header: string | null | undefined): OAuthErrorFields | undefined {
  const challenge = parseBearerChallenge(header);
  if (challenge?.error === undefined) return undefined;
  return {
    error: challenge.error,
    ...(challenge.error_description !== undefined ? { error_description: challenge.error_description } : {}),
    ...(challenge.error_uri !== undefined ? { error_uri: challenge.error_uri } : {}),
  };
}
