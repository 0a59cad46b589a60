import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { wsd } from "./wsd.js";

describe("wsd", () => {
  const T = [0, 12, 13, 16, 19, 20, 30];
  // Expected: timm/scheduler/wsd_lr.py _get_lr's formula (t_initial=20, decay_t=8, lr_min=0.001, no warmup), in CPython.
  it.each([
    ["linear", [0.1, 0.1, 0.08762500000000001, 0.0505, 0.013375000000000001, 0.001, 0.001]],
    ["1-sqrt", [0.1, 0.1, 0.0649982143312659, 0.029996428662531792, 0.007393979677344952, 0.001, 0.001]],
    ["cosine", [0.1, 0.1, 0.0962320368593087, 0.0505, 0.004767963140691307, 0.001, 0.001]],
    ["power", [0.1, 0.1, 0.0649982143312659, 0.029996428662531792, 0.007393979677344952, 0.001, 0.001]],
    [
      "exponential",
      [0.1, 0.1, 0.07248836302657015, 0.024785054261852176, 0.004668735753796564, 0.001, 0.001],
    ],
  ] as const)("decays with the %s shape as timm's WSDLRScheduler", (decay, expected) => {
    expectValues(wsd({ lr: 0.1, steps: 20, decaySteps: 8, minLr: 0.001, decay }), expected, T);
  });

  it("decays slowly during a rsqrt stable phase", () => {
    const s = wsd({ lr: 1, steps: 100, decaySteps: 10, stable: "rsqrt", stableTimescale: 10 });
    expect(s(30)).toBeCloseTo(0.5, 15);
  });

  it("rejects a decay longer than the run and a rsqrt phase without timescale", () => {
    expectThrow(
      () => wsd({ lr: 1, steps: 10, decaySteps: 11 }),
      RangeError,
      "wsd: decaySteps must not exceed steps (10), got 11",
    );
    expectThrow(
      () => wsd({ lr: 1, steps: 10, decaySteps: 5, stable: "rsqrt" }),
      TypeError,
      'wsd: stableTimescale is required with stable "rsqrt", got undefined',
    );
  });
});
