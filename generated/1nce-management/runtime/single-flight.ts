// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * One run per key at a time: concurrent callers of a cold cache share one token request
 * instead of sending one each (issue: N calls → exactly one acquisition).
 */
export function singleFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, run) => {
    const running = inFlight.get(key);
    if (running) return running;
    const flight = run().finally(() => inFlight.delete(key));
    inFlight.set(key, flight);
    return flight;
  };
}
