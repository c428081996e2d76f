/** Prettier, with fixed options so that output does not depend on the user's config. */
import * as prettier from "prettier";

const OPTIONS: prettier.Options = { parser: "typescript", printWidth: 100, trailingComma: "all" };

export function formatTypeScript(source: string): Promise<string> {
  return prettier.format(source, OPTIONS);
}
