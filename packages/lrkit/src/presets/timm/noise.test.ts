import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectThrow } from "../../test/expect.js";
import { CosineLRScheduler } from "./cosineLRScheduler.js";
import { MultiStepLRScheduler } from "./multiStepLRScheduler.js";
import { PolyLRScheduler } from "./polyLRScheduler.js";
import { StepLRScheduler } from "./stepLRScheduler.js";
import { TanhLRScheduler } from "./tanhLRScheduler.js";

// timm/scheduler/scheduler.py `_add_noise` seeds a torch.Generator with noise_seed + t and redraws
// a standard normal until |n| < noise_pct (noise_std is never used). lrkit's noise is deterministic
// per (noise_seed, t) too but draws from its own generator, so it is tested by its properties, not
// against torch's numbers.
describe("timm noise (noise_range_t, noise_pct, noise_seed)", () => {
  const base = { lr: 0.1, t_initial: 50, lr_min: 1e-3, warmup_t: 5, warmup_lr_init: 1e-3 };

  it("multiplies the lr by 1 + n with |n| < noise_pct, only for start <= t < end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer(),
        (start, length, noise_pct, noise_seed) => {
          const clean = CosineLRScheduler(base);
          const noisy = CosineLRScheduler({
            ...base,
            noise_range_t: [start, start + length],
            noise_pct,
            noise_seed,
          });
          for (let t = 0; t < 70; t++) {
            if (t >= start && t < start + length) {
              expect(Math.abs(noisy(t) / clean(t) - 1)).toBeLessThan(noise_pct * (1 + 1e-12));
            } else expect(noisy(t)).toBe(clean(t));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("gives the same noise for the same seed, in any order, and other noise for another seed", () => {
    const a = StepLRScheduler({ lr: 0.1, decay_t: 10, decay_rate: 0.5, noise_range_t: 0, noise_seed: 7 });
    const b = StepLRScheduler({ lr: 0.1, decay_t: 10, decay_rate: 0.5, noise_range_t: 0, noise_seed: 7 });
    const c = StepLRScheduler({ lr: 0.1, decay_t: 10, decay_rate: 0.5, noise_range_t: 0, noise_seed: 8 });
    const steps = Array.from({ length: 40 }, (_, t) => t);
    const forward = steps.map((t) => a(t));
    const backward = [...steps]
      .reverse()
      .map((t) => b(t))
      .reverse();
    expect(backward).toEqual(forward);
    expect(steps.some((t) => c(t) !== a(t))).toBe(true);
    expect(new Set(forward).size).toBeGreaterThan(30);
  });

  it("applies a number noise_range_t from that step on, noise included in the warmup", () => {
    const clean = TanhLRScheduler(base);
    const noisy = TanhLRScheduler({ ...base, noise_range_t: 3 });
    for (let t = 0; t < 3; t++) expect(noisy(t)).toBe(clean(t));
    for (let t = 3; t < 200; t++) expect(Math.abs(noisy(t) / clean(t) - 1)).toBeLessThan(0.67);
    expect([3, 4, 10, 100].every((t) => noisy(t) !== clean(t))).toBe(true);
  });

  it("ignores noise_std, as timm does", () => {
    const a = PolyLRScheduler({ ...base, noise_range_t: [0, 100], noise_std: 1 });
    const b = PolyLRScheduler({ ...base, noise_range_t: [0, 100], noise_std: 0.1 });
    for (let t = 0; t < 100; t++) expect(b(t)).toBe(a(t));
  });

  it("adds no noise when the range is empty or absent", () => {
    const clean = MultiStepLRScheduler({ lr: 0.1, decay_t: [10] });
    for (const noise_range_t of [[10, 10], [20, 5], null]) {
      const s = MultiStepLRScheduler({ lr: 0.1, decay_t: [10], noise_range_t });
      for (let t = 0; t < 30; t++) expect(s(t)).toBe(clean(t));
    }
  });

  it("rejects a range without an end and a noise_pct too small for timm's rejection sampling", () => {
    expectThrow(
      () => CosineLRScheduler({ ...base, noise_range_t: [5] }),
      RangeError,
      "timm.CosineLRScheduler: noise_range_t must hold a start and an end step, got [5]",
    );
    expectThrow(
      () => CosineLRScheduler({ ...base, noise_range_t: 5, noise_pct: 0.001 }),
      RangeError,
      "timm.CosineLRScheduler: noise_pct must be at least 0.01 for rejection sampling, got 0.001",
    );
    expectThrow(
      // @ts-expect-error a string range
      () => CosineLRScheduler({ ...base, noise_range_t: "5" }),
      TypeError,
      'timm.CosineLRScheduler: noise_range_t must be a step or a [start, end) pair of steps, got "5"',
    );
  });
});
