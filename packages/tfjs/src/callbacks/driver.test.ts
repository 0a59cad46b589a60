import * as tf from "@tensorflow/tfjs-core";
import { ReduceLROnPlateau, StepLR } from "lrkit/torch";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../test/backends.js";
import { isMetricDriven, makeDriver } from "./driver.js";
import { scheduleCallback } from "./scheduleCallback.js";
import { torchOptimizer } from "./torch.js";

beforeAll(() => useBackend("cpu"));

describe("makeDriver", () => {
  it("knows by itself that ReduceLROnPlateau steps on a metric: step() waits, observe(metric) steps it", () => {
    const optimizer = tf.train.sgd(0.4);
    const plateau = new ReduceLROnPlateau(torchOptimizer(optimizer), { patience: 0, factor: 0.5 });
    expect(isMetricDriven(plateau)).toBe(true);
    const driver = makeDriver("train", plateau);
    expect(driver.observes).toBe(true);
    // What train() does at each epoch's end: observe when the driver observes, then step.
    const lrs: number[] = [];
    for (const loss of [1, 1, 1]) {
      lrs.push(driver.values().lr);
      if (driver.observes) driver.observe(loss);
      driver.step(); // ReduceLROnPlateau.step() without the metric would throw; the driver does not call it.
    }
    expect(lrs).toEqual([0.4, 0.4, 0.2]);
    expect(driver.values().lr).toBe(0.1);
    optimizer.dispose();
  });

  it("steps every other torch scheduler itself and does not observe", () => {
    const optimizer = tf.train.sgd(0.4);
    const step = new StepLR(torchOptimizer(optimizer), { step_size: 1, gamma: 0.5 });
    expect(isMetricDriven(step)).toBe(false);
    const driver = makeDriver("train", step);
    expect(driver.observes).toBe(false);
    driver.step();
    expect(driver.values().lr).toBe(0.2);
    optimizer.dispose();
  });

  it("lets scheduleCallback require monitor for ReduceLROnPlateau and refuse it for the others", () => {
    const optimizer = tf.train.sgd(0.4);
    const plateau = new ReduceLROnPlateau(torchOptimizer(optimizer));
    expect(() => scheduleCallback(optimizer, plateau)).toThrow(
      new TypeError(
        'scheduleCallback: ReduceLROnPlateau steps on a metric; give options.monitor (a log key such as "val_loss")',
      ),
    );
    expect(() => scheduleCallback(optimizer, plateau, { monitor: "val_loss" })).not.toThrow();
    expect(() =>
      scheduleCallback(optimizer, new StepLR(torchOptimizer(optimizer), { step_size: 1 }), {
        monitor: "loss",
      }),
    ).toThrow(
      new TypeError(
        'scheduleCallback: options.monitor needs a metric-driven torch scheduler (ReduceLROnPlateau), got monitor "loss"',
      ),
    );
    optimizer.dispose();
  });
});
