/**
 * Prints the type tree of ./nodes.ts in its final form: the layout Prettier gives the
 * declarations openapi-typescript's printer writes (Prettier's TypeScript rules for
 * interfaces, type literals, unions, intersections, type arguments and tuples), without
 * TypeScript's printer and without Prettier re-parsing megabytes of text. Document text
 * reaches the output only through ./literals.ts (names and string literals) and the JSDoc
 * layout below, whose body ./build.ts has already closed against `*\/`.
 */
import { trusted, type Code } from "../code.js";
import { align, block, concat, group, ifBreak, indent, joinDocs as join, line, print, softline, type Doc } from "../layout.js";
import { identifier, jsonLiteral, numberLiteral, stringLiteral } from "./literals.js";
import type { Key, Member, Statement, TypeNode } from "./nodes.js";

/** Where a type sits, as far as Prettier's layout and parenthesization rules look. */
type Place =
  | "annotation" // a member's or alias's type
  | "union"
  | "intersection"
  | "array" // element type of T[]
  | "indexObject" // T in T["k"]
  | "indexKey"
  | "typeArgument"
  | "tupleElement" // in a tuple of one element
  | "tupleElements"; // in a tuple of several

/** The punctuation and keywords of type declarations: code, not document text. */
const T = {
  open: trusted("("),
  close: trusted(")"),
  brackets: trusted("[]"),
  openBracket: trusted("["),
  closeBracket: trusted("]"),
  openAngle: trusted("<"),
  closeAngle: trusted(">"),
  bar: trusted("| "),
  barBetween: trusted(" | "),
  ampersand: trusted(" & "),
  ampersandEnd: trusted(" &"),
  comma: trusted(","),
  colon: trusted(": "),
  question: trusted("?"),
  readonly: trusted("readonly "),
  empty: trusted(""),
  emptyObject: trusted("{}"),
  openBrace: trusted("{"),
  semicolon: trusted(";"),
  string: trusted(": string"),
  exportType: trusted("export type "),
  equals: trusted(" = "),
  null: trusted("null"),
  true: trusted("true"),
  false: trusted("false"),
};
const KEYWORD_CODE = new Map(["string", "number", "boolean", "unknown", "never", "undefined"].map((k) => [k, trusted(k)]));

const KEYWORDS = new Set(["string", "number", "boolean", "unknown", "never", "undefined", "null", "any", "object", "symbol", "bigint", "void"]);

/** The node Prettier sees: a union or intersection of one type is printed as that type. */
function unwrap(node: TypeNode): TypeNode {
  while ((node.kind === "union" || node.kind === "intersection") && node.types.length === 1) node = node.types[0]!;
  return node;
}

const isTypeLiteral = (node: TypeNode): boolean => unwrap(node).kind === "object";

/** Prettier's `TSTypeReference`: a named type that is not a keyword. */
function isReference(node: TypeNode): boolean {
  const n = unwrap(node);
  return n.kind === "reference" && !(!n.args && KEYWORDS.has(n.name));
}

const isNull = (node: TypeNode): boolean => unwrap(node).kind === "null";

/** Prettier's `shouldHugType` for a union: one object or reference, the rest `null`. */
function hugs(types: readonly TypeNode[]): boolean {
  const main = types.find((t) => isTypeLiteral(t) || isReference(t));
  return main !== undefined && types.every((t) => t === main || isNull(t));
}

/** Prettier's `isSimpleType`: keywords and references without type arguments. */
function isSimple(node: TypeNode): boolean {
  const n = unwrap(node);
  if (n.kind === "reference") return !n.args;
  return n.kind === "null" || n.kind === "keyword";
}

function needsParens(place: Place): boolean {
  return place === "union" || place === "intersection" || place === "array" || place === "indexObject";
}

/** Printing state: how deep TypeScript's printer would have indented (for raw comments). */
interface Context {
  depth: number;
}

function typeDoc(node: TypeNode, place: Place, context: Context): Doc {
  node = unwrap(node);
  switch (node.kind) {
    case "union":
      return unionDoc(node.types, place, context);
    case "intersection": {
      const doc = intersectionDoc(node.types, context);
      return needsParens(place) ? [T.open, doc, T.close] : doc;
    }
    case "object":
      return objectDoc(node.members, context);
    case "array":
      return concat([typeDoc(node.element, "array", context), T.brackets]);
    case "tuple":
      return tupleDoc(node.elements, context);
    case "indexed":
      return concat([typeDoc(node.object, "indexObject", context), T.openBracket, typeDoc(node.index, "indexKey", context), T.closeBracket]);
    case "reference":
      return referenceDoc(node.name, node.args, context);
    case "keyword":
      return KEYWORD_CODE.get(node.name)!;
    case "null":
      return T.null;
    case "true":
      return T.true;
    case "false":
      return T.false;
    case "number":
      return numberLiteral(node.text, node.negative);
    case "string":
      return stringLiteral(node.value);
    case "json":
      return jsonLiteral(node.value);
  }
}

/** Prettier's `printUnionType`. */
function unionDoc(types: readonly TypeNode[], place: Place, context: Context): Doc {
  if (hugs(types)) {
    const doc = join(
      T.barBetween,
      types.map((t) => typeDoc(t, "union", context)),
    );
    return concat(needsParens(place) ? [T.open, ...doc, T.close] : doc);
  }
  const alternatives = group(types.map((t, i) => [i === 0 ? ifBreak(T.bar) : [line, T.bar], align(2, typeDoc(t, "union", context))]));
  if (needsParens(place)) return [T.open, group([indent([softline, alternatives]), softline]), T.close];
  if (place === "tupleElements") return group([indent([ifBreak([T.open, softline]), alternatives]), softline, ifBreak(T.close)]);
  if (place === "typeArgument" || place === "tupleElement") return alternatives;
  return group(indent([softline, alternatives]));
}

/** Prettier's `printIntersectionType`: objects stay on the line of the `&` before them. */
function intersectionDoc(types: readonly TypeNode[], context: Context): Doc {
  let indented = false;
  return group(
    types.map((t, i) => {
      const doc = typeDoc(t, "intersection", context);
      if (i === 0) return doc;
      const object = isTypeLiteral(t);
      const previousObject = isTypeLiteral(types[i - 1]!);
      if (object && previousObject) return [T.ampersand, indented ? indent(doc) : doc];
      if (!object && !previousObject) return indent([T.ampersandEnd, line, doc]);
      if (i > 1) indented = true;
      return [T.ampersand, i > 1 ? indent(doc) : doc];
    }),
  );
}

function tupleDoc(elements: readonly TypeNode[], context: Context): Doc {
  if (elements.length === 0) return T.brackets;
  const place: Place = elements.length > 1 ? "tupleElements" : "tupleElement";
  const items = join(
    [T.comma, line],
    elements.map((e) => group(typeDoc(e, place, context))),
  );
  return group([T.openBracket, indent([softline, items, ifBreak(T.comma)]), softline, T.closeBracket]);
}

/** Prettier's `printTypeParameters` for type arguments (which take no trailing comma). */
function referenceDoc(name: string, args: readonly TypeNode[] | undefined, context: Context): Doc {
  const nameCode = identifier(name, "type name");
  if (!args || args.length === 0) return nameCode;
  if (args.length === 1) {
    const only = unwrap(args[0]!);
    if (isSimple(only) || isTypeLiteral(only) || (only.kind === "union" && hugs(only.types))) {
      return concat([nameCode, T.openAngle, typeDoc(args[0]!, "typeArgument", context), T.closeAngle]);
    }
  }
  return [
    nameCode,
    group([
      T.openAngle,
      indent([
        softline,
        join(
          [T.comma, line],
          args.map((a) => typeDoc(a, "typeArgument", context)),
        ),
      ]),
      softline,
      T.closeAngle,
    ]),
  ];
}

function keyCode(key: Key): Code {
  switch (key.kind) {
    case "identifier":
      return identifier(key.text, "key");
    case "string":
      return stringLiteral(key.text);
    case "number":
      // `NaN` and `Infinity` are numbers by openapi-typescript's test; Prettier reads them as names.
      return /^[0-9.]/.test(key.text) ? numberLiteral(key.text) : identifier(key.text, "key");
  }
}

/**
 * openapi-typescript gives a schema that extends a discriminator base the discriminator
 * property (`class: "Name"`) and then its own declaration of it too (`class?: "Name"`):
 * TS2300 duplicate identifier (apple.com/sirikit-cloud-media). The first, injected one is
 * kept: it is the narrower.
 */
function withoutDuplicates(members: readonly Member[]): Member[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    if (member.kind !== "property") return true;
    if (seen.has(member.key.text)) return false;
    seen.add(member.key.text);
    return true;
  });
}

/** A member without its JSDoc and separator: a string when it cannot break. */
function memberDoc(member: Member, context: Context): Doc {
  if (member.kind === "property") {
    const parts = [member.readonly ? T.readonly : T.empty, keyCode(member.key), member.optional ? T.question : T.empty, T.colon, typeDoc(member.type, "annotation", context)];
    const doc = concat(parts);
    return Array.isArray(doc) ? group(parts) : doc;
  }
  const parameter = concat([identifier(member.parameter, "index parameter"), T.string]);
  return group([T.openBracket, group([indent([softline, parameter]), softline]), T.closeBracket, T.colon, typeDoc(member.type, "annotation", context)]);
}

/** The lines of a member, JSDoc first, each line but the first starting with `indent`. */
function memberText(member: Member, indent: string, context: Context): string {
  const inner: Context = { depth: context.depth + 1 };
  const doc = memberDoc(member, inner);
  const code = print([doc, T.semicolon], indent.length).text;
  if (member.kind !== "property" || member.comment === undefined) return code;
  return commentText(member.comment, indent, inner.depth) + "\n" + indent + code;
}

/**
 * A JSDoc block as it comes out of TypeScript's printer (each line trimmed) and then Prettier:
 * a block whose every line starts with `*` is re-indented as ` * line`; any other block is
 * kept as TypeScript wrote it (its continuation lines indented four spaces per level).
 */
function commentText(text: string, indent: string, depth: number): string {
  const full = `/*${text}*/`;
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
  return sourceLines.map((l, i) => (i === 0 ? trimmed[0] : " ".repeat(depth * 4 + /^[ \t]*/.exec(l)![0].length) + trimmed[i])).join("\n");
}

/** The members of an interface or type literal, one per line, at `indent`. */
function membersText(members: readonly Member[], indent: string, context: Context): string {
  return members.map((m) => "\n" + indent + memberText(m, indent, context)).join("");
}

/** Prettier's object layout for a type literal: always expanded, as TypeScript printed it. */
function objectDoc(members: readonly Member[], context: Context): Doc {
  const kept = withoutDuplicates(members);
  if (kept.length === 0) return T.emptyObject;
  // Trusted: the members' text is laid out from literals.ts's code, and their JSDoc bodies
  // are closed against `*\/` by ./build.ts.
  return block(T.openBrace, (indent) => trusted(`{${membersText(kept, indent + "  ", context)}\n${indent}}`));
}

/**
 * The text of `statements`, one after another, each laid out on its own; `withRequired` is
 * the hand-written helper's text.
 */
export function printStatements(statements: readonly Statement[], withRequired: string): string {
  const context: Context = { depth: 0 };
  const text = statements.map((s) => {
    switch (s.kind) {
      case "interface":
        return `export interface ${identifier(s.name, "type name").text} {${membersText(s.members, "  ", context)}\n}`;
      case "alias":
        return print(group([T.exportType, identifier(s.name, "type name"), T.equals, typeDoc(s.type, "annotation", context), T.semicolon])).text;
      case "withRequired":
        return withRequired;
    }
  });
  return text.join("\n") + "\n";
}
