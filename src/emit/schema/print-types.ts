/**
 * Prints the declarations openapi-typescript builds (its `transformSchema`) in their final
 * form: the layout Prettier gives them (its TypeScript printer's rules for interfaces, type
 * literals, unions, intersections, type arguments and tuples, ported here for the node kinds
 * openapi-typescript creates), without printing them with TypeScript first and without
 * Prettier re-parsing 5 MB of text. A node kind outside that set is an internal error, not
 * silently mis-printed.
 */
import ts from "typescript";
import { align, block, concat, group, ifBreak, indent, join, line, print, softline, type Doc } from "./layout.js";
import { asciiStringLiteral, numberText, preferredQuotes } from "./literals.js";

/** Where a type sits, as far as Prettier's layout and parenthesization rules look. */
type Place =
  | "annotation" // a member's or alias's type
  | "union"
  | "intersection"
  | "array" // element type of T[]
  | "rest" // ...T
  | "indexObject" // T in T["k"]
  | "indexKey"
  | "typeArgument"
  | "tupleElement" // in a tuple of one element
  | "tupleElements"; // in a tuple of several

const KEYWORDS = new Set(["string", "number", "boolean", "unknown", "never", "undefined", "null", "any", "object", "symbol", "bigint", "void"]);

/**
 * The node Prettier sees when it parses what TypeScript printed: parentheses (which the
 * factory adds and Prettier decides anew) and a union or intersection of one type (printed
 * as that type) are not nodes there.
 */
function unwrap(node: ts.TypeNode): ts.TypeNode {
  for (;;) {
    if (ts.isParenthesizedTypeNode(node)) node = node.type;
    else if ((ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) && node.types.length === 1) node = node.types[0]!;
    else return node;
  }
}

const isTypeLiteral = (node: ts.TypeNode): boolean => ts.isTypeLiteralNode(unwrap(node));

/** Prettier's `TSTypeReference`: a named type that is not a keyword. */
function isReference(node: ts.TypeNode): boolean {
  const n = unwrap(node);
  return ts.isTypeReferenceNode(n) && !(ts.isIdentifier(n.typeName) && !n.typeArguments && KEYWORDS.has(n.typeName.text));
}

function isNullOrVoid(node: ts.TypeNode): boolean {
  const n = unwrap(node);
  if (n.kind === ts.SyntaxKind.VoidKeyword) return true;
  return ts.isLiteralTypeNode(n) && n.literal.kind === ts.SyntaxKind.NullKeyword;
}

/** Prettier's `shouldHugType` for a union: one object or reference, the rest `null`/`void`. */
function hugs(types: readonly ts.TypeNode[]): boolean {
  const main = types.find((t) => isTypeLiteral(t) || isReference(t));
  return main !== undefined && types.every((t) => t === main || isNullOrVoid(t));
}

/** Prettier's `isSimpleType`: keywords and references without type arguments. */
function isSimple(node: ts.TypeNode): boolean {
  const n = unwrap(node);
  if (ts.isTypeReferenceNode(n)) return !n.typeArguments;
  if (ts.isLiteralTypeNode(n)) return n.literal.kind === ts.SyntaxKind.NullKeyword;
  return n.kind >= ts.SyntaxKind.FirstKeyword && n.kind <= ts.SyntaxKind.LastKeyword;
}

function needsParens(place: Place): boolean {
  return place === "union" || place === "intersection" || place === "array" || place === "rest" || place === "indexObject";
}

/** Printing state: how deep TypeScript's printer would have indented (for raw comments). */
interface Context {
  depth: number;
}

function typeDoc(node: ts.TypeNode, place: Place, context: Context): Doc {
  node = unwrap(node);
  if (ts.isUnionTypeNode(node)) return unionDoc(node.types, place, context);
  if (ts.isIntersectionTypeNode(node)) {
    const doc = intersectionDoc(node.types, context);
    return needsParens(place) ? ["(", doc, ")"] : doc;
  }
  if (ts.isTypeLiteralNode(node)) return objectDoc(node.members, context);
  if (ts.isArrayTypeNode(node)) return concat([typeDoc(node.elementType, "array", context), "[]"]);
  if (ts.isTupleTypeNode(node)) return tupleDoc(node.elements, context);
  if (ts.isRestTypeNode(node)) return concat(["...", typeDoc(node.type, "rest", context)]);
  if (ts.isIndexedAccessTypeNode(node)) {
    return concat([typeDoc(node.objectType, "indexObject", context), "[", typeDoc(node.indexType, "indexKey", context), "]"]);
  }
  if (ts.isTypeReferenceNode(node)) return referenceDoc(node, context);
  if (ts.isLiteralTypeNode(node)) return literalDoc(node.literal);
  // openapi-typescript writes a string literal type as an identifier named by its JSON text.
  if (ts.isIdentifier(node as ts.Node)) return identifierTypeText((node as ts.Node as ts.Identifier).text);
  const keyword = ts.tokenToString(node.kind);
  if (keyword !== undefined && KEYWORDS.has(keyword)) return keyword;
  throw new Error(`internal error: schema.ts printer has no rule for ${ts.SyntaxKind[node.kind]}`);
}

function identifierTypeText(text: string): string {
  return text.startsWith('"') ? preferredQuotes(text) : text;
}

function literalDoc(literal: ts.LiteralTypeNode["literal"]): Doc {
  switch (literal.kind) {
    case ts.SyntaxKind.NullKeyword:
      return "null";
    case ts.SyntaxKind.TrueKeyword:
      return "true";
    case ts.SyntaxKind.FalseKeyword:
      return "false";
    case ts.SyntaxKind.NumericLiteral:
      return numberText(literal.text);
    case ts.SyntaxKind.StringLiteral:
      return preferredQuotes(asciiStringLiteral(literal.text));
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const { operator, operand } = literal as ts.PrefixUnaryExpression;
      if (operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(operand)) return "-" + numberText(operand.text);
    }
  }
  throw new Error(`internal error: schema.ts printer has no rule for the literal ${ts.SyntaxKind[literal.kind]}`);
}

/** Prettier's `printUnionType`. */
function unionDoc(types: readonly ts.TypeNode[], place: Place, context: Context): Doc {
  if (hugs(types)) {
    const doc = join(
      " | ",
      types.map((t) => typeDoc(t, "union", context)),
    );
    return concat(needsParens(place) ? ["(", ...doc, ")"] : doc);
  }
  const alternatives = group(types.map((t, i) => [i === 0 ? ifBreak("| ") : [line, "| "], align(2, typeDoc(t, "union", context))]));
  if (needsParens(place)) return ["(", group([indent([softline, alternatives]), softline]), ")"];
  if (place === "tupleElements") return group([indent([ifBreak(["(", softline]), alternatives]), softline, ifBreak(")")]);
  if (place === "typeArgument" || place === "tupleElement") return alternatives;
  return group(indent([softline, alternatives]));
}

/** Prettier's `printIntersectionType`: objects stay on the line of the `&` before them. */
function intersectionDoc(types: readonly ts.TypeNode[], context: Context): Doc {
  let indented = false;
  return group(
    types.map((t, i) => {
      const doc = typeDoc(t, "intersection", context);
      if (i === 0) return doc;
      const object = isTypeLiteral(t);
      const previousObject = isTypeLiteral(types[i - 1]!);
      if (object && previousObject) return [" & ", indented ? indent(doc) : doc];
      if (!object && !previousObject) return indent([" &", line, doc]);
      if (i > 1) indented = true;
      return [" & ", i > 1 ? indent(doc) : doc];
    }),
  );
}

function tupleDoc(elements: readonly ts.TypeNode[], context: Context): Doc {
  if (elements.length === 0) return "[]";
  const place: Place = elements.length > 1 ? "tupleElements" : "tupleElement";
  const items = join(
    [",", line],
    elements.map((e) => group(typeDoc(e, place, context))),
  );
  return group(["[", indent([softline, items, ifBreak(",")]), softline, "]"]);
}

/** Prettier's `printTypeParameters` for type arguments (which take no trailing comma). */
function referenceDoc(node: ts.TypeReferenceNode, context: Context): Doc {
  const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.getText();
  const args = node.typeArguments;
  if (!args || args.length === 0) return name;
  if (args.length === 1) {
    const only = unwrap(args[0]!);
    if (isSimple(only) || isTypeLiteral(only) || (ts.isUnionTypeNode(only) && hugs(only.types))) {
      return concat([name, "<", typeDoc(args[0]!, "typeArgument", context), ">"]);
    }
  }
  return [
    name,
    group([
      "<",
      indent([
        softline,
        join(
          [",", line],
          args.map((a) => typeDoc(a, "typeArgument", context)),
        ),
      ]),
      softline,
      ">",
    ]),
  ];
}

function keyText(name: ts.PropertyName): string {
  if (ts.isIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name)) return preferredQuotes(asciiStringLiteral(name.text));
  if (ts.isNumericLiteral(name)) return numberText(name.text);
  throw new Error(`internal error: schema.ts printer has no rule for the key ${ts.SyntaxKind[name.kind]}`);
}

function memberName(member: ts.TypeElement): string | undefined {
  const name = member.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) ? name.text : undefined;
}

/**
 * openapi-typescript gives a schema that extends a discriminator base the discriminator
 * property (`class: "Name"`) and then its own declaration of it too (`class?: "Name"`):
 * TS2300 duplicate identifier (apple.com/sirikit-cloud-media). The first, injected one is
 * kept: it is the narrower.
 */
function withoutDuplicates(members: readonly ts.TypeElement[]): ts.TypeElement[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const name = ts.isPropertySignature(member) ? memberName(member) : undefined;
    if (name === undefined) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** A member without its JSDoc and separator: a string when it cannot break. */
function memberDoc(member: ts.TypeElement, context: Context): Doc {
  if (!ts.isPropertySignature(member) && !ts.isIndexSignatureDeclaration(member)) {
    throw new Error(`internal error: schema.ts printer has no rule for the member ${ts.SyntaxKind[member.kind]}`);
  }
  const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ? "readonly " : "";
  if (ts.isPropertySignature(member)) {
    const parts = [readonly, keyText(member.name), member.questionToken ? "?" : "", ": ", typeDoc(member.type!, "annotation", context)];
    return typeof parts[4] === "string" ? parts.join("") : group(parts);
  }
  const parameters = member.parameters.map((p) => concat([(p.name as ts.Identifier).text, ": ", typeDoc(p.type!, "annotation", context)]));
  return group([readonly, "[", group([indent([softline, join([", ", softline], parameters)]), softline]), "]", ": ", typeDoc(member.type, "annotation", context)]);
}

/** The lines of a member, JSDoc first, each line but the first starting with `indent`. */
function memberText(member: ts.TypeElement, indent: string, context: Context): string {
  const inner: Context = { depth: context.depth + 1 };
  const comments = ts.getSyntheticLeadingComments(member) ?? [];
  const doc = memberDoc(member, inner);
  const code = typeof doc === "string" ? doc + ";" : print([doc, ";"], indent);
  if (comments.length === 0) return code;
  return [...comments.map((c) => commentText(c, indent, inner.depth)), code].join("\n" + indent);
}

/**
 * A JSDoc block as it comes out of TypeScript's printer (each line trimmed) and then Prettier:
 * a block whose every line starts with `*` is re-indented as ` * line`; any other block is
 * kept as TypeScript wrote it (its continuation lines indented four spaces per level).
 */
function commentText(comment: ts.SynthesizedComment, indent: string, depth: number): string {
  const full = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia ? `/*${comment.text}*/` : `//${comment.text}`;
  const sourceLines = full.split(/\r\n|[\r\n\u2028\u2029]/);
  const trimmed = sourceLines.map((l) => l.trim());
  const value = trimmed.join("\n").slice(2, -2);
  const lines = `*${value}*`.split("\n");
  if (lines.length > 1 && lines.every((l) => l.trimStart()[0] === "*")) {
    const valueLines = value.split("\n");
    const body = valueLines.map((l, i) => (i === 0 ? l.trimEnd() : " " + (i < valueLines.length - 1 ? l.trim() : l.trimStart())));
    // Prettier drops the spaces that end a line.
    return `/*${body.join("\n" + indent)}*/`.replace(/[ \t]+\n/g, "\n");
  }
  return sourceLines
    .map((l, i) => (i === 0 ? trimmed[0] : " ".repeat(depth * 4 + /^[ \t]*/.exec(l)![0].length) + trimmed[i]))
    .join("\n");
}

/** The members of an interface or type literal, one per line, at `indent`. */
function membersText(members: readonly ts.TypeElement[], indent: string, context: Context): string {
  return members.map((m) => "\n" + indent + memberText(m, indent, context)).join("");
}

/** Prettier's object layout for a type literal: always expanded, as TypeScript printed it. */
function objectDoc(members: readonly ts.TypeElement[], context: Context): Doc {
  const kept = withoutDuplicates(members);
  if (kept.length === 0) return "{}";
  return block("{", (indent) => `{${membersText(kept, indent + "  ", context)}\n${indent}}`);
}

function statementText(statement: ts.Node): string {
  const context: Context = { depth: 0 };
  if (ts.isInterfaceDeclaration(statement)) {
    return `${exportPrefix(statement)}interface ${statement.name.text} {${membersText(statement.members, "  ", context)}\n}`;
  }
  if (ts.isTypeAliasDeclaration(statement) && !statement.typeParameters) {
    return print(group([exportPrefix(statement), "type ", statement.name.text, " = ", typeDoc(statement.type, "annotation", context), ";"]));
  }
  throw new Error(`internal error: schema.ts printer has no rule for the statement ${ts.SyntaxKind[statement.kind]}`);
}

function exportPrefix(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): string {
  return node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ? "export " : "";
}

/**
 * The text of `statements`, one after another, each laid out on its own; `verbatim` maps a
 * statement to fixed text (a helper declaration written out by hand).
 */
export function printStatements(statements: readonly ts.Node[], verbatim: (statement: ts.Node) => string | undefined): string {
  return statements.map((s) => verbatim(s) ?? statementText(s)).join("\n") + "\n";
}
