/**
 * The live display of a compare on stderr: one bar per run and one for the whole (cli-progress's
 * MultiBar) on a terminal; plain lines otherwise (one per epoch, and one every 15 s within a long
 * epoch), so that logs and tests see the progress too.
 *
 * @module
 */
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { processIo, type Io } from "../io.js";
import type { RunRecord } from "./pool.js";
import type { EpochSummary } from "./protocol.js";

/** The display's view of the plan. */
export interface ProgressPlan {
  /** The runs' names. */
  readonly names: readonly string[];
  readonly epochs: number;
  readonly batchesPerEpoch: number;
  readonly batchSize: number;
}

/** A progress display fed by the pool's events. */
export interface RunProgress {
  started(run: number): void;
  batch(run: number, e: { epoch: number; batch: number; loss: number }): void;
  epoch(run: number, record: EpochSummary): void;
  finished(run: number, record: RunRecord): void;
  /** Prints a message without breaking the bars. */
  log(message: string): void;
  /** Ends the display. */
  stop(): void;
}

/** `1h02m`, `4m05s`, `37s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

const epochsText = (n: number) => `${n} epoch${n === 1 ? "" : "s"}`;
const num = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : "nan");
const rate = (v: number) => `${Math.round(v).toLocaleString("en-US")} ex/s`;

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
  const perRun = plan.epochs * plan.batchesPerEpoch;
  const total = perRun * plan.names.length;
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
  const etaRun = (r: RunState) => ((perRun - r.done) * elapsed(r.began)) / Math.max(1, r.done);
  const etaAll = () => {
    const done = doneAll();
    const remaining = runs.reduce(
      (s, r) => s + (r.status === "running" || r.status === "queued" ? perRun - r.done : 0),
      0,
    );
    return done === 0 ? NaN : (remaining * elapsed(began)) / done;
  };
  const speed = (r: RunState) => (r.done * plan.batchSize) / Math.max(1e-9, elapsed(r.began));
  const runStatus = (r: RunState) =>
    `epoch ${Math.min(r.epoch + 1, plan.epochs)}/${plan.epochs} batch ${r.done % plan.batchesPerEpoch || (r.done ? plan.batchesPerEpoch : 0)}/${plan.batchesPerEpoch} ` +
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
      multi.create(perRun, 0, { name: name.padEnd(width), status: "queued" }),
    );
    const all = multi.create(total, 0, { name: "total".padEnd(width), status: totalStatus() });
    const refresh = (i: number, status: string) => {
      bars[i]!.update(runs[i]!.done, { status });
      all.update(doneAll(), { status: totalStatus() });
    };
    return {
      started(i) {
        Object.assign(runs[i]!, { began: performance.now(), status: "running" });
        refresh(i, "starting");
      },
      batch(i, e) {
        const r = runs[i]!;
        Object.assign(r, {
          done: e.epoch * plan.batchesPerEpoch + e.batch + 1,
          loss: e.loss,
          epoch: e.epoch,
        });
        refresh(i, runStatus(r));
      },
      epoch(i, record) {
        const r = runs[i]!;
        Object.assign(r, { done: (record.epoch + 1) * plan.batchesPerEpoch, epoch: record.epoch + 1 });
        refresh(i, `${runStatus(r)} test acc ${num(record.testAcc)}`);
      },
      finished(i, record) {
        const r = runs[i]!;
        r.status = record.status;
        const last = record.epochs.at(-1);
        refresh(
          i,
          `${record.status}${last ? `: test acc ${num(last.testAcc)} after ${epochsText(last.epoch + 1)}` : ""} in ${formatDuration(elapsed(r.began))}`,
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
      const r = runs[i]!;
      Object.assign(r, { done: e.epoch * plan.batchesPerEpoch + e.batch + 1, loss: e.loss, epoch: e.epoch });
      if (performance.now() - r.lastLine >= 15_000) {
        r.lastLine = performance.now();
        line(i, runStatus(r));
      }
    },
    epoch(i, record) {
      const r = runs[i]!;
      Object.assign(r, {
        done: (record.epoch + 1) * plan.batchesPerEpoch,
        epoch: record.epoch + 1,
        lastLine: performance.now(),
      });
      line(
        i,
        `epoch ${record.epoch + 1}/${plan.epochs} lr ${record.lr.toPrecision(3)} train loss ${num(record.trainLoss)} ` +
          `train acc ${num(record.trainAcc)} test acc ${num(record.testAcc)} ${rate(record.examplesPerSecond)} ` +
          `ETA ${formatDuration(etaRun(r))} (all: ${formatDuration(etaAll())})`,
      );
    },
    finished(i, record) {
      const r = runs[i]!;
      r.status = record.status;
      const last = record.epochs.at(-1);
      line(
        i,
        `${record.status} in ${formatDuration(elapsed(r.began))}` +
          (last ? `: test acc ${num(last.testAcc)} after ${epochsText(last.epoch + 1)}` : "") +
          (record.error ? `\n${record.error}` : ""),
      );
    },
    log: (message) => io.err(message.endsWith("\n") ? message : `${message}\n`),
    stop() {},
  };
}
