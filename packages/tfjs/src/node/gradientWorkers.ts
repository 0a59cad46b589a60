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
  concat,
  dispose,
  getBackend,
  keep,
  tensor,
  tidy,
  variableGrads,
  type NamedTensorMap,
  type Optimizer,
  type Tensor,
} from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import type { TensorBatch } from "../data/batchSource.js";
import { batchMetrics, forward, totalLoss, trainableVariables } from "../train/batchLoss.js";
import type { Objective } from "../train/objective.js";
import type { GradientPool, ParallelTraining } from "../train/parallel.js";
import type {
  GradientJob,
  GradientReply,
  PlainTensor,
  WorkerInit,
  WorkerMessage,
} from "./gradientProtocol.js";

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
      this.#worker.postMessage(
        job,
        [...job.xs, ...job.ys].map((t) => t.values.buffer as ArrayBuffer),
      );
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }
}

/** Rows `start` … `end − 1` of a tensor's values, as a view. */
function rows(t: PlainTensor, start: number, end: number): PlainTensor {
  const row = t.shape.slice(1).reduce((a, b) => a * b, 1);
  return {
    values: t.values.subarray(start * row, end * row),
    shape: [end - start, ...t.shape.slice(1)],
    dtype: t.dtype,
  };
}

/** A copy with a buffer of its own (it is moved to a worker). */
const copy = (t: PlainTensor): PlainTensor => ({ ...t, values: t.values.slice() });

const toTensor = (t: PlainTensor): Tensor => tensor(t.values, [...t.shape], t.dtype);

const plain = (t: Tensor): PlainTensor => ({
  values: t.dataSync() as PlainTensor["values"],
  shape: t.shape,
  dtype: t.dtype,
});

/**
 * Starts `threads − 1` gradient workers for `model` on the current backend (wasm or cpu) and
 * resolves when they are ready.
 *
 * @throws TypeError on another backend, or for a loss given as a function (it cannot be sent to a
 *   thread); Error when a worker cannot start (for example a model with a custom layer, which its
 *   JSON cannot rebuild).
 */
async function startGradientPool(
  model: LayersModel,
  objective: Objective,
  threads: number,
): Promise<GradientPool> {
  const backend = getBackend();
  if (backend !== "wasm" && backend !== "cpu")
    throw new TypeError(
      `train: gradientWorkers needs the wasm or cpu backend, got ${JSON.stringify(backend)}`,
    );
  if (objective.lossNames === null)
    throw new TypeError(
      "train: gradientWorkers needs every loss given by name (a loss function cannot be sent to a worker thread)",
    );
  const variables = trainableVariables(model);
  const init: WorkerInit = {
    backend,
    topology: model.toJSON(null, false),
    shapes: variables.map((v) => v.shape),
    lossNames: objective.lossNames,
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

  const step = async (optimizer: Optimizer, batch: TensorBatch): Promise<number[]> => {
    const n = batch.size;
    const per = Math.ceil(n / threads);
    const weights = variables.map((v) => v.dataSync() as Float32Array);
    const xs = batch.xs.map(plain);
    const ys = batch.ys.map(plain);
    const sizes: number[] = [];
    const pending: Promise<GradientReply>[] = [];
    for (let i = 1, start = per; start < n; i++, start += per) {
      const end = Math.min(n, start + per);
      sizes.push(end - start);
      pending.push(
        workers[i - 1]!.run({
          weights,
          xs: xs.map((x) => copy(rows(x, start, end))),
          ys: ys.map((y) => copy(rows(y, start, end))),
        }),
      );
    }

    // This thread's slice, while the workers compute theirs.
    const own = Math.min(per, n);
    const ownXs = xs.map((x) => toTensor(rows(x, 0, own)));
    const ownYs = ys.map((y) => toTensor(rows(y, 0, own)));
    let outputs: Tensor[] = [];
    const { value, grads } = variableGrads(() => {
      const out = forward(model, ownXs, true);
      outputs = out.map((o) => keep(o));
      return totalLoss(model, objective, ownYs, out);
    }, variables);
    let loss = (value.dataSync()[0]! * own) / n;
    const mean = variables.map((v) => {
      const g = grads[v.name]!.dataSync();
      const out = new Float32Array(g.length);
      const w = own / n;
      for (let k = 0; k < g.length; k++) out[k] = w * g[k]!;
      return out;
    });
    dispose([...ownXs, ...ownYs, value, ...Object.values(grads)]);

    const replies = await Promise.all(pending);
    replies.forEach((r, j) => {
      const w = sizes[j]! / n;
      loss += r.loss * w;
      mean.forEach((out, i) => {
        const g = r.grads[i]!;
        for (let k = 0; k < out.length; k++) out[k] = out[k]! + w * g[k]!;
      });
    });
    const metrics = tidy(() => {
      const all = outputs.map((o, i) => concat([o, ...replies.map((r) => toTensor(r.outputs[i]!))]));
      return batchMetrics(objective, batch.ys, all).map((m) => m.dataSync()[0]!);
    });
    dispose(outputs);
    const named: NamedTensorMap = {};
    variables.forEach((v, i) => (named[v.name] = tensor(mean[i]!, v.shape, "float32")));
    optimizer.applyGradients(named);
    dispose(Object.values(named));
    return [loss, ...metrics];
  };

  return { threads, step, close };
}

/**
 * Data-parallel training for `train` in Node: each update's batch split between this thread and
 * `threads − 1` worker threads, each with its own TensorFlow.js on the same backend (wasm or cpu)
 * and a copy of the model rebuilt from its JSON at the current weights; the slices' gradients are
 * averaged before the one update. The same run as one thread, up to float rounding. Needs a model
 * that `tf.models.modelFromJSON` can rebuild, losses given by name, and no random training layer.
 *
 * @param threads - threads per update, this one included; an integer of at least 2.
 * @throws RangeError for fewer than 2 threads.
 * @example
 * ```ts
 * import { train } from "@lrkit/tfjs";
 * import { gradientWorkers } from "@lrkit/tfjs/node";
 * await train({ model, data, epochs: 10, loss: "softmaxCrossEntropy", parallel: gradientWorkers(2) });
 * ```
 */
export function gradientWorkers(threads: number): ParallelTraining {
  if (!Number.isInteger(threads) || threads < 2)
    throw new RangeError(`gradientWorkers: threads must be an integer of at least 2, got ${threads}`);
  return { start: (model, objective) => startGradientPool(model, objective, threads) };
}
