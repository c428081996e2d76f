/**
 * Security Scheme Object, OpenAPI 3.1 §4.8.27, plus the `x-gen-auth-client` extension that
 * declares where a vendor departs from the standards (docs/extension.md).
 */
import type { OAuthFlowModel, SecuritySchemeModel, TokenEndpointQuirksModel } from "./types.js";
import { deref, isObject, optionalString, type Json } from "./ref.js";

export const EXTENSION = "x-gen-auth-client";

export type SchemeReport = (pointerSuffix: string, message: string, severity?: "error" | "warning") => void;

export function securitySchemeModel(document: Json, name: string, raw: unknown, report: SchemeReport): SecuritySchemeModel | undefined {
  const scheme = deref(document, raw);
  if (!scheme) return undefined;
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
      return { ...base, type: "http", scheme: httpScheme, ...(bearerFormat === undefined ? {} : { bearerFormat }) };
    }
    case "oauth2":
      return { ...base, type: "oauth2", flows: oauthFlows(scheme.flows, report), quirks: quirks(scheme[EXTENSION], report) };
    case "openIdConnect": {
      const url = optionalString(scheme.openIdConnectUrl);
      if (url === undefined) {
        report("/openIdConnectUrl", `openIdConnect scheme needs "openIdConnectUrl"`, "error");
        return undefined;
      }
      return { ...base, type: "openIdConnect", openIdConnectUrl: url, quirks: quirks(scheme[EXTENSION], report) };
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

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"] as const;

function quirks(raw: unknown, report: SchemeReport): TokenEndpointQuirksModel {
  const result: TokenEndpointQuirksModel = {};
  if (raw === undefined) return result;
  if (!isObject(raw)) {
    report(`/${EXTENSION}`, `${EXTENSION} must be an object`, "error");
    return result;
  }
  const method = raw.tokenEndpointAuthMethod;
  if (method !== undefined) {
    const known = AUTH_METHODS.find((m) => m === method);
    if (known) result.tokenEndpointAuthMethod = known;
    else report(`/${EXTENSION}/tokenEndpointAuthMethod`, `must be one of ${AUTH_METHODS.join(", ")}`, "error");
  }
  if (raw.tokenRequestEncoding !== undefined) {
    if (raw.tokenRequestEncoding === "form" || raw.tokenRequestEncoding === "json") result.tokenRequestEncoding = raw.tokenRequestEncoding;
    else report(`/${EXTENSION}/tokenRequestEncoding`, `must be "form" or "json"`, "error");
  }
  if (raw.sendGrantType !== undefined) {
    if (typeof raw.sendGrantType === "boolean") result.sendGrantType = raw.sendGrantType;
    else report(`/${EXTENSION}/sendGrantType`, `must be a boolean`, "error");
  }
  if (raw.tokenResponsePath !== undefined) {
    if (Array.isArray(raw.tokenResponsePath) && raw.tokenResponsePath.every((s) => typeof s === "string")) result.tokenResponsePath = raw.tokenResponsePath;
    else report(`/${EXTENSION}/tokenResponsePath`, `must be an array of property names`, "error");
  }
  if (raw.defaultExpiresIn !== undefined) {
    if (typeof raw.defaultExpiresIn === "number" && raw.defaultExpiresIn > 0) result.defaultExpiresIn = raw.defaultExpiresIn;
    else report(`/${EXTENSION}/defaultExpiresIn`, `must be a positive number of seconds`, "error");
  }
  return result;
}
