/**
 * The two modules of openapi-typescript 7 that src/emit/schema-types.ts imports by path (the
 * package exports `./*.js`), typed as the package's main entry types them. The main entry
 * also loads @redocly/openapi-core whole, for the bundling pass that is skipped: ~0.3 s of
 * module loading on every run.
 */
declare module "openapi-typescript/dist/transform/index.js" {
  export { transformSchema as default } from "openapi-typescript";
}
declare module "openapi-typescript/dist/lib/utils.js" {
  export { resolveRef, scanDiscriminators } from "openapi-typescript";
}
