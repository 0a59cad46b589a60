import * as tf from "@tensorflow/tfjs-core";
import * as tfd from "@tensorflow/tfjs-data";
import * as tfl from "@tensorflow/tfjs-layers";
import { constant, cosine, exponential, lint, sample, Scheduler, warmup, type Schedule } from "lrkit";
import { timm } from "lrkit/presets";
import { StepLR } from "lrkit/torch";
import { beforeAll, describe, expect, it } from "vitest";
import { disposeOptimizer } from "../optimizers/disposeOptimizer.js";
import { useBackend } from "../test/backends.js";
import { scheduleCallback, type ScheduleCallbackState } from "./scheduleCallback.js";
import { torchOptimizer } from "./torch.js";

beforeAll(() => useBackend("cpu"));

/** A two-input linear model under plain SGD, and `n` examples as arrays and as tensors. */
function setup(n: number, optimizer: tf.Optimizer = tf.train.sgd(0.1)) {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 1, inputShape: [2], kernelInitializer: "zeros" })],
  });
  model.compile({ optimizer, loss: "meanSquaredError" });
  const x = Array.from({ length: n }, (_, i) => [i / n, 1 - i / n]);
  const y = Array.from({ length: n }, (_, i) => [(2 * i) / n - 0.5]);
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y);
  const dispose = () => {
    tf.dispose([xs, ys]);
    disposeOptimizer(optimizer);
    model.dispose();
  };
  return { model, x, y, xs, ys, dispose };
}

/** A plain hook object with every hook (so it also works after a class-based callback) that records each batch's lr. */
function recorder() {
  const lrs: number[] = [];
  return {
    lrs,
    onTrainBegin: async () => {},
    onTrainEnd: async () => {},
    onEpochBegin: async () => {},
    onEpochEnd: async () => {},
    onBatchBegin: async () => {},
    onBatchEnd: async (_batch: number, logs?: tfl.Logs) => void lrs.push(logs!.lr!),
    setParams() {},
    setModel() {},
  };
}

const early = () => tfl.callbacks.earlyStopping({ monitor: "loss", patience: 100 });
const byHand = (schedule: Schedule, n: number) => Array.from(sample(schedule, n));
const asCallbacks = (list: unknown[]) => list as tfl.CustomCallbackArgs[];

describe('scheduleCallback with horizon: "fit"', () => {
  it("stretches the schedule to model.fit's run: epochs x ceil(training samples / batchSize), validationSplit excluded, in either list order", async () => {
    const before = tf.memory().numTensors;
    const [n, batchSize, epochs, validationSplit] = [44, 8, 3, 0.25];
    const T = epochs * Math.ceil((n * (1 - validationSplit)) / batchSize); // 3 * ceil(33 / 8) = 15
    const expected = byHand(cosine({ lr: 0.1, steps: T }), T);
    const run = setup(n);
    const fit = (callbacks: unknown) =>
      run.model.fit(run.xs, run.ys, {
        epochs,
        batchSize,
        validationSplit,
        shuffle: false,
        verbose: 0,
        callbacks: callbacks as tfl.CustomCallbackArgs[],
      });
    const options = { unit: "batch", horizon: "fit" } as const;
    const schedule = cosine({ lr: 0.1, steps: 100 });

    // First among plain hook objects: tfjs-layers wraps each in a CustomCallback.
    const first = recorder();
    const callback = scheduleCallback(run.model, schedule, options);
    const history = await fit([callback, first]);
    expect(first.lrs).toEqual(expected);
    expect(history.history.lr).toEqual([4, 9, 14].map((t) => expected[t]));
    expect(callback.state).toEqual({ unit: "batch", driver: { scheduler: { step: T } } });
    expect(callback.next.lr).toBe(cosine({ lr: 0.1, steps: T })(T));

    // Alone, not in a list.
    const alone = await fit(scheduleCallback(run.model, schedule, options));
    expect(alone.history.lr).toEqual([4, 9, 14].map((t) => expected[t]));

    // After a class-based callback: fit calls it directly, setParams included.
    const after = recorder();
    await fit([early(), scheduleCallback(run.model, schedule, options), after]);
    expect(after.lrs).toEqual(expected);

    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("stretches it to model.fitDataset's run: the batched dataset's size, or batchesPerEpoch", async () => {
    const before = tf.memory().numTensors;
    const [n, batchSize, epochs] = [44, 8, 3];
    const run = setup(n);
    const dataset = () => tfd.zip({ xs: tfd.array(run.x), ys: tfd.array(run.y) }).batch(batchSize);
    const schedule = warmup(cosine({ lr: 0.1, steps: 95 }), { steps: 5 });
    const options = { unit: "batch", horizon: "fit" } as const;

    // The dataset's size: ceil(44 / 8) = 6 batches per epoch.
    const sized = recorder();
    await run.model.fitDataset(dataset(), {
      epochs,
      verbose: 0,
      callbacks: asCallbacks([scheduleCallback(run.model, schedule, options), sized]),
    });
    // 18 / 100: the warmup's 5 steps become 0.9 -> 1, the cosine's 95 become 17.1 -> 17.
    const T = epochs * Math.ceil(n / batchSize);
    expect(sized.lrs).toEqual(byHand(warmup(cosine({ lr: 0.1, steps: 17 }), { steps: 1 }), T));

    // batchesPerEpoch over an endless dataset, after a class-based callback: 3 x 4 = 12 batches.
    const given = recorder();
    await run.model.fitDataset(dataset().repeat(), {
      epochs,
      batchesPerEpoch: 4,
      verbose: 0,
      callbacks: asCallbacks([early(), scheduleCallback(run.model, schedule, options), given]),
    });
    expect(given.lrs).toEqual(byHand(warmup(cosine({ lr: 0.1, steps: 11 }), { steps: 1 }), 12));

    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("sizes a resumed fit (initialEpoch, state) for the same whole run as the uninterrupted one", async () => {
    const [n, batchSize, epochs] = [24, 8, 5];
    const T = epochs * Math.ceil(n / batchSize);
    const schedule = new Scheduler({ lr: cosine({ lr: 0.1, steps: 7 }), momentum: constant({ lr: 0.9 }) });
    const run = setup(n, tf.train.momentum(0.1, 0.5));
    const fit = (callbacks: unknown[], initialEpoch = 0) =>
      run.model.fit(run.xs, run.ys, {
        epochs,
        initialEpoch,
        batchSize,
        shuffle: false,
        verbose: 0,
        callbacks: asCallbacks(callbacks),
      });
    const head = recorder();
    const stopAfterTwo = { onEpochEnd: async (epoch: number) => void (run.model.stopTraining = epoch === 1) };
    const callback = scheduleCallback(run.model, schedule, { unit: "batch", horizon: "fit" });
    await fit([callback, head, stopAfterTwo]);
    expect(head.lrs).toHaveLength(6);
    const state = JSON.parse(JSON.stringify(callback.state)) as ScheduleCallbackState;
    const tail = recorder();
    await fit([scheduleCallback(run.model, schedule, { unit: "batch", horizon: "fit", state }), tail], 2);
    expect([...head.lrs, ...tail.lrs]).toEqual(byHand(cosine({ lr: 0.1, steps: T }), T));
    run.dispose();
  });

  it("refuses a torch scheduler and a schedule without a horizon at once, and an unknown number of batches when fit starts", async () => {
    const optimizer = tf.train.sgd(0.1);
    expect(() =>
      scheduleCallback(optimizer, new StepLR(torchOptimizer(optimizer), { step_size: 2 }), {
        horizon: "fit",
      }),
    ).toThrow(
      new TypeError(
        'scheduleCallback: horizon "fit" needs an lrkit Schedule or Scheduler; a torch scheduler is sized by ' +
          'its own arguments (T_max, total_steps), got horizon "fit"',
      ),
    );
    expect(() =>
      scheduleCallback(optimizer, exponential({ lr: 0.1, gamma: 0.9 }), { horizon: "fit" }),
    ).toThrow(
      new TypeError(
        'scheduleCallback: horizon "fit" needs a schedule with a horizon to stretch, got a schedule of type "exponential" with none',
      ),
    );
    expect(() =>
      scheduleCallback(optimizer, cosine({ lr: 0.1, steps: 9 }), { horizon: "end" as "fit" }),
    ).toThrow(new TypeError('scheduleCallback: horizon must be "schedule" or "fit", got "end"'));
    optimizer.dispose();

    const before = tf.memory().numTensors;
    const run = setup(16);
    const unknown = tfd
      .zip({ xs: tfd.array(run.x), ys: tfd.array(run.y) })
      .filter(() => true)
      .batch(4);
    expect(unknown.size).toBeNull();
    const callback = scheduleCallback(run.model, cosine({ lr: 0.1, steps: 9 }), {
      unit: "batch",
      horizon: "fit",
    });
    await expect(
      run.model.fitDataset(unknown, { epochs: 2, verbose: 0, callbacks: [callback] }),
    ).rejects.toThrow(
      new Error(
        'scheduleCallback: horizon "fit" with unit "batch" needs the number of batches per epoch, which fitDataset ' +
          "cannot know for a dataset of unknown size: pass batchesPerEpoch to fitDataset, or step the schedule " +
          'once per epoch (unit "epoch")',
      ),
    );
    // Per epoch it needs no batch count: 2 epochs.
    const perEpoch = scheduleCallback(run.model, cosine({ lr: 0.1, steps: 9 }), { horizon: "fit" });
    const history = await run.model.fitDataset(unknown, { epochs: 2, verbose: 0, callbacks: [perEpoch] });
    expect(history.history.lr).toEqual(byHand(cosine({ lr: 0.1, steps: 2 }), 2));
    // A preset that is its own closure (no core composition) cannot be rescaled: said when fit
    // starts, with withHorizon's reason.
    const preset = timm.CosineLRScheduler({ lr: 0.3, t_initial: 20 });
    await expect(
      run.model.fit(run.xs, run.ys, {
        epochs: 1,
        verbose: 0,
        callbacks: [scheduleCallback(run.model, preset, { horizon: "fit" })],
      }),
    ).rejects.toThrow(
      /^scheduleCallback: horizon "fit" cannot size the schedule to this run's 1 steps: withHorizon: schedule must be sized by hand for 1 steps: a "timm.CosineLRScheduler" schedule/,
    );
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("scheduleCallback checks the horizon against the run", () => {
  it("warns once per callback, with lint's message and fix, when a horizon in batches is stepped per epoch", async () => {
    // 3 epochs of 80 / 2 = 40 batches, stepped once per epoch, under a cosine of 100 steps.
    const run = setup(80);
    const schedule = cosine({ lr: 0.1, steps: 100 });
    const warnings: string[] = [];
    const callback = scheduleCallback(run.model, schedule, { onWarning: (m) => warnings.push(m) });
    const fit = () =>
      run.model.fit(run.xs, run.ys, { epochs: 3, batchSize: 2, verbose: 0, callbacks: [callback] });
    await fit();
    await fit();
    expect(warnings).toHaveLength(1);
    const [diagnostic, ...others] = lint(schedule, {
      steps: 3,
      unit: "epoch",
      stepsPerEpoch: 40,
      epochs: 3,
    }).filter((d) => d.code.startsWith("horizon-"));
    expect(others).toEqual([]);
    expect(warnings[0]).toBe(
      [
        "scheduleCallback: the schedule's horizon does not fit this run of 3 steps (3 epochs of 40 batches, one step per epoch):",
        `- horizon-in-batches: ${diagnostic!.message} Fix: ${diagnostic!.fix}`,
        'Or let the callback stretch it to the run: scheduleCallback(model, schedule, { horizon: "fit" }).',
      ].join("\n"),
    );
    expect(diagnostic!.fix).toContain("cosine(lr=0.1, steps=3)");
    run.dispose();
  });

  it("says nothing for a schedule sized for the run, for a torch scheduler, or with horizon: fit", async () => {
    const run = setup(80);
    const warnings: string[] = [];
    const onWarning = (m: string) => warnings.push(m);
    const optimizer = run.model.optimizer;
    const fit = (callback: unknown) =>
      run.model.fit(run.xs, run.ys, {
        epochs: 3,
        batchSize: 2,
        verbose: 0,
        callbacks: asCallbacks([callback]),
      });
    await fit(scheduleCallback(run.model, cosine({ lr: 0.1, steps: 3 }), { onWarning }));
    await fit(scheduleCallback(run.model, cosine({ lr: 0.1, steps: 120 }), { unit: "batch", onWarning }));
    await fit(scheduleCallback(run.model, cosine({ lr: 0.1, steps: 100 }), { horizon: "fit", onWarning }));
    await fit(
      scheduleCallback(run.model, new StepLR(torchOptimizer(optimizer), { step_size: 100 }), { onWarning }),
    );
    expect(warnings).toEqual([]);
    // The same run with a horizon in epochs stepped per batch: an error of lint's, reported.
    await fit(scheduleCallback(run.model, cosine({ lr: 0.1, steps: 3 }), { unit: "batch", onWarning }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^scheduleCallback: the schedule's horizon does not fit this run of 120 steps \(3 epochs of 40 batches, one step per batch\):\n- horizon-in-epochs: /,
    );
    run.dispose();
  });
});
