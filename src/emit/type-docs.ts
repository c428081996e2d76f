/** Type syntax as layout documents, shaped as Prettier prints it (see layout.ts). */
import { trusted, type Code } from "./code.js";
import { group, hardline, ifBreak, indent, joinDocs, line, lines, print, softline, type Doc } from "./layout.js";

/**
 * `Name<A, B>`: the arguments break one per line when they do not fit, except a single
 * argument that is a plain name (`Promise<ReposGetResult>`), which stays hugged.
 */
export function typeReference(name: Code, args: readonly Doc[], hugSingle = false): Doc {
  if (args.length === 1 && hugSingle) return [name, trusted("<"), args[0]!, trusted(">")];
  return group([name, trusted("<"), indent([softline, joinDocs([trusted(","), line], args)]), softline, trusted(">")]);
}

/**
 * `A | B`, broken as `| A` lines when it does not fit (members aligned after the bar).
 * `indented`: in a member's type annotation the broken union starts on its own line.
 */
export function unionType(members: readonly Doc[], indented: boolean): Doc {
  if (members.length === 1) return members[0]!;
  const bar = trusted("| ");
  const code: Doc = [ifBreak(indented ? [line, bar] : bar), joinDocs([line, bar], members.map((m) => indent(m)))];
  return group(indented ? indent(code) : code);
}

/** A member of an interface or object, with its JSDoc, at `depth` levels of two spaces. */
export function memberLines(doc: Code, declaration: Doc, depth = 1): Code {
  const column = 2 * depth;
  const printed = print(doc.text === "" ? declaration : [lines(doc), hardline, declaration], column);
  return trusted(" ".repeat(column) + printed.text);
}
