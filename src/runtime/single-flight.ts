/**
 * One run per key at a time: concurrent callers of a cold cache share one token request
 * instead of sending one each (issue: N calls → exactly one acquisition).
 *
 * A run older than `maxAgeMs` (the client's `timeoutMs`) is not joined: its callers have all
 * timed out, and a run that long is stuck on something that may never answer (a token store's
 * `get` or `lock` on a dead connection). Joining it would hold every later call of that key
 * until the process restarts; the next caller starts afresh instead.
 */
export function singleFlight<T>(maxAgeMs?: number): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, { readonly promise: Promise<T>; readonly startedAt: number }>();
  return (key, run) => {
    const running = inFlight.get(key);
    const stuck = running !== undefined && maxAgeMs !== undefined && performance.now() - running.startedAt > maxAgeMs;
    if (running && !stuck) return running.promise;
    const flight = {
      promise: run().finally(() => {
        if (inFlight.get(key) === flight) inFlight.delete(key);
      }),
      startedAt: performance.now(),
    };
    inFlight.set(key, flight);
    return flight.promise;
  };
}
