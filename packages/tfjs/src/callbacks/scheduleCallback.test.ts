import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { constant, cosine, linear, multiStep, Scheduler, type Schedule } from "lrkit";
import { beforeAll, describe, expect, it } from "vitest";
import { createOptimizer } from "../optimizers/createOptimizer.js";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { OPTIMIZER_NAMES, type OptimizerName } from "../optimizers/optimizerName.js";
import { useBackend } from "../test/backends.js";
import { scheduleCallback } from "./scheduleCallback.js";
import { torchOptimizer, type TorchParamGroup, type TorchSchedulerLike } from "./torch.js";

beforeAll(() => useBackend("cpu"));

/**
 * A one-weight model y = w·x with x = 1 and the mean absolute error against a target far below:
 * the gradient of every batch is exactly 1. A first callback resets w to 0 before each batch
 * and records it after: the recorded values are the updates themselves.
 */
function oneWeight(name: OptimizerName, options = {}) {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 1, useBias: false, inputShape: [1], kernelInitializer: "zeros" })],
  });
  const optimizer = createOptimizer(name, { lr: 0.5, ...options });
  model.compile({ optimizer, loss: "meanAbsoluteError" });
  const updates: number[] = [];
  const batchLogs: Record<string, unknown>[] = [];
  const recorder = {
    onBatchBegin: async () => {
      model.setWeights([tf.zeros([1, 1])].map((t) => tf.keep(t)));
    },
    onBatchEnd: async (_: number, logs?: tfl.Logs) => {
      updates.push(model.getWeights()[0]!.dataSync()[0]!);
      batchLogs.push({ ...logs });
    },
  };
  const xs = tf.ones([8, 1]);
  const ys = tf.fill([8, 1], -1000);
  const fit = (callbacks: tfl.CustomCallbackArgs[], epochs: number) =>
    model.fit(xs, ys, {
      epochs,
      batchSize: 2,
      shuffle: false,
      verbose: 0,
      callbacks: [recorder, ...callbacks],
    });
  const dispose = () => {
    tf.dispose([xs, ys]);
    disposeOptimizer(optimizer);
    model.dispose();
  };
  return { model, optimizer, fit, updates, batchLogs, dispose };
}

/** The updates of `name` at lr 1 under a constant gradient of 1: update_t / unit_t is lr_t. */
function unitUpdates(name: OptimizerName, steps: number, options = {}): number[] {
  const optimizer = createOptimizer(name, { lr: 1, ...options });
  const w = tf.variable(tf.zeros([1]));
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    w.assign(tf.zeros([1]));
    optimizer.minimize(() => tf.sum(w), false, [w]);
    out.push(w.dataSync()[0]!);
  }
  w.dispose();
  disposeOptimizer(optimizer);
  return out;
}

const schedule: Schedule = cosine({ lr: 0.2, steps: 12, minLr: 0.01 });

describe("scheduleCallback with unit: batch", () => {
  for (const name of OPTIMIZER_NAMES) {
    it(`makes every ${name} update use the schedule's lr, and logs it (read back from the updates)`, async () => {
      const options = name === "rmsprop" ? { momentum: 0 } : {};
      const run = oneWeight(name, options);
      const history = await run.fit([scheduleCallback(run.model, schedule, { unit: "batch" })], 3);
      const unit = unitUpdates(name, 12, options);
      expect(run.updates).toHaveLength(12);
      run.updates.forEach((u, t) => expect(u / unit[t]!).toBeCloseTo(Math.fround(schedule(t)), 6));
      expect(run.batchLogs.map((l) => l.lr)).toEqual([...Array(12).keys()].map((t) => schedule(t)));
      expect(history.history.lr).toEqual([3, 7, 11].map((t) => schedule(t)));
      run.dispose();
    });
  }
});

describe("scheduleCallback with unit: epoch", () => {
  it("holds the lr for a whole epoch and steps it between epochs", async () => {
    const run = oneWeight("sgd");
    const s = multiStep({ lr: 0.1, milestones: [1, 2], gamma: 0.5 });
    const history = await run.fit([scheduleCallback(run.model, s)], 3);
    expect(run.updates.map((u) => -u)).toEqual(
      [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025].map(Math.fround),
    );
    expect(history.history.lr).toEqual([0.1, 0.05, 0.025]);
    run.dispose();
  });

  it("drives momentum from a Scheduler and logs it", async () => {
    const run = oneWeight("momentum", { momentum: 0.5 });
    const scheduler = new Scheduler({
      lr: constant({ lr: 0.1 }),
      momentum: linear({ from: 0.95, to: 0.85, steps: 2 }),
    });
    const history = await run.fit([scheduleCallback(run.model, scheduler)], 3);
    const momenta = [0.95, 0.9, 0.85];
    let acc = 0;
    run.updates.forEach((u, t) => {
      acc = momenta[Math.floor(t / 4)]! * acc + 1;
      expect(u / (-0.1 * acc)).toBeCloseTo(1, 5);
    });
    expect(history.history.momentum).toEqual([0, 1, 2].map(linear({ from: 0.95, to: 0.85, steps: 2 })));
    expect(scheduler.steps).toBe(3);
    run.dispose();
  });
});

describe("scheduleCallback with anything shaped like an lrkit/torch scheduler", () => {
  /** A StepLR-shaped scheduler through the structural interface (step_size 2, gamma 0.1). */
  class StepLike implements TorchSchedulerLike {
    last_epoch = 0;
    constructor(readonly optimizer: { param_groups: TorchParamGroup[] }) {
      for (const g of optimizer.param_groups) g.initial_lr = g.lr;
    }
    step() {
      this.last_epoch += 1;
      for (const g of this.optimizer.param_groups)
        g.lr = (g.initial_lr as number) * 0.1 ** Math.floor(this.last_epoch / 2);
    }
    state_dict() {
      return { last_epoch: this.last_epoch };
    }
    load_state_dict(state: Record<string, unknown>) {
      this.last_epoch = state.last_epoch as number;
    }
  }

  it("copies group 0 into the tfjs optimizer before each unit and steps after it", async () => {
    const run = oneWeight("sgd");
    const torch = new StepLike(torchOptimizer(run.optimizer));
    expect(torch.optimizer.param_groups[0]!.lr).toBe(0.5);
    const history = await run.fit([scheduleCallback(run.model, torch)], 5);
    expect(history.history.lr).toEqual([0, 1, 2, 3, 4].map((i) => 0.5 * 0.1 ** Math.floor(i / 2)));
    expect(run.updates.slice(-1)[0]).toBeCloseTo(-Math.fround(0.5 * 0.1 ** 2), 7);
    run.dispose();
  });
});

describe("scheduleCallback", () => {
  it("works after a class-based callback (fit then calls it as a BaseCallback)", async () => {
    const run = oneWeight("sgd");
    const early = tfl.callbacks.earlyStopping({ monitor: "loss", patience: 50 });
    const history = await run.model.fit(tf.ones([4, 1]), tf.fill([4, 1], -1000), {
      epochs: 2,
      batchSize: 2,
      verbose: 0,
      callbacks: [early, scheduleCallback(run.model, schedule) as unknown as tfl.Callback],
    });
    expect(history.history.lr).toEqual([schedule(0), schedule(1)]);
    run.dispose();
  });

  it("rejects bad arguments, naming the function, the parameter and the value", () => {
    const optimizer = tf.train.sgd(0.1);
    expect(() => scheduleCallback(optimizer, schedule, { unit: "step" as "batch" })).toThrow(
      new TypeError('scheduleCallback: unit must be "batch" or "epoch", got "step"'),
    );
    expect(() => scheduleCallback(optimizer, (() => 0.1) as unknown as Schedule)).toThrow(
      new TypeError(
        "scheduleCallback: schedule must be an lrkit Schedule, a Scheduler or an lrkit/torch scheduler",
      ),
    );
    expect(() => scheduleCallback(optimizer, new Scheduler({ lr: schedule, weightDecay: schedule }))).toThrow(
      /^scheduleCallback: the Scheduler schedules "weightDecay"/,
    );
    expect(() => scheduleCallback(optimizer, new Scheduler(schedule, { plateau: { patience: 1 } }))).toThrow(
      'scheduleCallback: the Scheduler has a plateau policy; give options.monitor (a log key such as "val_loss")',
    );
    expect(() => scheduleCallback(optimizer, schedule, { monitor: "loss" })).toThrow(
      'scheduleCallback: options.monitor needs a Scheduler with a plateau policy, got monitor "loss"',
    );
    expect(() =>
      scheduleCallback(optimizer, schedule, {
        unit: "batch",
        state: { unit: "epoch", driver: { scheduler: { step: 1 } } },
      }),
    ).toThrow('scheduleCallback: state was saved with unit "epoch", got unit "batch"');
    optimizer.dispose();
  });

  it("refuses to set momentum on an optimizer without one, when fit starts", async () => {
    const run = oneWeight("sgd");
    const scheduler = new Scheduler({ lr: schedule, momentum: constant({ lr: 0.9 }) });
    await expect(run.fit([scheduleCallback(run.model, scheduler)], 1)).rejects.toThrow(
      "scheduleCallback: the schedule sets momentum 0.9, but a sgd optimizer has none",
    );
    run.dispose();
  });
});
