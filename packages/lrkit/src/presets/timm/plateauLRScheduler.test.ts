import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectCloseAt, expectThrow } from "../../test/expect.js";
import { PlateauLRScheduler, type PlateauLRSchedulerOptions } from "./plateauLRScheduler.js";

interface PlateauCase {
  readonly id: string;
  readonly options: PlateauLRSchedulerOptions;
  readonly calls: readonly [number, number | string | null][];
  readonly initial: number;
  readonly values: readonly number[];
}

// golden/plateau.json: timm 1.0.29's PlateauLRScheduler on torch 2.13.0, written by
// golden/generate_plateau.py (see golden/README.md).
const golden = JSON.parse(
  readFileSync(fileURLToPath(new URL("./golden/plateau.json", import.meta.url)), "utf8"),
) as { cases: PlateauCase[] };

/** The lr after construction and after each `step(epoch, metric)` of `calls`. */
function run(options: PlateauLRSchedulerOptions, calls: PlateauCase["calls"]): number[] {
  const policy = PlateauLRScheduler(options);
  let state = policy.init();
  const out = [policy.lr(state)];
  for (const [epoch, metric] of calls) {
    state = policy.step(state, epoch, metric === null ? undefined : Number(metric));
    out.push(policy.lr(state));
  }
  return out;
}

describe("timm.PlateauLRScheduler", () => {
  it("gives timm's lr after construction and after every step, on every case of golden/plateau.json", () => {
    expect(golden.cases.length).toBe(60);
    for (const c of golden.cases) {
      const [initial, ...values] = run(c.options, c.calls);
      expectCloseAt(initial!, c.initial, -1, 0);
      values.forEach((v, k) => expectCloseAt(v, c.values[k]!, k, 0));
    }
  });

  it("warms up to lr by warmup_t, ignoring metrics, then cuts on a plateau (mode max by default)", () => {
    const policy = PlateauLRScheduler({ lr: 0.1, warmup_t: 2, warmup_lr_init: 0.01, patience_t: 1 });
    const lrs = run(policy.options, [
      [1, 0.5],
      [2, 0.1],
      [3, 0.5],
      [4, 0.5],
      [5, 0.5],
      [6, 0.6],
    ]);
    // Expected: timm 1.0.29 PlateauLRScheduler(SGD(lr=0.1), warmup_t=2, warmup_lr_init=0.01,
    // patience_t=1), the group's lr after construction and after each step (torch 2.13.0).
    const expected = [0.01, 0.05500000000000001, 0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002];
    lrs.forEach((v, k) => expectCloseAt(v, expected[k]!, k, 0));
  });

  it("keeps its state as plain JSON: a restored state continues the same sequence", () => {
    const policy = PlateauLRScheduler({ lr: 0.1, patience_t: 0, mode: "min", cooldown_t: 1 });
    let state = policy.init();
    for (const [epoch, loss] of [
      [1, 1],
      [2, 1],
      [3, 1],
    ]) {
      state = policy.step(state, epoch!, loss);
    }
    const restored = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(policy.lr(policy.step(restored, 4, 1))).toBe(policy.lr(policy.step(state, 4, 1)));
  });

  it("rejects bad options, naming the preset, the parameter and the value", () => {
    expectThrow(
      () => PlateauLRScheduler({ lr: 0.1, decay_rate: 1 }),
      RangeError,
      "timm.PlateauLRScheduler: decay_rate must be in (0, 1), got 1",
    );
    expectThrow(
      () => PlateauLRScheduler({ lr: 0.1, mode: "up" as never }),
      RangeError,
      /^timm\.PlateauLRScheduler: mode must be one of/,
    );
    expectThrow(
      () => PlateauLRScheduler({ lr: 0.1, noise_range_t: 5 } as never),
      TypeError,
      /^timm\.PlateauLRScheduler: unknown parameter "noise_range_t"/,
    );
  });
});
