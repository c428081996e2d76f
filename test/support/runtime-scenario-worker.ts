/** The scenario as a Cloudflare Worker (workerd): any request runs it; SCENARIO is defined by the bundler. */
import { runScenario, type ScenarioConfig } from "./runtime-scenario.js";

declare const SCENARIO: ScenarioConfig;

export default {
  async fetch(): Promise<Response> {
    return Response.json(await runScenario(SCENARIO));
  },
};
