/**
 * Method names for operations (PRODUCT.md: "Methods are named by operationId as written
 * when it is a valid identifier, else camelCased; without one, method + path").
 */

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Names the generated client itself uses; an operation may not take them. */
const RESERVED_MEMBERS = new Set(["auth"]);

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Splits on everything that is not a letter or digit: "get-user.by id" → ["get", "user", "by", "id"]. */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
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
  const taken = new Set([...RESERVED_MEMBERS].map(key));
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(key(candidate)); n++) candidate = `${name}${n}`;
    taken.add(key(candidate));
    return candidate;
  });
}
