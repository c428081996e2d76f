/** The arguments a build passes again and again are read without yargs, and mean what yargs reads. */
import { describe, expect, it } from "vitest";
import { parseArguments, quickArguments } from "../../src/cli/arguments.js";

describe("quickArguments", () => {
  it.each([
    [[]],
    [["--check"]],
    [["--check", "--quiet"]],
    [["-q", "--json", "--check"]],
    [["--force", "-f"]],
    [["--config", "gen-auth-client.config.json", "--check"]],
    [["-c", "other/gen-auth-client.config.mjs", "--json"]],
  ])("%j: what yargs reads", async (argv) => {
    const quick = quickArguments(argv);
    expect(quick).toBeDefined();
    expect(quick).toEqual(await parseArguments(argv));
  });

  it.each([
    [["specs/api.yml"]],
    [["--check", "specs/api.yml"]],
    [["--watch"]],
    [["--help"]],
    [["--version"]],
    [["--check=true"]],
    [["--no-check"]],
    [["--config"]],
    [["--config", "--check"]],
    [["--config", "a.json", "--config", "b.json"]],
    [["-qf"]],
    [["--overlay", "o.yml"]],
  ])("%j: left to yargs", (argv) => {
    expect(quickArguments(argv)).toBeUndefined();
  });
});
