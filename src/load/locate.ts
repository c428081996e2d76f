import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import { fromPointer } from "../diagnostics/diagnostic.js";

export interface Position {
  line: number;
  column: number;
}

export type Locate = (pointer: string) => Position | undefined;

/**
 * Maps an RFC 6901 JSON pointer to the 1-based line and column of the node in the YAML (or JSON)
 * source. A member of a mapping is located at its key, since that is the line a reader looks for
 * (`post:` rather than the first field under it); an array item at the item itself.
 */
export function createLocator(doc: Document, lineCounter: LineCounter): Locate {
  return (pointer) => {
    const offset = findOffset(doc, fromPointer(pointer));
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

function findOffset(doc: Document, segments: readonly string[]): number | undefined {
  let node: unknown = doc.contents;
  let anchor: unknown = node;
  for (const segment of segments) {
    node = resolveAlias(doc, node);
    if (isMap(node)) {
      const pair = findPair(doc, node, segment, 0);
      if (!pair) return undefined;
      anchor = pair.key ?? pair.value;
      node = pair.value;
    } else if (isSeq(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node.items[Number(segment)];
      if (node === undefined) return undefined;
      anchor = node;
    } else {
      return undefined;
    }
  }
  return rangeStart(anchor);
}

function resolveAlias(doc: Document, node: unknown): unknown {
  // A bounded loop: an alias may point at another alias.
  for (let i = 0; i < 16 && isAlias(node); i++) node = node.resolve(doc);
  return node;
}

/** The key as `toJS()` turns it into a property name (YAML keys may be numbers: `200:`). */
function keyName(key: unknown): string | undefined {
  if (isScalar(key)) {
    // With merge keys on, `<<` is a Scalar holding Symbol("<<").
    if (typeof key.value === "symbol") return key.value.description;
    return key.value === null ? "" : String(key.value);
  }
  if (key === null || key === undefined) return "";
  return undefined;
}

type AnyPair = { key: unknown; value: unknown };

function findPair(doc: Document, map: { items: unknown[] }, segment: string, depth: number): AnyPair | undefined {
  let merged: AnyPair | undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const name = keyName(item.key);
    if (name === segment) return item;
    // YAML 1.1 merge keys (`<<: *base`), which the parser is told to honour: a key found in a
    // merged mapping is located there. Own keys win, so keep looking before using it.
    if (name === "<<" && depth < 8 && merged === undefined) {
      const sources = resolveAlias(doc, item.value);
      const candidates = isSeq(sources) ? sources.items.map((s) => resolveAlias(doc, s)) : [sources];
      for (const source of candidates) {
        if (isMap(source)) {
          merged = findPair(doc, source, segment, depth + 1);
          if (merged) break;
        }
      }
    }
  }
  return merged;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
