/**
 * A request of the worker that a Train panel section runs and the user may stop: its Run and Stop
 * buttons and its progress bar, and the panel kept busy (the other sections' buttons off) while it
 * runs.
 *
 * @module
 */
import { h } from "../dom.js";
import type { Pending } from "./client.js";
import type { Shared } from "./context.js";

/** The element ids and the Run button's text of a {@link task}. */
export interface TaskIds {
  /** The Run button's id; the Stop button's and the progress bar's are `<id>-stop` and `<id>-progress`. */
  readonly id: string;
  /** The Run button's text. */
  readonly label: string;
}

/** A section's task: see {@link task}. */
export interface Task {
  /** The Run and Stop buttons and the progress bar, as one row. */
  readonly controls: HTMLElement;
  /** The progress bar (0 to 1), shown while the task runs. */
  readonly bar: HTMLProgressElement;
  /**
   * Follows a request until it ends: the panel is busy meanwhile, Stop stops it, and `done` or
   * `failed` receives its end.
   */
  follow<T>(pending: Pending<T>, done: (answer: T) => void, failed: (error: Error) => void): void;
  /** Enables the buttons: Run when the panel is idle and has data, Stop while this task runs. */
  refresh(): void;
}

/**
 * The task of a section whose Run button calls `run` (which asks the worker and passes the request
 * to {@link Task.follow}).
 *
 * @param shared - the panel's shared state.
 * @param ids - the ids of the controls and the Run button's text.
 * @param run - what Run does.
 */
export function task(shared: Shared, ids: TaskIds, run: () => void): Task {
  const bar = h("progress", { id: `${ids.id}-progress`, max: 1, value: 0, hidden: true });
  const start = h("button", { type: "button", id: ids.id, onclick: run }, ids.label);
  let running: Pending<unknown> | undefined;
  const stop = h("button", { type: "button", id: `${ids.id}-stop`, onclick: () => running?.stop() }, "Stop");
  return {
    controls: h("div", { class: "button-row" }, start, stop, bar),
    bar,
    follow(pending, done, failed) {
      running = pending;
      bar.value = 0;
      bar.hidden = false;
      shared.busy = true;
      shared.changed();
      pending.answer.then(done, failed).finally(() => {
        running = undefined;
        bar.hidden = true;
        shared.busy = false;
        shared.changed();
      });
    },
    refresh() {
      start.disabled = shared.busy || !shared.data;
      stop.disabled = !running;
    },
  };
}
