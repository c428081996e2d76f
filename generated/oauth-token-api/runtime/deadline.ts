// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * One signal for a whole call (token acquisition, request, redirects, the 401 retry and
 * reading the body) that fires on `timeoutMs` or on the caller's own signal, whichever
 * comes first, and remembers which. `AbortSignal.any` and `AbortSignal.timeout` are not
 * in every runtime the generated client targets, so the combination is written out.
 *
 * A call with neither gets no signal at all: an `AbortController` and the listeners that
 * join two signals cost more per call than the rest of the client's own work (see
 * BENCHMARKS.md). A caller's signal is not handed to fetch as it is, even alone: fetch
 * (undici) keeps a listener on the signal it is given until the request is collected, and
 * a signal shared by many concurrent calls would gather thousands of them (adding and
 * removing a listener costs time in proportion to their number: 10,000 concurrent calls
 * sharing one signal took about three times as long). The call's own signal carries them.
 */

export interface Deadline {
  /** Undefined when nothing can abort the call. */
  readonly signal: AbortSignal | undefined;
  /** Why `signal` fired; meaningful once it has. */
  readonly reason: () => "timeout" | "aborted";
  /** Clears the timer and the listener on the caller's signal; call when the call is over. */
  readonly dispose: () => void;
}

const NO_DEADLINE: Deadline = { signal: undefined, reason: () => "aborted", dispose: () => undefined };

/**
 * A delay setTimeout keeps: it takes a signed 32-bit count of milliseconds, and a longer one
 * fires at once (HTML §8.6 timer initialisation steps; Node likewise), so waits beyond
 * about 24.8 days are that long.
 */
export function timerDelay(ms: number): number {
  return Math.min(ms, 2 ** 31 - 1);
}

export function startDeadline(timeoutMs: number | undefined, caller: AbortSignal | undefined): Deadline {
  const timed = timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0;
  if (!timed && caller === undefined) return NO_DEADLINE;

  const controller = new AbortController();
  let reason: "timeout" | "aborted" = "aborted";
  const fire = (why: "timeout" | "aborted", cause: unknown) => {
    if (controller.signal.aborted) return;
    reason = why;
    controller.abort(cause);
  };

  const onCallerAbort = () => fire("aborted", caller!.reason);
  if (caller?.aborted) fire("aborted", caller.reason);
  else caller?.addEventListener("abort", onCallerAbort, { once: true });

  const timer = timed ? setTimeout(() => fire("timeout", new DOMException("The call timed out", "TimeoutError")), timerDelay(timeoutMs)) : undefined;

  return {
    signal: controller.signal,
    reason: () => reason,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it fires: for
 * steps (a user's credential function, a custom fetch's body) that may not watch the
 * signal themselves. Without a signal, `promise` itself.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
