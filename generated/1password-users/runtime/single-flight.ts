// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * One run per key at a time: concurrent callers of a cold cache share one token request
 * instead of sending one each (issue: N calls → exactly one acquisition).
 *
 * With the client's `timeoutMs`, a run older than three times that is not joined. The run's own
 * requests are each bounded by `timeoutMs` (discovery, then the token request), so a run that
 * old is stuck on something that may never answer: a token store's `get` or `lock` on a dead
 * connection. Joining it would hold every later call of that key until the process restarts;
 * the next caller starts afresh instead. (Not sooner: a second refresh while the first is still
 * on its way would send one refresh token twice, which a server may take for a replay.)
 */
export function singleFlight<T>(timeoutMs?: number): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, { readonly promise: Promise<T>; readonly startedAt: number }>();
  return (key, run) => {
    const running = inFlight.get(key);
    const stuck = running !== undefined && timeoutMs !== undefined && performance.now() - running.startedAt > 3 * timeoutMs;
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
