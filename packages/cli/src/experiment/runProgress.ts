/**
 * The live display of a compare on stderr: one bar per run and one for the whole (cli-progress's
 * MultiBar) on a terminal; plain lines otherwise (one per epoch, and one every 15 s within a long
 * epoch), so that logs and tests see the progress too.
 *
 * @module
 */
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import {
  formatDuration,
  formatMetric,
  type BatchEvent,
  type EpochSummary,
  type RunRecord,
} from "@lrkit/compare";
import { processIo, type Io } from "../io.js";

/** The display's view of the plan. */
export interface ProgressPlan {
  /** The runs' names. */
  readonly names: readonly string[];
  readonly epochs: number;
  readonly batchSize: number;
}

/** A progress display fed by the compare's events. */
export interface RunProgress {
  started(run: number): void;
  batch(run: number, e: BatchEvent): void;
  epoch(run: number, record: EpochSummary): void;
  finished(run: number, record: RunRecord): void;
  /** Prints a message without breaking the bars. */
  log(message: string): void;
  /** Ends the display. */
  stop(): void;
}

const epochsText = (n: number) => `${n} epoch${n === 1 ? "" : "s"}`;
const num = (v: number | null | undefined) => formatMetric(v);
const rate = (v: number | null) => `${Math.round(v ?? 0).toLocaleString("en-US")} ex/s`;
/** An epoch's logged values, `loss 0.512 acc 0.810 val_loss 0.551 val_acc 0.800`. */
const logged = (record: EpochSummary) =>
  Object.entries(record.metrics)
    .map(([k, v]) => `${k} ${num(v)}`)
    .join(" ");
/** The last value of the run's headline (its validation accuracy, ..., loss). */
const headline = (record: EpochSummary) => {
  const names = Object.keys(record.metrics);
  const name =
    names.find((n) => n.startsWith("val_") && n.endsWith("acc")) ??
    (names.includes("val_loss") ? "val_loss" : "loss");
  return `${name} ${num(record.metrics[name])}`;
};

interface RunState {
  began: number;
  done: number;
  loss: number;
  epoch: number;
  lastLine: number;
  status: "queued" | "running" | RunRecord["status"];
}

/**
 * A display for the runs of `plan` on `io`'s stderr: a live MultiBar when `io` is the process's
 * own and stderr is a terminal, plain lines otherwise.
 */
export function runProgress(io: Io, plan: ProgressPlan): RunProgress {
  // Updates per epoch: known from the first batch event that carries them (a tf.data dataset of
  // unknown size never does; the bars then count epochs).
  let perEpoch = 1;
  const perRun = () => plan.epochs * perEpoch;
  const learn = (e: BatchEvent) => {
    if (e.batches !== undefined) perEpoch = e.batches;
  };
  const runs: RunState[] = plan.names.map(() => ({
    began: 0,
    done: 0,
    loss: NaN,
    epoch: 0,
    lastLine: 0,
    status: "queued",
  }));
  const began = performance.now();
  const width = Math.max(...plan.names.map((n) => n.length), 5);
  const doneAll = () => runs.reduce((s, r) => s + r.done, 0);
  const elapsed = (since: number) => (performance.now() - since) / 1000;
  const etaRun = (r: RunState) => ((perRun() - r.done) * elapsed(r.began)) / Math.max(1, r.done);
  const etaAll = () => {
    const done = doneAll();
    const remaining = runs.reduce(
      (s, r) => s + (r.status === "running" || r.status === "queued" ? perRun() - r.done : 0),
      0,
    );
    return done === 0 ? NaN : (remaining * elapsed(began)) / done;
  };
  const speed = (r: RunState) => (r.done * plan.batchSize) / Math.max(1e-9, elapsed(r.began));
  const runStatus = (r: RunState) =>
    `epoch ${Math.min(r.epoch + 1, plan.epochs)}/${plan.epochs} batch ${r.done % perEpoch || (r.done ? perEpoch : 0)}/${perEpoch} ` +
    `loss ${num(r.loss)} ${rate(speed(r))} ETA ${formatDuration(etaRun(r))}`;
  const finishedCount = () => runs.filter((r) => r.status !== "queued" && r.status !== "running").length;
  const totalStatus = () => `${finishedCount()}/${runs.length} runs done, ETA ${formatDuration(etaAll())}`;

  if (io === processIo && process.stderr.isTTY) {
    const multi = new MultiBar(
      {
        format: "{name} [{bar}] {percentage}% {status}",
        barsize: 20,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        autopadding: true,
        fps: 5,
      },
      Presets.shades_classic,
    );
    const bars: SingleBar[] = plan.names.map((name) =>
      multi.create(perRun(), 0, { name: name.padEnd(width), status: "queued" }),
    );
    const all = multi.create(perRun() * plan.names.length, 0, {
      name: "total".padEnd(width),
      status: totalStatus(),
    });
    const refresh = (i: number, status: string) => {
      bars.forEach((b) => b.setTotal(perRun()));
      all.setTotal(perRun() * plan.names.length);
      bars[i]!.update(runs[i]!.done, { status });
      all.update(doneAll(), { status: totalStatus() });
    };
    return {
      started(i) {
        Object.assign(runs[i]!, { began: performance.now(), status: "running" });
        refresh(i, "starting");
      },
      batch(i, e) {
        learn(e);
        const r = runs[i]!;
        Object.assign(r, { done: e.epoch * perEpoch + e.batch + 1, loss: e.loss, epoch: e.epoch });
        refresh(i, runStatus(r));
      },
      epoch(i, record) {
        const r = runs[i]!;
        Object.assign(r, { done: (record.epoch + 1) * perEpoch, epoch: record.epoch + 1 });
        refresh(i, `${runStatus(r)} ${headline(record)}`);
      },
      finished(i, record) {
        const r = runs[i]!;
        r.status = record.status;
        const last = record.epochs.at(-1);
        refresh(
          i,
          `${record.status}${last ? `: ${headline(last)} after ${epochsText(last.epoch + 1)}` : ""} in ${formatDuration(elapsed(r.began))}`,
        );
      },
      log: (message) => multi.log(message.endsWith("\n") ? message : `${message}\n`),
      stop: () => multi.stop(),
    };
  }

  const line = (i: number, text: string) => io.err(`[${plan.names[i]!}] ${text}\n`);
  return {
    started(i) {
      Object.assign(runs[i]!, { began: performance.now(), lastLine: performance.now(), status: "running" });
      line(i, "started");
    },
    batch(i, e) {
      learn(e);
      const r = runs[i]!;
      Object.assign(r, { done: e.epoch * perEpoch + e.batch + 1, loss: e.loss, epoch: e.epoch });
      if (performance.now() - r.lastLine >= 15_000) {
        r.lastLine = performance.now();
        line(i, runStatus(r));
      }
    },
    epoch(i, record) {
      const r = runs[i]!;
      Object.assign(r, {
        done: (record.epoch + 1) * perEpoch,
        epoch: record.epoch + 1,
        lastLine: performance.now(),
      });
      line(
        i,
        `epoch ${record.epoch + 1}/${plan.epochs} lr ${(record.lr ?? NaN).toPrecision(3)} ${logged(record)} ` +
          `${rate(record.examplesPerSecond)} ETA ${formatDuration(etaRun(r))} (all: ${formatDuration(etaAll())})`,
      );
    },
    finished(i, record) {
      const r = runs[i]!;
      r.status = record.status;
      const last = record.epochs.at(-1);
      line(
        i,
        `${record.status} in ${formatDuration(elapsed(r.began))}` +
          (last ? `: ${headline(last)} after ${epochsText(last.epoch + 1)}` : "") +
          (record.error ? `\n${record.error}` : ""),
      );
    },
    log: (message) => io.err(message.endsWith("\n") ? message : `${message}\n`),
    stop() {},
  };
}
