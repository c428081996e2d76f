/**
 * Handlebars, locked down (STYLE.md §2): `noEscape` (HTML escaping would corrupt code),
 * `strict` (a missing field is an error, not an empty string), `knownHelpersOnly`, and a
 * single printing helper, `code`, that refuses anything but encoder-made `Code`.
 */
import Handlebars from "handlebars";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isCode } from "./code.js";
import { templatesDir } from "./paths.js";

const handlebars = Handlebars.create();
handlebars.registerHelper("code", (value: unknown) => {
  if (!isCode(value)) throw new Error(`internal error: a template printed a value that is not encoded Code`);
  return value.text;
});

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export async function render(templateName: string, view: object): Promise<string> {
  let template = compiled.get(templateName);
  if (!template) {
    const source = await readFile(join(templatesDir, templateName), "utf8");
    template = handlebars.compile(source, { noEscape: true, strict: true, knownHelpers: { code: true }, knownHelpersOnly: true });
    compiled.set(templateName, template);
  }
  return template(view);
}
