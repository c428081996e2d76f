/** src/runtime/single-flight.ts: one acquisition per key, and none that outlives its callers for ever. */
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { singleFlight } from "../../src/runtime/single-flight.js";

/** A run that settles when told to, counting how often it was started. */
function controlled() {
  let started = 0;
  const settles: ((value: string) => void)[] = [];
  const run = () => {
    started++;
    return new Promise<string>((resolve) => settles.push(resolve));
  };
  return { run, started: () => started, settle: (i: number, value: string) => settles[i]!(value) };
}

describe("singleFlight", () => {
  it("concurrent callers of one key share one run; other keys and later callers get their own", async () => {
    const shared = singleFlight<string>();
    const { run, started, settle } = controlled();
    const [a, b, other] = [shared("k", run), shared("k", run), shared("other", run)];
    expect(started()).toBe(2);
    settle(0, "one");
    settle(1, "two");
    expect(await Promise.all([a, b, other])).toEqual(["one", "one", "two"]);
    const later = shared("k", run);
    expect(started()).toBe(3);
    settle(2, "three");
    expect(await later).toBe("three");
  });

  it("without maxAgeMs, a run is joined however long it takes", async () => {
    const shared = singleFlight<string>();
    const { run, started, settle } = controlled();
    const first = shared("k", run);
    await sleep(60);
    const second = shared("k", run);
    expect(started()).toBe(1);
    settle(0, "slow");
    expect(await Promise.all([first, second])).toEqual(["slow", "slow"]);
  });

  it("a run older than maxAgeMs is not joined; when it ends at last, it does not remove its successor", async () => {
    const shared = singleFlight<string>(40);
    const { run, started, settle } = controlled();
    const stuck = shared("k", run);
    await sleep(60);
    const fresh = shared("k", run);
    expect(started()).toBe(2);
    const joined = shared("k", run);
    expect(started()).toBe(2);
    settle(0, "stuck");
    expect(await stuck).toBe("stuck");
    // The successor is still the run a new caller joins.
    const alsoJoined = shared("k", run);
    expect(started()).toBe(2);
    settle(1, "fresh");
    expect(await Promise.all([fresh, joined, alsoJoined])).toEqual(["fresh", "fresh", "fresh"]);
  });
});
