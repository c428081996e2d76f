/**
 * Security Scheme Object, OpenAPI 3.1 §4.8.27, plus the `x-gen-auth-client` extension that
 * declares where a vendor departs from the standards (docs/extension.md).
 */
import type { OAuthFlowModel, SecuritySchemeModel, TokenEndpointQuirksModel, TokenFromModel } from "./types.js";
import { deref, isObject, optionalString, type Json } from "./ref.js";

export const EXTENSION = "x-gen-auth-client";

export type SchemeReport = (pointerSuffix: string, message: string, severity?: "error" | "warning") => void;

export function securitySchemeModel(document: Json, name: string, raw: unknown, report: SchemeReport): SecuritySchemeModel | undefined {
  const scheme = deref(document, raw);
  if (!scheme) return undefined;
  checkPlacement(scheme.type, typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "", scheme[EXTENSION], report);
  const description = optionalString(scheme.description);
  const base = { name, ...(description === undefined ? {} : { description }) };
  switch (scheme.type) {
    case "apiKey": {
      const location = scheme.in;
      if ((location !== "header" && location !== "query" && location !== "cookie") || typeof scheme.name !== "string") {
        report("", `apiKey scheme needs "in" (header, query or cookie) and "name"`, "error");
        return undefined;
      }
      return { ...base, type: "apiKey", in: location, parameterName: scheme.name };
    }
    case "http": {
      // RFC 9110 §11.1: authentication scheme names are case-insensitive.
      const httpScheme = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "";
      if (httpScheme === "") {
        report("/scheme", `http scheme needs "scheme" (e.g. basic, bearer)`, "error");
        return undefined;
      }
      const bearerFormat = optionalString(scheme.bearerFormat);
      const from = tokenFrom(scheme[EXTENSION]);
      return {
        ...base,
        type: "http",
        scheme: httpScheme,
        ...(bearerFormat === undefined ? {} : { bearerFormat }),
        ...(from === undefined ? {} : { tokenFrom: from }),
      };
    }
    case "oauth2":
      return { ...base, type: "oauth2", flows: oauthFlows(scheme.flows, report), quirks: quirks(scheme[EXTENSION]) };
    case "openIdConnect": {
      const url = optionalString(scheme.openIdConnectUrl);
      if (url === undefined) {
        report("/openIdConnectUrl", `openIdConnect scheme needs "openIdConnectUrl"`, "error");
        return undefined;
      }
      return { ...base, type: "openIdConnect", openIdConnectUrl: url, quirks: quirks(scheme[EXTENSION]) };
    }
    default:
      report("/type", `security scheme type "${String(scheme.type)}" is not supported; operations that need only it will fail with kind "auth"`);
      return undefined;
  }
}

function oauthFlows(raw: unknown, report: SchemeReport): Extract<SecuritySchemeModel, { type: "oauth2" }>["flows"] {
  const flows: Extract<SecuritySchemeModel, { type: "oauth2" }>["flows"] = {};
  if (!isObject(raw)) return flows;
  for (const kind of ["clientCredentials", "authorizationCode", "password", "implicit"] as const) {
    const flow = raw[kind];
    if (!isObject(flow)) continue;
    if (kind === "implicit") {
      // OAuth 2.1 §10.1 drops the implicit grant: tokens in URLs leak. No acquisition.
      report(`/flows/implicit`, `the implicit flow is not supported (OAuth 2.1 removes it); this scheme takes a static access token`);
    }
    flows[kind] = oauthFlow(flow);
  }
  return flows;
}

function oauthFlow(flow: Json): OAuthFlowModel {
  const scopes = isObject(flow.scopes) ? flow.scopes : {};
  const model: OAuthFlowModel = {
    scopes: Object.entries(scopes).map(([name, description]) => ({ name, description: typeof description === "string" ? description : "" })),
  };
  for (const key of ["authorizationUrl", "tokenUrl", "refreshUrl"] as const) {
    const url = optionalString(flow[key]);
    if (url !== undefined) model[key] = url;
  }
  return model;
}

/**
 * Token-endpoint quirks. Their shapes were checked against the extension's JSON Schema at
 * load (src/load/extension.ts); here they are only copied into the model.
 */
function quirks(raw: unknown): TokenEndpointQuirksModel {
  if (!isObject(raw)) return {};
  const result: TokenEndpointQuirksModel = {};
  if (raw.tokenEndpointAuthMethod !== undefined) result.tokenEndpointAuthMethod = raw.tokenEndpointAuthMethod as TokenEndpointQuirksModel["tokenEndpointAuthMethod"];
  if (raw.tokenRequestEncoding !== undefined) result.tokenRequestEncoding = raw.tokenRequestEncoding as "form" | "json";
  if (typeof raw.sendGrantType === "boolean") result.sendGrantType = raw.sendGrantType;
  if (Array.isArray(raw.tokenResponsePath)) result.tokenResponsePath = raw.tokenResponsePath as string[];
  if (typeof raw.defaultExpiresIn === "number") result.defaultExpiresIn = raw.defaultExpiresIn;
  if (typeof raw.issuer === "string") result.issuer = raw.issuer;
  if (typeof raw.revocationUrl === "string") result.revocationUrl = raw.revocationUrl;
  return result;
}

const TOKEN_ENDPOINT_FIELDS = ["tokenEndpointAuthMethod", "tokenRequestEncoding", "sendGrantType", "tokenResponsePath", "defaultExpiresIn", "issuer", "revocationUrl"];

/** `tokenFrom` before its operation is resolved (src/model/index.ts does that). */
function tokenFrom(raw: unknown): TokenFromModel | undefined {
  if (!isObject(raw) || !isObject(raw.tokenFrom) || typeof raw.tokenFrom.operationId !== "string") return undefined;
  const from = raw.tokenFrom;
  return {
    operationId: from.operationId as string,
    operation: "",
    ...("body" in from ? { body: from.body } : {}),
    accessToken: typeof from.accessToken === "string" ? from.accessToken : "/access_token",
    expiresIn: typeof from.expiresIn === "string" ? from.expiresIn : "/expires_in",
    tokenType: typeof from.tokenType === "string" ? from.tokenType : "/token_type",
    ...(typeof from.defaultExpiresIn === "number" ? { defaultExpiresIn: from.defaultExpiresIn } : {}),
  };
}

/** Fields that only mean something on some scheme types are errors elsewhere: they would be ignored. */
function checkPlacement(type: unknown, httpScheme: string, raw: unknown, report: SchemeReport): void {
  if (!isObject(raw)) return;
  const oauth = type === "oauth2" || type === "openIdConnect";
  for (const field of TOKEN_ENDPOINT_FIELDS) {
    if (field in raw && !oauth) report(`/${EXTENSION}/${field}`, `${field} applies to oauth2 and openIdConnect schemes only`, "error");
  }
  if ("tokenFrom" in raw && !(type === "http" && httpScheme === "bearer")) {
    report(`/${EXTENSION}/tokenFrom`, `tokenFrom applies to http bearer schemes only`, "error");
  }
}
