/** src/runtime/single-flight.ts: one acquisition per key, and none that holds its key for ever. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

// A run's age is read from performance.now(): moved by hand here, so that no sleep decides a result.
beforeEach(() => void vi.useFakeTimers({ toFake: ["performance"] }));
afterEach(() => void vi.useRealTimers());
const elapse = (ms: number) => vi.advanceTimersByTime(ms);

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

  it("without timeoutMs, a run is joined however long it takes", async () => {
    const shared = singleFlight<string>();
    const { run, started, settle } = controlled();
    const first = shared("k", run);
    elapse(60_000);
    const second = shared("k", run);
    expect(started()).toBe(1);
    settle(0, "slow");
    expect(await Promise.all([first, second])).toEqual(["slow", "slow"]);
  });

  it("a run is joined up to three times timeoutMs; an older one is not, and when it ends at last it does not remove its successor", async () => {
    const shared = singleFlight<string>(1_000);
    const { run, started, settle } = controlled();
    const stuck = shared("k", run);
    elapse(2_000);
    // Two timeouts old: its discovery and token request may both still be on their way.
    const early = shared("k", run);
    expect(started()).toBe(1);
    elapse(1_001);
    const fresh = shared("k", run);
    expect(started()).toBe(2);
    const joined = shared("k", run);
    expect(started()).toBe(2);
    settle(0, "stuck");
    expect(await Promise.all([stuck, early])).toEqual(["stuck", "stuck"]);
    // The successor is still the run a new caller joins.
    const alsoJoined = shared("k", run);
    expect(started()).toBe(2);
    settle(1, "fresh");
    expect(await Promise.all([fresh, joined, alsoJoined])).toEqual(["fresh", "fresh", "fresh"]);
  });
});
