export { generate, compareWithDisk, defaultOutput, type GenerateOptions, type GenerateResult, type Drift } from "./generate.js";
export { DiagnosticError, formatDiagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
export type { ApiModel } from "./model/types.js";
