/**
 * Security schemes as the generated client presents them: the runtime's `SchemeSpec`
 * literal and the credential type users pass in `auth`.
 */
import type { SecuritySchemeModel, TokenEndpointQuirksModel } from "../model/types.js";
import { trusted, type Code } from "./code.js";
import { jsdoc, jsdocCode, stringLiteral, typePropertyKey, objectKey } from "./encode.js";
import { type Doc } from "./layout.js";
import { propertyDoc, type LiteralValue } from "./literal.js";
import { memberLines, typeReference, unionType } from "./type-docs.js";

export interface SchemeView {
  typeKey: Code;
  objectKey: Code;
  /** `  Name: { type: ... },` in `securitySchemes`. */
  specEntry: Code;
  /** The member of `AuthOptions`, with its JSDoc. */
  authMember: Code;
  /** oauth2 and openIdConnect schemes get `api.auth.<scheme>` controls. */
  oauth: boolean;
  /** `readonly Name: OAuth2Controls<...>;` in `Client["auth"]` (oauth schemes only). */
  controlsMember: Code;
}

/**
 * The scopes an oauth2 scheme's flows declare, as a union of string literals; `string`
 * when they declare none, and for openIdConnect (its scopes live in the server's metadata).
 */
function scopeType(scheme: SecuritySchemeModel): Doc | undefined {
  if (scheme.type !== "oauth2") return undefined;
  const scopes = [...new Set(Object.values(scheme.flows).flatMap((f) => f?.scopes.map((s) => s.name) ?? []))].sort();
  return scopes.length === 0 ? undefined : unionType(scopes.map(stringLiteral), false);
}

/** `OAuth2Credential<"read" | "write">`; `string` (a keyword) stays hugged in the brackets. */
function withScopes(name: string, scheme: SecuritySchemeModel): Doc {
  if (scheme.type !== "oauth2") return trusted(name);
  const scopes = scopeType(scheme);
  return scopes === undefined ? trusted(`${name}<string>`) : typeReference(trusted(name), [scopes]);
}

function credentialType(scheme: SecuritySchemeModel): Doc {
  switch (scheme.type) {
    case "apiKey":
      return trusted("ApiKeyCredential");
    case "http":
      return trusted(scheme.scheme === "basic" ? "BasicCredential" : "BearerCredential");
    case "oauth2":
    case "openIdConnect":
      return withScopes("OAuth2Credential", scheme);
  }
}

function specValue(scheme: SecuritySchemeModel): LiteralValue {
  switch (scheme.type) {
    case "apiKey":
      return { type: "apiKey", in: scheme.in, name: scheme.parameterName };
    case "http":
      if (scheme.tokenFrom === undefined) return { type: "http", scheme: scheme.scheme };
      return {
        type: "http",
        scheme: scheme.scheme,
        tokenFrom: {
          operation: scheme.tokenFrom.operation,
          body: scheme.tokenFrom.body as LiteralValue,
          accessToken: scheme.tokenFrom.accessToken,
          expiresIn: scheme.tokenFrom.expiresIn,
          tokenType: scheme.tokenFrom.tokenType,
          defaultExpiresIn: scheme.tokenFrom.defaultExpiresIn,
        },
      };
    case "oauth2": {
      const flows: Record<string, LiteralValue> = {};
      for (const [kind, flow] of Object.entries(scheme.flows)) {
        if (!flow) continue;
        flows[kind] = {
          authorizationUrl: flow.authorizationUrl,
          tokenUrl: flow.tokenUrl,
          refreshUrl: flow.refreshUrl,
          scopes: flow.scopes.map((s) => s.name),
        };
      }
      return { type: "oauth2", flows, ...quirks(scheme.quirks) };
    }
    case "openIdConnect":
      return { type: "openIdConnect", openIdConnectUrl: scheme.openIdConnectUrl, ...quirks(scheme.quirks) };
  }
}

function quirks(q: TokenEndpointQuirksModel): { quirks?: LiteralValue } {
  const entries = Object.entries(q) as [string, LiteralValue][];
  return entries.length === 0 ? {} : { quirks: Object.fromEntries(entries) };
}

function credentialDoc(scheme: SecuritySchemeModel): string {
  switch (scheme.type) {
    case "apiKey":
      return `API key sent in the ${scheme.in} ${"`"}${scheme.parameterName.replace(/`/g, "'")}${"`"}.`;
    case "http":
      if (scheme.tokenFrom !== undefined) {
        return `Bearer tokens are issued by ${jsdocCode(scheme.tokenFrom.operation)}: configure that operation's credentials and the client acquires, caches and renews them. A token given here is used instead.`;
      }
      return scheme.scheme === "basic" ? "HTTP Basic credentials (RFC 7617)." : `HTTP ${scheme.scheme} credential, sent as ${"`"}Authorization${"`"}.`;
    case "oauth2":
      return `OAuth 2 client: tokens are acquired, cached and refreshed by the client (flows: ${Object.keys(scheme.flows).join(", ")}).`;
    case "openIdConnect":
      return "OpenID Connect client: endpoints are discovered, tokens acquired, cached and refreshed by the client.";
  }
}

export function schemeView(scheme: SecuritySchemeModel): SchemeView {
  const typeKey = typePropertyKey(scheme.name);
  return {
    typeKey,
    objectKey: objectKey(scheme.name),
    specEntry: memberLines(trusted(""), [propertyDoc(objectKey(scheme.name), specValue(scheme)), trusted(",")]),
    authMember: memberLines(jsdoc([scheme.description, credentialDoc(scheme)]), [typeKey, trusted("?: "), credentialType(scheme), trusted(";")]),
    oauth: scheme.type === "oauth2" || scheme.type === "openIdConnect",
    controlsMember: memberLines(trusted(""), [trusted("readonly "), typeKey, trusted(": "), withScopes("OAuth2Controls", scheme), trusted(";")], 2),
  };
}
