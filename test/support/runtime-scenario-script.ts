/** The scenario as a script (Node, Deno, Bun): SCENARIO is defined by the bundler. */
import { runScenario, type ScenarioConfig } from "./runtime-scenario.js";

declare const SCENARIO: ScenarioConfig;

console.log(JSON.stringify(await runScenario(SCENARIO)));
