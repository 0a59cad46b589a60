/**
 * A macrotask boundary: lets timers, I/O and signal handlers run between two steps of a loop.
 *
 * Written by hand because no library does this small thing browser-safely: `setImmediate` exists
 * only in Node and Bun; `setTimeout(0)` is clamped to 4 ms once timers nest in browsers (the HTML
 * timer initialisation steps), 400 ms of a 100-step range test for nothing; `queueMicrotask` and
 * `await` never leave the microtask queue, so timers never fire. A `MessageChannel` message is a
 * macrotask without the clamp (the trick React's scheduler uses).
 *
 * @module
 */

type Immediate = (callback: () => void) => unknown;

/** The part of the Web `MessagePort` used here (Node's typings describe its EventEmitter side). */
interface Port {
  onmessage: (() => void) | null;
  postMessage(message: null): void;
  close(): void;
}

/**
 * Resolves on a fresh macrotask of the event loop, so that due timers (`AbortSignal.timeout`),
 * I/O and signal handlers (Ctrl-C) run before the caller continues: `setImmediate` where it
 * exists (Node), else a `MessageChannel` message (browsers, workers), else `setTimeout(0)`.
 *
 * @returns a promise that resolves after the event loop has had a turn.
 * @example
 * ```ts
 * for (const lr of lrs) {
 *   await yieldToEventLoop(); // an abort from a timer lands here
 *   if (signal.aborted) break;
 *   await learner.step(lr);
 * }
 * ```
 */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: Immediate }).setImmediate;
  if (typeof immediate === "function") return new Promise((resolve) => void immediate(resolve));
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel() as unknown as { port1: Port; port2: Port };
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => void setTimeout(resolve, 0));
}
