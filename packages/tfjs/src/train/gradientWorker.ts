/**
 * The worker thread of data-parallel training (see `dataParallel.ts`): its own TensorFlow.js on
 * its own backend, a copy of the model rebuilt from its JSON topology, and one job: given the
 * current weights and a slice of a batch, return the slice's mean loss, how many of its examples
 * the model gets right, and the gradients of the mean loss.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs-core";
import { models } from "@tensorflow/tfjs-layers";
import { registerLrkitKernels } from "../backend/kernels/registerKernels.js";
import type { GradientJob, GradientReply, WorkerInit } from "./dataParallelTypes.js";
import { countCorrect } from "./evaluate.js";

const port = parentPort!;
const init = workerData as WorkerInit;

async function start(): Promise<(job: GradientJob) => GradientReply> {
  if (init.backend === "wasm") await import("@tensorflow/tfjs-backend-wasm");
  else await import("@tensorflow/tfjs-backend-cpu");
  registerLrkitKernels(init.backend);
  if (!(await tf.setBackend(init.backend))) throw new Error(`tf.setBackend("${init.backend}") failed`);
  await tf.ready();
  if (init.backend === "cpu") (tf.backend() as { firstUse?: boolean }).firstUse = false;
  const model = await models.modelFromJSON({
    modelTopology: init.topology as tf.io.ModelJSON["modelTopology"],
  });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  if (variables.length !== init.shapes.length)
    throw new Error(
      `the rebuilt model has ${variables.length} trainable weights, the original ${init.shapes.length}`,
    );

  const baseline = tf.memory().numTensors;
  return (job) => {
    // assign() keeps the new value's data but not its tensor: tidy frees the tensor.
    tf.tidy(() =>
      variables.forEach((v, i) => v.assign(tf.tensor(job.weights[i]!, [...init.shapes[i]!], "float32"))),
    );
    const size = job.shape[0];
    const xs = tf.tensor4d(job.x, job.shape);
    const ys = tf.tensor2d(job.y, [size, init.classes]);
    let logits: tf.Tensor | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const out = model.apply(xs, { training: true }) as tf.Tensor;
      logits = tf.keep(out);
      return tf.losses.softmaxCrossEntropy(ys, out) as tf.Scalar;
    }, variables);
    const reply: GradientReply = {
      loss: value.dataSync()[0]!,
      correct: countCorrect(logits!.dataSync(), job.labels, init.classes),
      // Copies: the cpu backend's dataSync returns its own storage, and these buffers are moved.
      grads: variables.map((v) => Float32Array.from(grads[v.name]!.dataSync())),
    };
    tf.dispose([xs, ys, value, logits!, ...Object.values(grads)]);
    // A job leaves nothing behind (a leak here would grow with every update of a run).
    if (tf.memory().numTensors !== baseline)
      throw new Error(`a gradient job left ${tf.memory().numTensors - baseline} tensors behind`);
    return reply;
  };
}

const ready = start();
ready.then(
  () => port.postMessage({ type: "ready" }),
  (e: unknown) => port.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) }),
);
port.on("message", (job: GradientJob) => {
  ready.then(
    (run) => {
      try {
        const reply = run(job);
        port.postMessage(
          { type: "grads", reply },
          reply.grads.map((g) => g.buffer as ArrayBuffer),
        );
      } catch (e) {
        port.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
      }
    },
    () => undefined,
  );
});
