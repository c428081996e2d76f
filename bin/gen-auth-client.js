#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the `prepare` script).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("gen-auth-client: dist/ is missing; run `npm run build` (npm install does it).\n");
  process.exit(3);
}
await import(entry.href);
