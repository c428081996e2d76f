/**
 * Which optional runtime pieces a client imports (src/runtime/parts.ts): the scheme
 * implementations, parameter serializers and body encoders its document uses, and
 * nothing else, so that a bundler drops the rest and the generator copies only the
 * runtime modules they reach (runtime-files.ts).
 */
import type { ApiModel, ParameterModel, SecuritySchemeModel } from "../model/types.js";
import { trusted, type Code } from "./code.js";
import { group, ifBreak, indent, joinDocs, line, print, type Doc } from "./layout.js";

export interface RuntimePartsView {
  /** One `import { … } from "./runtime/….js";` per module, ordered by path. */
  imports: Code[];
  /** The `parts` argument of `createClientRuntime`, one entry per kind of part (none when empty). */
  entries: Doc[];
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

/** Query and cookie credentials, and cookie parameters (placement.ts): a plain `key: name` entry. */
const PLACEMENT_PART = { module: "placement", name: "placeOutsideHeaders", key: "placement" } as const satisfies Part;

/** Server URL templates with variables (servers.ts): a plain `key: name` entry. */
const SERVERS_PART = { module: "servers", name: "serverUrl", key: "servers" } as const satisfies Part;

/** Whether a request can carry anything beyond header fields: a query or cookie credential, or a cookie parameter. */
function needsPlacement(model: ApiModel): boolean {
  return (
    model.securitySchemes.some((scheme) => scheme.type === "apiKey" && scheme.in !== "header") ||
    model.operations.some((op) => op.parameters.some((parameter) => parameter.in === "cookie"))
  );
}

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

/** `{ key: name, ... }`, laid out as Prettier lays out an object literal. */
export function objectDoc(entries: readonly Doc[], shouldBreak = false): Doc {
  if (entries.length === 0) return trusted("{}");
  return group([trusted("{"), indent([line, joinDocs([trusted(","), line], entries)]), ifBreak(trusted(",")), line, trusted("}")], shouldBreak);
}

function entry(key: string, parts: readonly Part[]): Doc {
  const unique = [...new Map(parts.map((part) => [part.key, part])).values()];
  return [trusted(`${key}: `), objectDoc(unique.map((part) => trusted(`${part.key}: ${part.name}`)))];
}

/** `import { a, b } from "./runtime/m.js";`, broken one name per line when it is too long. */
function importStatement(names: readonly string[], module: string): Code {
  const specifiers = joinDocs([trusted(","), line], names.map(trusted));
  return print(group([trusted("import {"), indent([line, specifiers]), ifBreak(trusted(",")), line, trusted(`} from "./runtime/${module}.js";`)]));
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

  const entries: Doc[] = [];
  if (auth.length > 0) entries.push(entry("auth", auth));
  if (parameters.length > 0) entries.push(entry("parameters", parameters));
  if (bodies.length > 0) entries.push(entry("bodies", bodies));
  const placement = needsPlacement(model) ? [PLACEMENT_PART] : [];
  const servers = model.servers.some((server) => server.variables.length > 0) ? [SERVERS_PART] : [];
  for (const part of [...placement, ...servers]) entries.push(trusted(`${part.key}: ${part.name}`));

  const byModule = new Map<string, Set<string>>();
  for (const part of [...auth, ...parameters, ...bodies, ...placement, ...servers]) {
    byModule.set(part.module, (byModule.get(part.module) ?? new Set()).add(part.name));
  }
  const imports = [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([module, names]) => importStatement([...names].sort(), module));
  return { imports, entries };
}
