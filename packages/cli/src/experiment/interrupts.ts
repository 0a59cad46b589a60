/**
 * Stopping a long command cleanly: on Ctrl-C (SIGINT), on `kill` (SIGTERM) and when the terminal
 * closes (SIGHUP), alike.
 *
 * @module
 */

/** The signals that stop a training command cleanly, keeping what it finished. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Calls `handler` at the first of the {@link STOP_SIGNALS}, once; afterwards (or after the returned
 * function is called) the signals act as they do by default again: the next one ends the process.
 *
 * @returns a function that stops listening.
 * @example
 * ```ts
 * const stop = new AbortController();
 * const off = onStopSignal((name) => stop.abort(name));
 * try { await work(stop.signal); } finally { off(); }
 * ```
 */
export function onStopSignal(handler: (signal: NodeJS.Signals) => void): () => void {
  const off = () => {
    for (const name of STOP_SIGNALS) process.off(name, on);
  };
  const on = (name: NodeJS.Signals) => {
    off();
    handler(name);
  };
  for (const name of STOP_SIGNALS) process.on(name, on);
  return off;
}

/**
 * Runs `work` with stop signals handled: the first aborts `signal` (a clean stop: the runs end
 * before their next update and keep their finished epochs), the second aborts `kill` (stop at
 * once), a third ends the process. Each abort's reason is the signal's name.
 */
export async function withInterrupts<T>(
  work: (signal: AbortSignal, kill: AbortSignal) => Promise<T>,
): Promise<T> {
  const stop = new AbortController();
  const kill = new AbortController();
  let off = onStopSignal((name) => {
    stop.abort(name);
    off = onStopSignal((again) => kill.abort(again));
  });
  try {
    return await work(stop.signal, kill.signal);
  } finally {
    off();
  }
}
