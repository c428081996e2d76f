/**
 * Security schemes as the generated client presents them: the runtime's `SchemeSpec`
 * literal and the credential type users pass in `auth`.
 */
import type { SecuritySchemeModel, TokenEndpointQuirksModel } from "../model/types.js";
import { join, trusted, type Code } from "./code.js";
import { jsdoc, jsdocCode, stringLiteral, typePropertyKey, objectKey } from "./encode.js";
import { literal, type LiteralValue } from "./literal.js";

export interface SchemeView {
  doc: Code;
  typeKey: Code;
  objectKey: Code;
  spec: Code;
  credentialType: Code;
  /** oauth2 and openIdConnect schemes get `api.auth.<scheme>` controls. */
  oauth: boolean;
  /** The type of `api.auth.<scheme>` (oauth schemes only). */
  controlsType: Code;
}

/**
 * The scopes an oauth2 scheme's flows declare, as a union of string literals; `string`
 * when they declare none, and for openIdConnect (its scopes live in the server's metadata).
 */
function scopeType(scheme: SecuritySchemeModel): Code {
  if (scheme.type !== "oauth2") return trusted("string");
  const scopes = [...new Set(Object.values(scheme.flows).flatMap((f) => f?.scopes.map((s) => s.name) ?? []))].sort();
  return scopes.length === 0 ? trusted("string") : join(scopes.map(stringLiteral), " | ");
}

function credentialType(scheme: SecuritySchemeModel): Code {
  switch (scheme.type) {
    case "apiKey":
      return trusted("ApiKeyCredential");
    case "http":
      return trusted(scheme.scheme === "basic" ? "BasicCredential" : "BearerCredential");
    case "oauth2":
      return trusted(`OAuth2Credential<${scopeType(scheme).text}>`);
    case "openIdConnect":
      return trusted("OAuth2Credential");
  }
}

function controlsType(scheme: SecuritySchemeModel): Code {
  return scheme.type === "oauth2" ? trusted(`OAuth2Controls<${scopeType(scheme).text}>`) : trusted("OAuth2Controls");
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
  return {
    doc: jsdoc([scheme.description, credentialDoc(scheme)]),
    typeKey: typePropertyKey(scheme.name),
    objectKey: objectKey(scheme.name),
    spec: literal(specValue(scheme)),
    credentialType: credentialType(scheme),
    oauth: scheme.type === "oauth2" || scheme.type === "openIdConnect",
    controlsType: controlsType(scheme),
  };
}
