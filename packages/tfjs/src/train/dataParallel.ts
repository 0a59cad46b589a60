/**
 * Data-parallel training on worker threads: each update's batch is split between this thread and
 * `threads − 1` workers, each with its own TensorFlow.js instance and a copy of the model at the
 * same weights; the gradients of the slices are averaged (weighted by slice size) and applied
 * here, once, by the optimizer. The result is the single-thread update up to float rounding.
 *
 * Why: the wasm backend runs on one thread in Node, so on a machine with several cores one
 * training step leaves the others idle. Written by hand because no library splits a TensorFlow.js
 * step across threads.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import {
  dispose,
  getBackend,
  keep,
  losses,
  tensor,
  tensor2d,
  tensor4d,
  variableGrads,
  type NamedTensorMap,
  type Optimizer,
  type Scalar,
  type Tensor,
  type Variable,
} from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { Batch } from "../data/batches.js";
import type { GradientJob, GradientReply, WorkerInit, WorkerMessage } from "./dataParallelTypes.js";
import { countCorrect } from "./evaluate.js";

/** What one data-parallel update measured. */
export interface StepOutcome {
  /** The mean loss over the batch. */
  readonly loss: number;
  /** How many examples of the batch the model classified right (before the update). */
  readonly correct: number;
}

/** A running set of gradient workers. */
export interface GradientPool {
  /** Threads used per update, this one included. */
  readonly threads: number;
  /** One update of `optimizer` on `batch`, split across the threads. */
  step(optimizer: Optimizer, batch: Batch): Promise<StepOutcome>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * How to start the worker: the compiled `gradientWorker.js`, or, when this module runs as
 * TypeScript (under the test runner), `gradientWorker.ts` through a bootstrap that registers tsx.
 */
function workerEntry(): { url: URL; argv: string[] } {
  if (!import.meta.url.endsWith(".ts"))
    return { url: new URL("./gradientWorker.js", import.meta.url), argv: [] };
  const entry = new URL("./gradientWorker.ts", import.meta.url).href;
  return { url: new URL("../test/tsWorker.mjs", import.meta.url), argv: [entry] };
}

/** One worker and the reply it owes. */
class GradientWorker {
  readonly #worker: Worker;
  #pending: { resolve: (r: GradientReply) => void; reject: (e: Error) => void } | undefined;
  readonly ready: Promise<void>;

  constructor(init: WorkerInit) {
    const { url, argv } = workerEntry();
    this.#worker = new Worker(url, { workerData: init, argv });
    this.ready = new Promise((resolve, reject) => {
      const fail = (e: Error) => {
        reject(e);
        this.#pending?.reject(e);
        this.#pending = undefined;
      };
      this.#worker.on("message", (m: WorkerMessage) => {
        if (m.type === "ready") resolve();
        else if (m.type === "error") fail(new Error(`train: a gradient worker failed: ${m.message}`));
        else {
          this.#pending?.resolve(m.reply);
          this.#pending = undefined;
        }
      });
      this.#worker.on("error", (e) => fail(new Error(`train: a gradient worker failed: ${e.message}`)));
      this.#worker.on("exit", (code) => fail(new Error(`train: a gradient worker exited (code ${code})`)));
    });
    // A failure before anyone awaits `ready` is reported by the next `run` or by `ready` itself.
    this.ready.catch(() => undefined);
  }

  run(job: GradientJob): Promise<GradientReply> {
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.postMessage(job, [job.x.buffer as ArrayBuffer, job.y.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }
}

/**
 * Starts `threads − 1` gradient workers for `model` on the current backend (wasm or cpu) and
 * resolves when they are ready.
 *
 * @throws TypeError on another backend; Error when a worker cannot start (for example a model
 *   with a custom layer, which its JSON cannot rebuild).
 */
export async function startGradientPool(
  model: LayersModel,
  threads: number,
  classes: number,
): Promise<GradientPool> {
  const backend = getBackend();
  if (backend !== "wasm" && backend !== "cpu")
    throw new TypeError(`train: workers > 1 needs the wasm or cpu backend, got ${JSON.stringify(backend)}`);
  const variables = model.trainableWeights.map((w) => w.read() as Variable);
  const init: WorkerInit = {
    backend,
    topology: model.toJSON(null, false),
    shapes: variables.map((v) => v.shape),
    classes,
  };
  const workers = Array.from({ length: threads - 1 }, () => new GradientWorker(init));
  const close = async () => {
    await Promise.all(workers.map((w) => w.close()));
  };
  try {
    await Promise.all(workers.map((w) => w.ready));
  } catch (e) {
    await close();
    throw e;
  }

  const step = async (optimizer: Optimizer, batch: Batch): Promise<StepOutcome> => {
    const n = batch.size;
    const per = Math.ceil(n / threads);
    const pixels = batch.shape[1] * batch.shape[2] * batch.shape[3];
    const weights = variables.map((v) => v.dataSync() as Float32Array);
    const slice = (start: number, end: number): GradientJob => ({
      weights,
      x: batch.x.slice(start * pixels, end * pixels),
      shape: [end - start, batch.shape[1], batch.shape[2], batch.shape[3]],
      y: batch.y.slice(start * classes, end * classes),
      labels: batch.labels.slice(start, end),
    });
    const sizes: number[] = [];
    const pending: Promise<GradientReply>[] = [];
    for (let i = 1, start = per; start < n; i++, start += per) {
      const end = Math.min(n, start + per);
      sizes.push(end - start);
      pending.push(workers[i - 1]!.run(slice(start, end)));
    }

    // This thread's slice, while the workers compute theirs.
    const own = Math.min(per, n);
    const xs = tensor4d(batch.x.subarray(0, own * pixels), [
      own,
      batch.shape[1],
      batch.shape[2],
      batch.shape[3],
    ]);
    const ys = tensor2d(batch.y.subarray(0, own * classes), [own, classes]);
    let logits: Tensor | undefined;
    const { value, grads } = variableGrads(() => {
      const out = model.apply(xs, { training: true }) as Tensor;
      logits = keep(out);
      return losses.softmaxCrossEntropy(ys, out) as Scalar;
    }, variables);
    let loss = (value.dataSync()[0]! * own) / n;
    let correct = countCorrect(logits!.dataSync(), batch.labels.subarray(0, own), classes);
    const mean = variables.map((v) => {
      const g = grads[v.name]!.dataSync();
      const out = new Float32Array(g.length);
      const w = own / n;
      for (let k = 0; k < g.length; k++) out[k] = w * g[k]!;
      return out;
    });
    dispose([xs, ys, value, logits!, ...Object.values(grads)]);

    const replies = await Promise.all(pending);
    replies.forEach((r, j) => {
      const w = sizes[j]! / n;
      loss += r.loss * w;
      correct += r.correct;
      mean.forEach((out, i) => {
        const g = r.grads[i]!;
        for (let k = 0; k < out.length; k++) out[k] = out[k]! + w * g[k]!;
      });
    });
    const named: NamedTensorMap = {};
    variables.forEach((v, i) => (named[v.name] = tensor(mean[i]!, v.shape, "float32")));
    optimizer.applyGradients(named);
    dispose(Object.values(named));
    return { loss, correct };
  };

  return { threads, step, close };
}
