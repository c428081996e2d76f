/**
 * Prettier, with fixed options so that output does not depend on the user's config. index.ts
 * is no longer formatted here: it is written in its final form (layout.ts), and
 * test/emit/prettier-stable.test.ts holds it to these options.
 */
import * as prettier from "prettier";

const OPTIONS: prettier.Options = { parser: "typescript", printWidth: 100, trailingComma: "all" };

export function formatTypeScript(source: string): Promise<string> {
  return prettier.format(source, OPTIONS);
}
