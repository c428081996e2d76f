/**
 * Which optional runtime pieces a client imports (src/runtime/parts.ts): the scheme
 * implementations, parameter serializers and body encoders its document uses, and
 * nothing else, so that a bundler drops the rest and the generator copies only the
 * runtime modules they reach (runtime-files.ts).
 */
import type { ApiModel, ParameterModel, SecuritySchemeModel } from "../model/types.js";
import { trusted, type Code } from "./code.js";

export interface RuntimePartsView {
  /** One `import { … } from "./runtime/….js";` per module, ordered by path. */
  imports: Code[];
  /** The `parts` argument of `createClientRuntime`. */
  value: Code;
}

/** A runtime export, the module it comes from, and the `RuntimeParts` key it fills. */
interface Part {
  readonly module: string;
  readonly name: string;
  readonly key: string;
}

const SCHEME_PARTS = {
  apiKey: { module: "static-auth", name: "apiKeyAuth", key: "apiKey" },
  basic: { module: "static-auth", name: "basicAuth", key: "basic" },
  bearer: { module: "static-auth", name: "bearerAuth", key: "bearer" },
  http: { module: "static-auth", name: "httpAuth", key: "http" },
  tokenFrom: { module: "token-from", name: "createTokenFromAuth", key: "tokenFrom" },
  oauth2: { module: "oauth/index", name: "oauth2Auth", key: "oauth2" },
} as const satisfies Record<string, Part>;

const PARAMETER_PARTS = {
  path: { module: "serialize", name: "expandSimplePath", key: "path" },
  query: { module: "serialize", name: "serializeFormQuery", key: "query" },
  header: { module: "serialize", name: "serializeHeaders", key: "headers" },
  cookie: { module: "serialize", name: "serializeCookies", key: "cookies" },
} as const satisfies Record<string, Part>;

/** The serializers for every style, where a path parameter is label or matrix, or a query parameter not form. */
const STYLED_PARTS = {
  path: { module: "serialize", name: "expandPath", key: "path" },
  query: { module: "serialize", name: "serializeQuery", key: "query" },
} as const satisfies Record<string, Part>;

/** Whether a parameter needs the serializer for every style (serialize.ts `expandSimplePath`, `serializeFormQuery`). */
function needsStyled(parameter: ParameterModel): boolean {
  if (parameter.in === "path") return parameter.style === "label" || parameter.style === "matrix";
  return parameter.in === "query" && parameter.style !== "form";
}

const BODY_PARTS = {
  json: { module: "body", name: "jsonBody", key: "json" },
  form: { module: "body", name: "formBody", key: "form" },
  multipart: { module: "body", name: "multipartBody", key: "multipart" },
  text: { module: "body", name: "textBody", key: "text" },
  binary: { module: "body", name: "binaryBody", key: "binary" },
} as const satisfies Record<string, Part>;

function schemeParts(scheme: SecuritySchemeModel): Part[] {
  switch (scheme.type) {
    case "apiKey":
      return [SCHEME_PARTS.apiKey];
    case "oauth2":
    case "openIdConnect":
      return [SCHEME_PARTS.oauth2];
    case "http": {
      // Mirrors createClientRuntime: basic and bearer by name (case-insensitive, RFC 9110
      // §11.1), any other scheme sent as given. A tokenFrom scheme also takes a token given
      // by the user, as a plain bearer scheme.
      const kind = scheme.scheme.toLowerCase();
      const own = kind === "basic" ? SCHEME_PARTS.basic : kind === "bearer" ? SCHEME_PARTS.bearer : SCHEME_PARTS.http;
      return scheme.tokenFrom ? [own, SCHEME_PARTS.tokenFrom] : [own];
    }
  }
}

function group(parts: readonly Part[]): Code {
  const unique = [...new Map(parts.map((part) => [part.key, part])).values()];
  return trusted(`{ ${unique.map((part) => `${part.key}: ${part.name}`).join(", ")} }`);
}

export function runtimePartsView(model: ApiModel): RuntimePartsView {
  const auth = model.securitySchemes.flatMap(schemeParts);
  const parameters = (Object.keys(PARAMETER_PARTS) as (keyof typeof PARAMETER_PARTS)[]).flatMap((location) => {
    const used = model.operations.flatMap((op) => op.parameters.filter((p) => p.in === location));
    if (used.length === 0) return [];
    const styled = (location === "path" || location === "query") && used.some(needsStyled);
    return [styled ? STYLED_PARTS[location] : PARAMETER_PARTS[location]];
  });
  const bodies = (Object.keys(BODY_PARTS) as (keyof typeof BODY_PARTS)[])
    .filter((encoding) => model.operations.some((op) => op.requestBody?.encoding === encoding))
    .map((encoding) => BODY_PARTS[encoding]);

  const fields: string[] = [];
  if (auth.length > 0) fields.push(`auth: ${group(auth).text}`);
  if (parameters.length > 0) fields.push(`parameters: ${group(parameters).text}`);
  if (bodies.length > 0) fields.push(`bodies: ${group(bodies).text}`);

  const byModule = new Map<string, Set<string>>();
  for (const part of [...auth, ...parameters, ...bodies]) {
    byModule.set(part.module, (byModule.get(part.module) ?? new Set()).add(part.name));
  }
  const imports = [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([module, names]) => trusted(`import { ${[...names].sort().join(", ")} } from "./runtime/${module}.js";`));
  return { imports, value: trusted(fields.length > 0 ? `{ ${fields.join(", ")} }` : "{}") };
}
