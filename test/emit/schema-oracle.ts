/**
 * The oracle for src/emit/schema-types.ts (tests only): `schema.ts` written the way it was
 * before, by openapi-typescript's whole pipeline (Redocly bundle, transform, TypeScript printer),
 * with the same two fix-ups, then Prettier.
 */
import { formatTypeScript } from "../support/prettier.js";
import ts from "typescript";
import openapiTS, { astToString, stringToAST } from "openapi-typescript";
import type { OpenApiDocument } from "../../src/load/types.js";

/**
 * openapi-typescript marks the properties an `allOf` makes required in a referenced schema
 * with `WithRequired<T, K extends keyof T>`; when that schema is nullable, T is `X | null`,
 * whose keys are `never`, and the output does not compile (TS2344, plaid.com's `Cause`).
 * Keys are taken from `NonNullable<T>` instead; the intersection drops `null` itself, which
 * is right, as the `allOf`'s object part never matches null.
 */
const WITH_REQUIRED = "type WithRequired<T, K extends keyof NonNullable<T>> = T & { [P in K]-?: NonNullable<T>[P] };";

function isWithRequired(node: ts.Node): boolean {
  return ts.isTypeAliasDeclaration(node) && node.name.text === "WithRequired";
}

/**
 * openapi-typescript gives a schema that extends a discriminator base the discriminator
 * property (`class: "Name"`) and then its own declaration of it too (`class?: "Name"`):
 * TS2300 duplicate identifier (apple.com/sirikit-cloud-media). The first, injected one is
 * kept: it is the narrower.
 */
function withoutDuplicateMembers(nodes: readonly ts.Node[]): ts.Node[] {
  const nameOf = (member: ts.TypeElement): string | undefined =>
    member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isNumericLiteral(member.name)) ? member.name.text : undefined;
  const result = ts.transform([...nodes], [
    (context) => {
      const visit = (node: ts.Node): ts.Node => {
        const visited = ts.visitEachChild(node, visit, context);
        if (!ts.isTypeLiteralNode(visited)) return visited;
        const seen = new Set<string>();
        const members = visited.members.filter((member) => {
          const name = ts.isPropertySignature(member) ? nameOf(member) : undefined;
          if (name === undefined) return true;
          if (seen.has(name)) return false;
          seen.add(name);
          return true;
        });
        return members.length === visited.members.length ? visited : ts.factory.updateTypeLiteralNode(visited, ts.factory.createNodeArray(members));
      };
      return (root) => visit(root);
    },
  ]);
  return result.transformed;
}

export async function oracleSchemaTypes(document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], {
    // A default describes what the server assumes when a value is absent, not that the
    // server always sends it: keep such properties optional in response types.
    defaultNonNullable: false,
    silent: true,
  });
  const nodes = withoutDuplicateMembers(ast.map((node) => (isWithRequired(node) ? (stringToAST(WITH_REQUIRED)[0] as ts.Node) : node)));
  return astToString(nodes as ts.Node[]);
}

/** `schema.ts` as it was written before src/emit/schema-types.ts: openapi-typescript, the fix-ups, Prettier. */
export async function oracleSchemaFile(document: OpenApiDocument): Promise<string> {
  return formatTypeScript(await oracleSchemaTypes(document));
}
