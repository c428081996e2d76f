/** Where the generator's own assets are, whether it runs from src/ (tests) or dist/ (installed). */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const templatesDir = join(packageRoot, "templates");
export const runtimeDir = join(packageRoot, "src", "runtime");
