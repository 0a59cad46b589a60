/**
 * The worker thread of data-parallel training (see `gradientWorkers.ts`): its own TensorFlow.js on
 * its own backend, a copy of the model rebuilt from its JSON topology with the same losses, and
 * one job: given the current weights and a slice of a batch, return the slice's loss, its
 * gradients and the model's outputs.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs-core";
import { models } from "@tensorflow/tfjs-layers";
import { registerLrkitKernels } from "../backend/kernels/registerKernels.js";
import { forward, totalLoss, trainableVariables } from "../train/batchLoss.js";
import { objectiveOf } from "../train/objective.js";
import type { GradientJob, GradientReply, PlainTensor, WorkerInit } from "./gradientProtocol.js";

const port = parentPort!;
const init = workerData as WorkerInit;

const toTensor = (t: PlainTensor) => tf.tensor(t.values, [...t.shape], t.dtype);

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
  const objective = objectiveOf("train", model, { loss: [...init.lossNames] });
  const variables = trainableVariables(model);
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
    const xs = job.xs.map(toTensor);
    const ys = job.ys.map(toTensor);
    let outputs: tf.Tensor[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const out = forward(model, xs, true);
      outputs = out.map((o) => tf.keep(o));
      return totalLoss(model, objective, ys, out);
    }, variables);
    const reply: GradientReply = {
      loss: value.dataSync()[0]!,
      // Copies: the cpu backend's dataSync returns its own storage, and these buffers are moved.
      grads: variables.map((v) => Float32Array.from(grads[v.name]!.dataSync())),
      outputs: outputs.map((o) => ({
        values: Float32Array.from(o.dataSync()),
        shape: o.shape,
        dtype: "float32",
      })),
    };
    tf.dispose([...xs, ...ys, value, ...outputs, ...Object.values(grads)]);
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
          [...reply.grads, ...reply.outputs.map((o) => o.values)].map((g) => g.buffer as ArrayBuffer),
        );
      } catch (e) {
        port.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
      }
    },
    () => undefined,
  );
});
