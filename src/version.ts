import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./emit/paths.js";

export const generatorVersion: string = (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
