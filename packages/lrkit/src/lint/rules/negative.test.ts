import { describe, expect, it } from "vitest";
import { optax } from "../../presets/index.js";
import { lintWith } from "../lint.js";
import { negativeRule } from "./negative.js";

describe("negative-lr", () => {
  it("reports an Optax schedule driven below zero, as Optax's own test drives it (end_value=-3.0)", () => {
    // Optax 0.2.8 (jax_enable_x64) gives this schedule its first negative value at step 63,
    // -0.01332185292241129, and 56 more over steps 0 ... 119, the lowest -3.0.
    const s = optax.warmup_cosine_decay_schedule({
      init_value: 0.2,
      peak_value: 1.21,
      end_value: -3.0,
      warmup_steps: 50,
      decay_steps: 100,
      exponent: 2,
    });
    const [d, ...rest] = lintWith([negativeRule], s, { steps: 120 });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: "negative-lr",
      severity: "error",
      step: 63,
      message: "lr is -0.01332 at step 63, and at 56 more steps (lowest -3): a negative lr climbs the loss.",
    });
    expect(d!.fix).toContain("an Optax value, which Optax lets be negative");
    expect(d!.fix).toContain("clamp(optax.warmup_cosine_decay_schedule(");
  });

  it("says nothing while the values stay at or above zero", () => {
    const s = optax.warmup_cosine_decay_schedule({
      init_value: 0,
      peak_value: 0.1,
      warmup_steps: 5,
      decay_steps: 50,
    });
    expect(lintWith([negativeRule], s, { steps: 60 })).toEqual([]);
  });
});
