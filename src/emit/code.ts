/**
 * Generated code is assembled from `Code` values only. A `Code` can be made by the
 * encoders in encode.ts (from document text) or by `trusted` (for text written in this
 * repository), so a template can never print a document's string as it is.
 */
const brand = Symbol("Code");

export class Code {
  readonly [brand] = true;
  readonly text: string;

  /** @internal use the encoders or `trusted`. */
  constructor(text: string, key: typeof brand) {
    if (key !== brand) throw new Error("Code is made by the encoders only");
    this.text = text;
  }

  toString(): string {
    return this.text;
  }
}

export function isCode(value: unknown): value is Code {
  return value instanceof Code;
}

/** Code written by the generator's own source, never containing document text. */
export function trusted(text: string): Code {
  return new Code(text, brand);
}

/** Joins code fragments with a code separator. */
export function join(parts: readonly Code[], separator = ""): Code {
  return trusted(parts.map((p) => p.text).join(separator));
}
