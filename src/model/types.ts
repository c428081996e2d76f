/**
 * The intermediate representation between the document and the emitted code: plain data,
 * every OpenAPI default resolved, no strings of code. Emitters read only this.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { OpenApiDocument } from "../load/types.js";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export interface ApiModel {
  title: string;
  /** Response header read into `requestId` (root `x-gen-auth-client.requestIdHeader`). */
  requestIdHeader?: string;
  version: string;
  description?: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  operations: OperationModel[];
  /**
   * The document as the schema emitter (src/emit/schema) reads it for `schema.ts` (schema-document.ts): the
   * loaded document, with the constructs it would mistype rewritten to equivalent ones.
   */
  schemaDocument: OpenApiDocument;
  warnings: Diagnostic[];
}

export interface ServerModel {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
}

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated: boolean;
  style: "simple" | "label" | "matrix" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  explode: boolean;
  allowReserved: boolean;
  /** Carried as JSON text (`content: application/json` instead of `schema`). */
  json: boolean;
}

export type BodyEncoding = "json" | "form" | "multipart" | "text" | "binary";

export interface RequestBodyModel {
  required: boolean;
  description?: string;
  /** The media type the client sends: the first of the declared ones it can encode, JSON preferred. */
  mediaType: string;
  encoding: BodyEncoding;
}

export type ResponseBodyKind = "json" | "text" | "binary" | "empty";

export interface ResponseModel {
  /** "200", "4XX" or "default" as declared (OpenAPI 3 §4.8.16: ranges use an upper-case X). */
  status: string;
  /** True for 2xx codes and "2XX": these become `ok: true` results. */
  success: boolean;
  description?: string;
  /** The media type whose schema types the body; absent when the response declares no content. */
  mediaType?: string;
  bodyKind: ResponseBodyKind;
}

/** One alternative of a security requirement: every listed scheme is needed (AND). */
export type SecurityAlternative = { scheme: string; scopes: string[] }[];

export interface OperationModel {
  /** The generated method name: a valid, unique identifier. */
  name: string;
  operationId?: string;
  method: HttpMethod;
  path: string;
  /** JSON pointer of the operation object, for diagnostics. */
  pointer: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /**
   * Alternatives (OR) of scheme sets (AND), OpenAPI 3 §4.8.10: `[]` is anonymous, an
   * empty alternative makes authentication optional. Already resolved against the root.
   */
  security: SecurityAlternative[];
}

export interface OAuthFlowModel {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: { name: string; description: string }[];
}

export interface TokenEndpointQuirksModel {
  tokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
  tokenRequestEncoding?: "form" | "json";
  sendGrantType?: boolean;
  tokenResponsePath?: string[];
  defaultExpiresIn?: number;
  /** Read endpoints from this issuer's RFC 8414 / OpenID Connect metadata. */
  issuer?: string;
  /** RFC 7009 revocation endpoint, where no metadata names one. */
  revocationUrl?: string;
}

/**
 * A bearer scheme whose tokens come from an operation of the same document
 * (`x-gen-auth-client.tokenFrom`): the client calls that operation with its own security.
 */
export interface TokenFromModel {
  operationId: string;
  /** The generated method name of the token operation. */
  operation: string;
  /** JSON value sent as the operation's body. */
  body?: unknown;
  /** JSON pointers into the operation's 2xx body. */
  accessToken: string;
  expiresIn: string;
  tokenType: string;
  defaultExpiresIn?: number;
}

export type SecuritySchemeModel = { name: string; description?: string } & (
  | { type: "apiKey"; in: "header" | "query" | "cookie"; parameterName: string }
  | { type: "http"; scheme: string; bearerFormat?: string; tokenFrom?: TokenFromModel }
  | {
      type: "oauth2";
      flows: {
        clientCredentials?: OAuthFlowModel;
        authorizationCode?: OAuthFlowModel;
        password?: OAuthFlowModel;
        implicit?: OAuthFlowModel;
      };
      quirks: TokenEndpointQuirksModel;
    }
  | { type: "openIdConnect"; openIdConnectUrl: string; quirks: TokenEndpointQuirksModel }
);
