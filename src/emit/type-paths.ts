/**
 * The proof that types.ts can be left unchecked by users' builds (`// @ts-nocheck`): every
 * `paths[path][method]` alias and every indexed access of an operation's `…Args` and `…Result`
 * names a member that schema.ts declares, found by walking the type tree schema.ts is printed
 * from. Under the pragma, an access that names no member would not be reported: the checker
 * would quietly type it `any` (TS2339 suppressed). Without this, only our tests' documents
 * would be proved; with it, every document a user generates from is.
 *
 * The walk follows what TypeScript's indexed access types do with the shapes schema.ts
 * writes: an object type's property (TS handbook, Indexed Access Types), a reference to one
 * of its interfaces or `components[…][…]` (the `$ref`s), a member of any part of an
 * intersection; reading into an optional member needs `NonNullable<…>` around it, as
 * `strict` requires (`T | undefined` has no members).
 */
import type { OperationTypePaths } from "./operation-types.js";
import type { Member, Statement, TypeNode } from "./schema/nodes.js";

/** A resolved member: its type, and whether it was declared optional (`?:`). */
interface Found {
  readonly type: TypeNode;
  readonly optional: boolean;
}

/** `$ref`s chain through `components[…][…]`; a document may chain them, but not this deep unless it loops. */
const MAX_REFERENCE_HOPS = 64;

/**
 * Throws naming the first operation whose declared types index a member that schema.ts does
 * not declare: a generator bug (both files come from one model), reported as an internal error.
 */
export function proveTypePaths(statements: readonly Statement[], operations: readonly OperationTypePaths[]): void {
  const roots = new Map<string, TypeNode>();
  for (const statement of statements) {
    if (statement.kind === "interface") roots.set(statement.name, { kind: "object", members: statement.members });
  }
  for (const { operation: name, root, accesses } of operations) {
    if (accesses.length === 0) continue;
    const [path, method] = root;
    const operation = walk(roots, { type: { kind: "reference", name: "paths" }, optional: false }, [path, method], 0, "paths");
    if (typeof operation === "string") throw unproved(name, operation);
    // An absent method is declared `get?: never`: the alias would be `undefined`.
    if (operation.optional) throw unproved(name, `paths[${JSON.stringify(path)}][${JSON.stringify(method)}] is optional`);
    for (const access of accesses) {
      const found = walk(roots, operation, access.keys, access.nonNullable, `${name}Operation`);
      if (typeof found === "string") throw unproved(name, found);
    }
  }
}

function unproved(operation: string, problem: string): Error {
  return new Error(`internal error: the types of ${operation} index what schema.ts does not declare (${problem}); please report it`);
}

/** The member `keys` lead to from `start`, or what stops them (a message). */
function walk(roots: ReadonlyMap<string, TypeNode>, start: Found, keys: readonly (string | number)[], nonNullable: number, written: string): Found | string {
  let current = start;
  for (const [i, key] of keys.entries()) {
    // `nonNullable` n: `NonNullable<Op[k1]…[kn]>[k(n+1)]…`, so key n + 1 may read an optional member.
    if (current.optional && !(nonNullable > 0 && i === nonNullable)) return `${written} is optional and read without NonNullable<…>`;
    const next = member(roots, current.type, String(key));
    written += `[${JSON.stringify(key)}]`;
    if (next === undefined) return `${written} is not declared in schema.ts`;
    current = next;
  }
  return current;
}

function member(roots: ReadonlyMap<string, TypeNode>, type: TypeNode, key: string): Found | undefined {
  const target = dereference(roots, type);
  if (target === undefined) return undefined;
  if (target.kind === "intersection") {
    for (const part of target.types) {
      const found = member(roots, part, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target.kind !== "object") return undefined;
  const property = target.members.find((m: Member) => m.kind === "property" && m.key.text === key);
  return property?.kind === "property" ? { type: property.type, optional: property.optional } : undefined;
}

/** What a type reference to one of schema.ts's interfaces, or an indexed access into one, stands for. */
function dereference(roots: ReadonlyMap<string, TypeNode>, type: TypeNode): TypeNode | undefined {
  let current: TypeNode | undefined = type;
  for (let hops = 0; current !== undefined && hops < MAX_REFERENCE_HOPS; hops++) {
    if (current.kind === "reference") {
      if (current.args !== undefined) return undefined;
      current = roots.get(current.name);
    } else if (current.kind === "indexed") {
      const index: TypeNode = current.index;
      if (index.kind !== "string" && index.kind !== "number") return undefined;
      current = member(roots, current.object, index.kind === "string" ? index.value : index.text)?.type;
    } else {
      return current;
    }
  }
  return undefined;
}
