/**
 * Type expressions for one operation's arguments and result, as indexed accesses into
 * openapi-typescript's `paths` type so that both stay one source of truth, laid out in
 * their final (Prettier) form.
 */
import type { OperationModel, ResponseModel } from "../model/types.js";
import { trusted, type Code } from "./code.js";
import { identifier, indexedAccess, jsdoc, jsdocCode, stringLiteral } from "./encode.js";
import { fluid, hardline, lines, print, type Doc } from "./layout.js";
import { memberLines, typeReference, unionType } from "./type-docs.js";
import { operationTypeNames } from "../model/naming.js";

/** `paths["/oauth/token"]["post"]`. */
export function operationTypeExpression(operation: OperationModel): Code {
  return trusted(`paths${indexedAccess(operation.path).text}${indexedAccess(operation.method.toLowerCase()).text}`);
}

/** The `…Result` type of the operation whose generated method is `name` (a token operation's, say). */
export function resultTypeName(name: string): Code {
  return identifier(operationTypeNames(name).result);
}

export function typeNames(operation: OperationModel): { operation: Code; args: Code; result: Code } {
  const names = operationTypeNames(operation.name);
  return { operation: identifier(names.operation), args: identifier(names.args), result: identifier(names.result) };
}

/** `type ReposGetOperation = paths["/repos/{owner}/{repo}"]["get"];` */
export function operationTypeDeclaration(operation: OperationModel, name: Code): Code {
  return print([trusted("type "), name, trusted(" ="), fluid(operationTypeExpression(operation)), trusted(";")]);
}

const ARG_GROUPS = [
  { location: "path", member: "path", doc: "Path parameters." },
  { location: "query", member: "query", doc: "Query parameters." },
  { location: "header", member: "headers", doc: "Header parameters." },
  { location: "cookie", member: "cookies", doc: "Cookie parameters." },
] as const;

const NON_NULLABLE = trusted("NonNullable");

/**
 * One indexed access into an operation's type (`…Operation["responses"][200]["content"][…]`),
 * as data: the keys below `paths[path][method]`, and how many leading ones `NonNullable<…>`
 * encloses (an optional member, such as a body that is not required). The declarations are
 * written from these, and `generate()` proves each one resolves in schema.ts (type-paths.ts).
 */
export interface MemberAccess {
  readonly keys: readonly (string | number)[];
  readonly nonNullable: number;
}

/** An operation's `…Operation` alias (`paths[path][method]`), and every access its `…Args` and `…Result` make into it. */
export interface OperationTypePaths {
  /** The method's name, for messages. */
  readonly operation: string;
  readonly root: readonly [path: string, method: string];
  readonly accesses: readonly MemberAccess[];
}

function keysText(keys: readonly (string | number)[]): string {
  return keys.map((key) => indexedAccess(key).text).join("");
}

/** `Op["a"]["b"]`, or `NonNullable<Op["a"]>["b"]` where the access says so. */
function accessDoc(operationType: Code, access: MemberAccess): Doc {
  if (access.nonNullable === 0) return trusted(`${operationType.text}${keysText(access.keys)}`);
  const enclosed = typeReference(NON_NULLABLE, [trusted(`${operationType.text}${keysText(access.keys.slice(0, access.nonNullable))}`)]);
  const rest = access.keys.slice(access.nonNullable);
  return rest.length === 0 ? enclosed : [enclosed, trusted(keysText(rest))];
}


/** The members of the `...Args` interface beyond `CallOptions`, each with its JSDoc; `accesses` collects what they index. */
function argMembers(operation: OperationModel, operationType: Code, accesses: MemberAccess[]): Code[] {
  const members: Code[] = [];
  for (const group of ARG_GROUPS) {
    const parameters = operation.parameters.filter((p) => p.in === group.location);
    if (parameters.length === 0) continue;
    const required = parameters.some((p) => p.required);
    const access: MemberAccess = { keys: ["parameters", group.location], nonNullable: required ? 0 : 2 };
    accesses.push(access);
    members.push(memberLines(jsdoc([group.doc]), [trusted(`${group.member}${required ? "" : "?"}: `), accessDoc(operationType, access), trusted(";")]));
  }
  const body = operation.requestBody;
  if (body) {
    const access: MemberAccess = { keys: ["requestBody", "content", body.mediaType], nonNullable: body.required ? 0 : 1 };
    accesses.push(access);
    members.push(
      memberLines(jsdoc([body.description, `Sent as ${jsdocCode(body.mediaType)}.`]), [
        trusted(`body${body.required ? "" : "?"}: `),
        accessDoc(operationType, access),
        trusted(";"),
      ]),
    );
  }
  return members;
}

const CALL_OPTIONS = trusted("CallOptions");

/**
 * `export interface XArgs extends CallOptions { path: ...; }`, or `export type XArgs =
 * CallOptions;` for an operation that takes nothing else. `signal` comes from `CallOptions`
 * rather than being written into each of a large API's thousand interfaces: every line
 * here is parsed and checked in the user's build.
 */
export function argsDeclaration(operation: OperationModel, name: Code, operationType: Code, accesses: MemberAccess[]): Code {
  const doc = jsdoc([`Arguments of ${jsdocCode(operation.name)}.`]);
  const members = argMembers(operation, operationType, accesses);
  if (members.length === 0) return print([lines(doc), hardline, trusted("export type "), name, trusted(" = "), CALL_OPTIONS, trusted(";")]);
  // Prettier keeps a single heritage clause on the declaration's line, however long.
  const heading = print([lines(doc), hardline, trusted("export interface "), name, trusted(" extends "), CALL_OPTIONS, trusted(" {")]);
  return trusted(`${heading.text}\n${members.map((m) => m.text).join("\n")}\n}`);
}

export function argsRequired(operation: OperationModel): boolean {
  return operation.parameters.some((p) => p.required) || operation.requestBody?.required === true;
}

/** The declared key as a type: `200`, `"4XX"` or `"default"`. */
function statusType(status: string): Code {
  return /^\d+$/.test(status) ? trusted(status) : stringLiteral(status);
}

function bodyType(operationType: Code, response: ResponseModel, accesses: MemberAccess[]): Doc {
  switch (response.bodyKind) {
    case "empty":
      return trusted("undefined");
    case "text":
      return trusted("string");
    case "binary":
      return trusted("ArrayBuffer");
    case "json": {
      const key = /^\d+$/.test(response.status) ? Number(response.status) : response.status;
      const access: MemberAccess = { keys: ["responses", key, "content", response.mediaType ?? ""], nonNullable: 0 };
      accesses.push(access);
      return accessDoc(operationType, access);
    }
  }
}

/**
 * `export type XResult = Result<Success<200, ...>, HttpError<400, ...> | HttpError<404, undefined>>;`,
 * with a third argument, `ErrorOf<TokenResult>`, where a call can use a bearer scheme whose
 * tokens come from another operation (`tokenFrom`): its failures carry that operation's typed error.
 */
export function resultDeclaration(
  operation: OperationModel,
  name: Code,
  operationType: Code,
  accesses: MemberAccess[],
  tokenOperations: readonly string[] = [],
): Code {
  const parts = (success: boolean, type: Code): Doc[] =>
    operation.responses.filter((r) => r.success === success).map((r) => typeReference(type, [statusType(r.status), bodyType(operationType, r, accesses)]));
  const union = (members: Doc[]): Doc => (members.length === 0 ? trusted("never") : unionType(members, false));
  const args = [union(parts(true, trusted("Success"))), union(parts(false, trusted("HttpError")))];
  if (tokenOperations.length > 0) {
    args.push(typeReference(trusted("ErrorOf"), [union(tokenOperations.map(resultTypeName))]));
  }
  const result = typeReference(trusted("Result"), args);
  return print([trusted("export type "), name, trusted(" ="), fluid(result), trusted(";")]);
}
