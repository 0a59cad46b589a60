/**
 * The final table of the training runs, as the CLI's compare report has it: each run's last-epoch
 * loss and accuracy (training and validation), its best validation loss and accuracy with their
 * epoch, and its time; the best run of each column starred.
 *
 * @module
 */
import { h } from "../dom.js";
import type { EditorSchedule } from "./context.js";
import type { RunAnswer } from "./protocol.js";

interface Column {
  readonly head: string;
  readonly value: (r: RunAnswer) => number | undefined;
  readonly text?: (r: RunAnswer, v: number) => string;
  /** Which end is best; none: not starred. */
  readonly best?: "min" | "max";
}

const last = (r: RunAnswer, name: string) => r.history.at(-1)?.metrics[name];

/** The epoch (from 1) with the best value of `name`, and that value. */
function bestEpoch(
  r: RunAnswer,
  name: string,
  way: "min" | "max",
): { epoch: number; value: number } | undefined {
  let best: { epoch: number; value: number } | undefined;
  for (const e of r.history) {
    const v = e.metrics[name];
    if (v === undefined || !Number.isFinite(v)) continue;
    if (!best || (way === "max" ? v > best.value : v < best.value)) best = { epoch: e.epoch + 1, value: v };
  }
  return best;
}

const metric = (v: number) => (Math.abs(v) >= 1e-2 && Math.abs(v) < 1e3 ? v.toFixed(3) : v.toPrecision(3));

const COLUMNS: Column[] = [
  { head: "epochs", value: (r) => r.history.length },
  { head: "loss", value: (r) => last(r, "loss"), best: "min" },
  { head: "acc", value: (r) => last(r, "acc"), best: "max" },
  { head: "val_loss", value: (r) => last(r, "val_loss"), best: "min" },
  { head: "val_acc", value: (r) => last(r, "val_acc"), best: "max" },
  ...(["val_loss", "val_acc"] as const).map((name): Column => ({
    head: `best ${name}`,
    value: (r) => bestEpoch(r, name, name === "val_acc" ? "max" : "min")?.value,
    text: (r, v) => `${metric(v)} (${bestEpoch(r, name, name === "val_acc" ? "max" : "min")!.epoch})`,
    best: name === "val_acc" ? "max" : "min",
  })),
  { head: "time", value: (r) => r.seconds, text: (_, v) => `${v.toFixed(1)} s` },
];

/** The table of the runs; `schedules` names each run's schedule by its letter. */
export function resultsTable(runs: readonly RunAnswer[], schedules: readonly EditorSchedule[]): HTMLElement {
  const bestRow = (c: Column) => {
    if (!c.best || runs.length < 2) return -1;
    let at = -1;
    runs.forEach((r, i) => {
      const v = c.value(r);
      if (v === undefined || !Number.isFinite(v)) return;
      const cur = at < 0 ? undefined : c.value(runs[at]!)!;
      if (cur === undefined || (c.best === "max" ? v > cur : v < cur)) at = i;
    });
    return at;
  };
  const best = COLUMNS.map(bestRow);
  const rows = runs.map((r, i) =>
    h(
      "tr",
      { "data-run": r.letter, "data-changed": r.weights.differing },
      h("th", { scope: "row" }, r.letter, r.stopped === "aborted" ? " (stopped)" : ""),
      h(
        "td",
        { class: "schedule" },
        h("code", {}, schedules.find((s) => s.letter === r.letter)?.label ?? ""),
      ),
      COLUMNS.map((c, j) => {
        const v = c.value(r);
        if (v === undefined || !Number.isFinite(v)) return h("td", { class: "num" }, "–");
        const text = c.text ? c.text(r, v) : c.head === "epochs" ? String(v) : metric(v);
        return best[j] === i
          ? h(
              "td",
              { class: "num best", "data-column": c.head, title: "best of the runs" },
              h("strong", {}, text),
              " ★",
            )
          : h("td", { class: "num", "data-column": c.head }, text);
      }),
    ),
  );
  return h(
    "table",
    { id: "train-table", class: "finals" },
    h("caption", {}, "Final values (the last epoch), and the best epoch of each run"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "run"),
        h("th", { scope: "col" }, "schedule"),
        COLUMNS.map((c) => h("th", { scope: "col" }, c.head)),
      ),
    ),
    h("tbody", {}, rows),
  );
}
