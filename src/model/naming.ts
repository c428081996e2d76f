/**
 * Method names for operations (PRODUCT.md: "Methods are named by operationId as written
 * when it is a valid identifier, else camelCased; without one, method + path").
 */

/**
 * ECMA-262 §12.7 IdentifierName: ID_Start (or `$`, `_`), then ID_Continue (or `$`, ZWNJ, ZWJ).
 * Not "letters and digits": `²` and `½` are digits (\p{N}) but cannot appear in a name.
 */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * Member names an operation may not take: `auth` is the client's own, and `__proto__` in an
 * object literal (`{ __proto__: … }`, as `operations` and `createClient` write members) sets
 * the prototype instead of a property (ECMA-262 §B.3.1).
 */
const RESERVED_MEMBERS = new Set(["auth", "__proto__"]);

/**
 * The generated index.ts's and types.ts's own top-level names (their declarations and their
 * imports): an operation's `…Operation`, `…Args` and `…Result` types, which types.ts declares
 * and index.ts re-exports, must not take one (operationId `credentials` would declare
 * `CredentialsResult`, which types.ts imports).
 * test/emit/identifiers.test.ts proves the list complete against the committed clients.
 */
export const TOP_LEVEL_TYPE_NAMES: ReadonlySet<string> = new Set([
  "createClient",
  "createClientRuntime",
  // The runtime parts a client imports (emit/runtime-parts.ts).
  "apiKeyAuth",
  "basicAuth",
  "bearerAuth",
  "httpAuth",
  "createTokenFromAuth",
  "oauth2Auth",
  "expandPath",
  "expandSimplePath",
  "serializeQuery",
  "serializeFormQuery",
  "serializeHeaders",
  "serializeCookies",
  "jsonBody",
  "formBody",
  "multipartBody",
  "textBody",
  "binaryBody",
  "placeOutsideHeaders",
  "serverUrl",
  "operations",
  "securitySchemes",
  "servers",
  "ApiKeyCredential",
  "AuthOptions",
  "BasicCredential",
  "BearerCredential",
  "CallOptions",
  "Client",
  "ClientOptions",
  "CredentialsForOptions",
  "CredentialsResult",
  "ErrorOf",
  "HttpError",
  "OAuth2Controls",
  "OAuth2Credential",
  "OperationSpec",
  "Options",
  "Result",
  "SchemeSpec",
  "SchemeTokenErrors",
  "ServerOptions",
  "ServerSpec",
  "ServerVariables",
  "Success",
  "components",
  "paths",
]);

/** The type names an operation's method name gives (emit/operation-types.ts `typeNames`). */
export function operationTypeNames(name: string): { operation: string; args: string; result: string } {
  const base = pascalCase(name);
  return { operation: `${base}Operation`, args: `${base}Args`, result: `${base}Result` };
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * Splits on everything that cannot continue a name, and on underscores:
 * "get-user.by id" → ["get", "user", "by", "id"], "get_user²" → ["get", "user"].
 */
function words(text: string): string[] {
  return text.split(/[^\p{ID_Continue}]+|_+/u).filter((w) => w.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function camelCase(text: string): string {
  const [first = "", ...rest] = words(text);
  const joined = first.charAt(0).toLowerCase() + first.slice(1) + rest.map(capitalize).join("");
  // An identifier cannot start with a digit.
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}

export function pascalCase(text: string): string {
  const name = camelCase(text);
  return name.startsWith("_") ? name : capitalize(name);
}

/** `GET /users/{id}/posts` → `getUsersByIdPosts`. */
export function nameFromMethodAndPath(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter((s) => s.length > 0)
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      return parameter ? `By ${parameter[1]}` : segment;
    });
  return camelCase([method.toLowerCase(), ...segments].join(" "));
}

export function methodName(operationId: string | undefined, method: string, path: string): string {
  if (operationId !== undefined) {
    if (isIdentifier(operationId)) return operationId;
    const converted = camelCase(operationId);
    if (converted.length > 0) return converted;
  }
  return nameFromMethodAndPath(method, path) || method.toLowerCase();
}

/**
 * Gives every name a unique spelling, in document order: the first keeps its name, later
 * ones get "2", "3", ... Uniqueness is judged on the derived type name, case-insensitively
 * (`getUser`, `GetUser` and `get_user` would all share `GetUserArgs`).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const key = (name: string): string => pascalCase(name).toLowerCase();
  const taken = new Set<string>();
  const unusable = (name: string): boolean =>
    taken.has(key(name)) || RESERVED_MEMBERS.has(name) || Object.values(operationTypeNames(name)).some((t) => TOP_LEVEL_TYPE_NAMES.has(t));
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; unusable(candidate); n++) candidate = `${name}${n}`;
    taken.add(key(candidate));
    return candidate;
  });
}
